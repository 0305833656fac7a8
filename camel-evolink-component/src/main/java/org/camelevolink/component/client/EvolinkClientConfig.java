package org.camelevolink.component.client;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/** Settings of an {@link EvolinkClient}. Immutable; {@link #toString()} never shows the API key. */
public final class EvolinkClientConfig {

    // the defaults, here only: the Camel options' defaultValue and initial values are these constants
    public static final String DEFAULT_BASE_URL = "https://api.evolink.ai";
    public static final String DEFAULT_FILES_BASE_URL = "https://files-api.evolink.ai";
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_RESPONSE_TIMEOUT_MILLIS = 30_000;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_READ_RETRIES = 3;
    public static final int DEFAULT_MAX_SUBMIT_RETRIES = 2;
    public static final int DEFAULT_PROXY_PORT = 8080;

    private final String apiKey;
    private final String baseUrl;
    private final String filesBaseUrl;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final long maxResponseBytes;
    private final RetryPolicy readRetry;
    private final int maxSubmitRetries;
    private final String userAgent;
    private final SSLContext sslContext;
    private final String proxyHost;
    private final int proxyPort;
    private final ScheduledExecutorService scheduler;
    private final ClientEvents events;

    private EvolinkClientConfig(Builder b) {
        if (b.apiKey == null || b.apiKey.isBlank()) {
            throw new IllegalArgumentException("an EvoLink API key is required");
        }
        this.apiKey = b.apiKey;
        this.baseUrl = httpUrl(b.baseUrl, "baseUrl");
        this.filesBaseUrl = httpUrl(b.filesBaseUrl, "filesBaseUrl");
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.readRetry = new RetryPolicy(b.maxReadRetries, b.initialBackoff, b.backoffMultiplier, b.maxBackoff);
        this.maxSubmitRetries = b.maxSubmitRetries;
        this.userAgent = b.userAgent;
        this.sslContext = b.sslContext;
        this.proxyHost = b.proxyHost;
        this.proxyPort = b.proxyPort;
        this.scheduler = b.scheduler;
        this.events = b.events;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Package-private: the key leaves this package only inside the Authorization header. */
    String apiKey() {
        return apiKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String filesBaseUrl() {
        return filesBaseUrl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Backoff of every retried call; its {@code maxRetries} bounds reads, uploads and downloads. */
    public RetryPolicy readRetry() {
        return readRetry;
    }

    /** Re-sends of a paid submit, each with the same Idempotency-Key, after a lost answer, 429, 502 or 503. */
    public int maxSubmitRetries() {
        return maxSubmitRetries;
    }

    public String userAgent() {
        return userAgent;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** An HTTP proxy host, or null. */
    public String proxyHost() {
        return proxyHost;
    }

    public int proxyPort() {
        return proxyPort;
    }

    /** Where backoff delays are scheduled; null: the client owns a daemon thread. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where the client tells of its requests. */
    public ClientEvents events() {
        return events;
    }

    @Override
    public String toString() {
        return "EvolinkClientConfig[baseUrl=" + baseUrl + ", filesBaseUrl=" + filesBaseUrl + ", apiKey=******"
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", maxResponseBytes="
                + maxResponseBytes + ", readRetry=" + readRetry + ", maxSubmitRetries=" + maxSubmitRetries
                + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort) + "]";
    }

    /** The key is sent to these URLs' hosts: they must be plain http(s) URLs naming a host. */
    private static String httpUrl(String url, String what) {
        Objects.requireNonNull(url, what);
        if (HttpUrls.http(url).filter(uri -> uri.getQuery() == null).isEmpty()) {
            throw new IllegalArgumentException(what + " must be an http(s) URL with a host and no query: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static final class Builder {
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private String filesBaseUrl = DEFAULT_FILES_BASE_URL;
        private Duration connectTimeout = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS);
        private Duration responseTimeout = Duration.ofMillis(DEFAULT_RESPONSE_TIMEOUT_MILLIS);
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxReadRetries = DEFAULT_MAX_READ_RETRIES;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double backoffMultiplier = 2;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private int maxSubmitRetries = DEFAULT_MAX_SUBMIT_RETRIES;
        private String userAgent = "camel-evolink/0.1";
        private SSLContext sslContext;
        private String proxyHost;
        private int proxyPort;
        private ScheduledExecutorService scheduler;
        private ClientEvents events = ClientEvents.NONE;

        private Builder() {
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder filesBaseUrl(String filesBaseUrl) {
            this.filesBaseUrl = filesBaseUrl;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        public Builder maxReadRetries(int retries) {
            this.maxReadRetries = Math.max(0, retries);
            return this;
        }

        /** First backoff of a retry; it grows by the multiplier per retry up to {@code max}, which also caps Retry-After. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("max backoff must not be shorter than the initial backoff");
            }
            return this;
        }

        /** How much each backoff grows over the previous one; 1 keeps it constant. */
        public Builder backoffMultiplier(double multiplier) {
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("backoff multiplier must be 1 or more");
            }
            this.backoffMultiplier = multiplier;
            return this;
        }

        public Builder maxSubmitRetries(int retries) {
            this.maxSubmitRetries = Math.max(0, retries);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Reach EvoLink through an HTTP proxy; a null host means directly. */
        public Builder proxy(String host, int port) {
            if (host != null && (port < 1 || port > 65535)) {
                throw new IllegalArgumentException("proxy port must be 1..65535");
            }
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        public Builder events(ClientEvents events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public EvolinkClientConfig build() {
            return new EvolinkClientConfig(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
