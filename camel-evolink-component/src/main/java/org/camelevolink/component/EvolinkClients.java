package org.camelevolink.component;

import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkClientConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One EvoLink client per distinct connection setting, shared by the endpoints that use it, so a route with many
 * endpoints keeps one connection pool and one I/O reactor.
 */
final class EvolinkClients implements AutoCloseable {

    /** What makes two clients different; the key takes part only through equality, never printed. */
    private record Settings(String apiKey, String baseUrl, String filesBaseUrl, long connectTimeout,
            long responseTimeout, long maxResponseBytes, int maxReadRetries, int maxSubmitRetries) {
        @Override
        public String toString() {
            return "Settings[" + baseUrl + "]";
        }
    }

    private final ScheduledExecutorService scheduler;
    private final Map<Settings, EvolinkClient> clients = new ConcurrentHashMap<>();

    EvolinkClients(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    EvolinkClient client(EvolinkConfiguration cfg) {
        String apiKey = cfg.resolveApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("No EvoLink API key: set the apiKey option (component or endpoint) "
                    + "or the EVOLINK_API_KEY environment variable");
        }
        Settings s = new Settings(apiKey, cfg.getBaseUrl(), cfg.getFilesBaseUrl(), cfg.getConnectTimeout(),
                cfg.getResponseTimeout(), cfg.getMaxResponseBytes(), cfg.getMaxReadRetries(), cfg.getMaxSubmitRetries());
        return clients.computeIfAbsent(s, this::create);
    }

    private EvolinkClient create(Settings s) {
        return EvolinkClient.create(EvolinkClientConfig.builder().apiKey(s.apiKey()).baseUrl(s.baseUrl())
                .filesBaseUrl(s.filesBaseUrl()).connectTimeout(Duration.ofMillis(s.connectTimeout()))
                .responseTimeout(Duration.ofMillis(s.responseTimeout())).maxResponseBytes(s.maxResponseBytes())
                .maxReadRetries(s.maxReadRetries()).maxSubmitRetries(s.maxSubmitRetries()).scheduler(scheduler)
                .build());
    }

    @Override
    public void close() {
        clients.values().forEach(EvolinkClient::close);
        clients.clear();
    }
}
