package org.camelevolink.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one simulator instance. Immutable; build one with {@link #builder()}.
 *
 * <p>Times that EvoLink documents in real seconds (task durations, result-link and file expiry, callback retry
 * delays) are multiplied by {@link #timeScale()}, so a 45 s Midjourney task takes 45 ms at a scale of 0.001.
 */
public final class SimulatorConfig {

    /** The API key every simulator accepts unless told otherwise. */
    public static final String DEFAULT_API_KEY = "sk-simulator";

    private final String host;
    private final int port;
    private final String publicBaseUrl;
    private final double timeScale;
    private final Map<String, Double> apiKeys;
    private final boolean allowInsecureCallbacks;
    private final double rateLimitPerSecond;
    private final int rateLimitBurst;
    private final int imageBaseSize;
    private final int maxJsonBodyBytes;
    private final int maxFileBytes;
    private final int fileQuota;
    private final Duration callbackTimeout;
    private final long seed;
    private final int workerThreads;
    private final boolean batchReads;
    private final int journalCapacity;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.publicBaseUrl = b.publicBaseUrl;
        this.timeScale = b.timeScale;
        this.apiKeys = Map.copyOf(b.apiKeys.isEmpty() ? Map.of(DEFAULT_API_KEY, b.defaultCredits) : b.apiKeys);
        this.allowInsecureCallbacks = b.allowInsecureCallbacks;
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.rateLimitBurst = b.rateLimitBurst;
        this.imageBaseSize = b.imageBaseSize;
        this.maxJsonBodyBytes = b.maxJsonBodyBytes;
        this.maxFileBytes = b.maxFileBytes;
        this.fileQuota = b.fileQuota;
        this.callbackTimeout = b.callbackTimeout;
        this.seed = b.seed;
        this.workerThreads = b.workerThreads;
        this.batchReads = b.batchReads;
        this.journalCapacity = b.journalCapacity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Address the server binds to; {@code 127.0.0.1} by default. */
    public String host() {
        return host;
    }

    /** Port to listen on; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** Base URL written into result and file links; null means {@code http://<host>:<bound port>}. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    public double timeScale() {
        return timeScale;
    }

    /** Accepted API keys and the credits each starts with. */
    public Map<String, Double> apiKeys() {
        return apiKeys;
    }

    /** Test mode: callback URLs may use http:// and loopback or private addresses. */
    public boolean allowInsecureCallbacks() {
        return allowInsecureCallbacks;
    }

    /** Requests per second per API key on /v1; 0 disables rate limiting. */
    public double rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public int rateLimitBurst() {
        return rateLimitBurst;
    }

    /** Long side, in pixels, of a fast-mode generated image. */
    public int imageBaseSize() {
        return imageBaseSize;
    }

    public int maxJsonBodyBytes() {
        return maxJsonBodyBytes;
    }

    public int maxFileBytes() {
        return maxFileBytes;
    }

    /** Files one API key may hold at once. */
    public int fileQuota() {
        return fileQuota;
    }

    public Duration callbackTimeout() {
        return callbackTimeout;
    }

    /** Seed of every random choice (durations, task ids, probabilistic faults). */
    public long seed() {
        return seed;
    }

    public int workerThreads() {
        return workerThreads;
    }

    /**
     * Whether {@code POST /v1/tasks/batch} is served (the default). It is not in EvoLink's public docs: without it
     * the path answers 405 like any unknown method on {@code /v1/tasks/{id}}, as an EvoLink without it would.
     */
    public boolean batchReads() {
        return batchReads;
    }

    /** How many requests the journal keeps, the newest; the per-endpoint counts are kept whatever it is. */
    public int journalCapacity() {
        return journalCapacity;
    }

    /** Converts a documented duration into the simulator's wall-clock milliseconds. */
    public long scaledMillis(Duration documented) {
        return Math.round(documented.toMillis() * timeScale);
    }

    @Override
    public String toString() {
        // API keys are secrets even here: name how many, never which
        return "SimulatorConfig[host=" + host + ", port=" + port + ", timeScale=" + timeScale + ", apiKeys="
                + apiKeys.size() + ", allowInsecureCallbacks=" + allowInsecureCallbacks + ", rateLimitPerSecond="
                + rateLimitPerSecond + "]";
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String publicBaseUrl;
        private double timeScale = 1.0;
        private final Map<String, Double> apiKeys = new LinkedHashMap<>();
        private double defaultCredits = 10_000;
        private boolean allowInsecureCallbacks;
        private double rateLimitPerSecond;
        private int rateLimitBurst = 20;
        private int imageBaseSize = 512;
        private int maxJsonBodyBytes = 1024 * 1024;
        private int maxFileBytes = 100 * 1024 * 1024;
        private int fileQuota = 100;
        private Duration callbackTimeout = Duration.ofSeconds(10);
        private long seed = 42;
        private int workerThreads = 16;
        private boolean batchReads = true;
        private int journalCapacity = 200_000;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder publicBaseUrl(String publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
            return this;
        }

        public Builder timeScale(double timeScale) {
            if (!(timeScale > 0)) {
                throw new IllegalArgumentException("timeScale must be > 0, was " + timeScale);
            }
            this.timeScale = timeScale;
            return this;
        }

        /** Adds an accepted API key with its starting credits. Without any, {@value #DEFAULT_API_KEY} is accepted. */
        public Builder apiKey(String apiKey, double credits) {
            apiKeys.put(Objects.requireNonNull(apiKey, "apiKey"), credits);
            return this;
        }

        public Builder apiKey(String apiKey) {
            return apiKey(apiKey, defaultCredits);
        }

        /** Credits of the default key (and of keys added later without an amount). */
        public Builder defaultCredits(double credits) {
            this.defaultCredits = credits;
            return this;
        }

        public Builder allowInsecureCallbacks(boolean allow) {
            this.allowInsecureCallbacks = allow;
            return this;
        }

        public Builder rateLimit(double perSecond, int burst) {
            if (perSecond < 0 || burst < 1) {
                throw new IllegalArgumentException("rate limit needs perSecond >= 0 and burst >= 1");
            }
            this.rateLimitPerSecond = perSecond;
            this.rateLimitBurst = burst;
            return this;
        }

        public Builder imageBaseSize(int pixels) {
            if (pixels < 16 || pixels > 4096) {
                throw new IllegalArgumentException("imageBaseSize must be within 16..4096, was " + pixels);
            }
            this.imageBaseSize = pixels;
            return this;
        }

        public Builder maxJsonBodyBytes(int bytes) {
            this.maxJsonBodyBytes = bytes;
            return this;
        }

        public Builder maxFileBytes(int bytes) {
            this.maxFileBytes = bytes;
            return this;
        }

        public Builder fileQuota(int files) {
            this.fileQuota = files;
            return this;
        }

        public Builder callbackTimeout(Duration timeout) {
            this.callbackTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder workerThreads(int threads) {
            this.workerThreads = Math.max(2, threads);
            return this;
        }

        /** False: no {@code POST /v1/tasks/batch}, EvoLink as its public docs describe it. */
        public Builder batchReads(boolean served) {
            this.batchReads = served;
            return this;
        }

        /** 0 keeps no entry (a load run that only needs the counts); the counts are kept whatever it is. */
        public Builder journalCapacity(int entries) {
            this.journalCapacity = Math.max(0, entries);
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
