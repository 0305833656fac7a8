package org.camelevolink.component.client;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/** Settings of an {@link EvolinkClient}. Immutable; {@link #toString()} never shows the API key. */
public final class EvolinkClientConfig {

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

    private EvolinkClientConfig(Builder b) {
        if (b.apiKey == null || b.apiKey.isBlank()) {
            throw new IllegalArgumentException("an EvoLink API key is required");
        }
        this.apiKey = b.apiKey;
        this.baseUrl = trimSlash(b.baseUrl);
        this.filesBaseUrl = trimSlash(b.filesBaseUrl);
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.readRetry = new RetryPolicy(b.maxReadRetries, b.initialBackoff, b.maxBackoff);
        this.maxSubmitRetries = b.maxSubmitRetries;
        this.userAgent = b.userAgent;
        this.sslContext = b.sslContext;
        this.proxyHost = b.proxyHost;
        this.proxyPort = b.proxyPort;
        this.scheduler = b.scheduler;
    }

    public static Builder builder() {
        return new Builder();
    }

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

    public RetryPolicy readRetry() {
        return readRetry;
    }

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

    @Override
    public String toString() {
        return "EvolinkClientConfig[baseUrl=" + baseUrl + ", filesBaseUrl=" + filesBaseUrl + ", apiKey=******"
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", readRetry="
                + readRetry + ", maxSubmitRetries=" + maxSubmitRetries + "]";
    }

    private static String trimSlash(String url) {
        Objects.requireNonNull(url, "url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static final class Builder {
        private String apiKey;
        private String baseUrl = "https://api.evolink.ai";
        private String filesBaseUrl = "https://files-api.evolink.ai";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private long maxResponseBytes = 10L * 1024 * 1024;
        private int maxReadRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private int maxSubmitRetries = 2;
        private String userAgent = "camel-evolink/0.1";
        private SSLContext sslContext;
        private String proxyHost;
        private int proxyPort;
        private ScheduledExecutorService scheduler;

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

        /** First backoff of a read retry; it doubles per retry up to {@code max}, which also caps Retry-After. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            return this;
        }

        public Builder maxSubmitRetries(int retries) {
            this.maxSubmitRetries = Math.max(0, retries);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Reach EvoLink through an HTTP proxy; a null host means directly. */
        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
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
