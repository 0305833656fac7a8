package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.camelevolink.component.client.ClientEvents;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkClientConfig;
import org.camelevolink.component.tracking.TaskReader;

import java.io.IOException;
import java.security.GeneralSecurityException;
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
            long responseTimeout, long maxResponseBytes, int maxReadRetries, int maxSubmitRetries,
            SSLContextParameters ssl, String proxyHost, Integer proxyPort) {
        @Override
        public String toString() {
            return "Settings[" + baseUrl + "]";
        }
    }

    private final CamelContext camelContext;
    private final ScheduledExecutorService scheduler;
    private final ClientEvents events;
    private final Map<Settings, EvolinkClient> clients = new ConcurrentHashMap<>();
    /** One reader per client: the tracker batches the reads of tasks that share a reader. */
    private final Map<EvolinkClient, TaskReader> readers = new ConcurrentHashMap<>();

    EvolinkClients(CamelContext camelContext, ScheduledExecutorService scheduler, ClientEvents events) {
        this.camelContext = camelContext;
        this.scheduler = scheduler;
        this.events = events;
    }

    EvolinkClient client(EvolinkConfiguration cfg) {
        String apiKey = cfg.resolveApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("No EvoLink API key: set the apiKey option (component or endpoint) "
                    + "or the EVOLINK_API_KEY environment variable");
        }
        Settings s = new Settings(apiKey, cfg.getBaseUrl(), cfg.getFilesBaseUrl(), cfg.getConnectTimeout(),
                cfg.getResponseTimeout(), cfg.getMaxResponseBytes(), cfg.getMaxReadRetries(), cfg.getMaxSubmitRetries(),
                cfg.getSslContextParameters(), cfg.getProxyHost(), cfg.getProxyPort());
        return clients.computeIfAbsent(s, this::create);
    }

    /** Reads tasks through {@code client}; the same reader for every task of that client, so they share batches. */
    TaskReader reader(EvolinkClient client) {
        return readers.computeIfAbsent(client, c -> c::getTasks);
    }

    private EvolinkClient create(Settings s) {
        EvolinkClientConfig.Builder b = EvolinkClientConfig.builder().apiKey(s.apiKey()).baseUrl(s.baseUrl())
                .filesBaseUrl(s.filesBaseUrl()).connectTimeout(Duration.ofMillis(s.connectTimeout()))
                .responseTimeout(Duration.ofMillis(s.responseTimeout())).maxResponseBytes(s.maxResponseBytes())
                .maxReadRetries(s.maxReadRetries()).maxSubmitRetries(s.maxSubmitRetries()).scheduler(scheduler)
                .events(events);
        if (s.proxyHost() != null) {
            b.proxy(s.proxyHost(), s.proxyPort() == null ? EvolinkClientConfig.DEFAULT_PROXY_PORT : s.proxyPort());
        }
        if (s.ssl() != null) {
            try {
                b.sslContext(s.ssl().createSSLContext(camelContext));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("cannot create the SSLContext of sslContextParameters", e);
            }
        }
        return EvolinkClient.create(b.build());
    }

    @Override
    public void close() {
        clients.values().forEach(EvolinkClient::close);
        clients.clear();
        readers.clear();
    }
}
