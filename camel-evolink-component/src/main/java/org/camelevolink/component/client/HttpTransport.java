package org.camelevolink.component.client;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.camelevolink.component.exceptions.EvolinkApiException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP exchange at a time as a future, on HttpClient 5's async client: one I/O thread for every connection,
 * no thread held while an answer is awaited, every body read within a bound.
 */
final class HttpTransport implements AutoCloseable {

    private final CloseableHttpAsyncClient http;
    private final ErrorDecoder errors;
    private volatile boolean closed;

    HttpTransport(EvolinkClientConfig config, ErrorDecoder errors) {
        this.errors = errors;
        this.http = build(config);
        this.http.start();
    }

    /** The answer, whatever its status, or a failed future holding an {@link EvolinkApiException}. */
    CompletableFuture<HttpResult> send(AsyncRequestProducer request, long maxBytes) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        try {
            http.execute(request, new BoundedResponseConsumer(maxBytes), new FutureCallback<>() {
                @Override
                public void completed(HttpResult r) {
                    result.complete(r);
                }

                @Override
                public void failed(Exception e) {
                    result.completeExceptionally(closed ? closedError() : errors.fromFailure(e));
                }

                @Override
                public void cancelled() {
                    result.completeExceptionally(closed ? closedError() : errors.fromFailure(new CancellationException()));
                }
            });
        } catch (RuntimeException e) {
            // the client was shut down between the check above and execute()
            result.completeExceptionally(closed ? closedError() : errors.fromFailure(e));
        }
        return result;
    }

    static EvolinkApiException closedError() {
        return new EvolinkApiException(0, EvolinkApiException.CLIENT_CLOSED, null, null, "the EvoLink client is closed",
                null);
    }

    @Override
    public void close() {
        closed = true;
        http.close(CloseMode.GRACEFUL);
    }

    /**
     * The I/O reactor checks timeouts once per select interval (1 s by default), so a 300 ms response timeout
     * could fire after 1.3 s. A tenth of the shortest timeout keeps them accurate; idle wake-ups stay rare for the
     * default timeouts.
     */
    static TimeValue timeoutCheckInterval(EvolinkClientConfig config) {
        long shortest = Math.min(config.connectTimeout().toMillis(), config.responseTimeout().toMillis());
        return TimeValue.ofMilliseconds(Math.max(10, Math.min(1000, shortest / 10)));
    }

    private static CloseableHttpAsyncClient build(EvolinkClientConfig config) {
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200).setMaxConnPerRoute(100)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout())).build());
        if (config.sslContext() != null) {
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(config.sslContext()).build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom();
        if (config.proxyHost() != null) {
            builder.setProxy(new HttpHost(config.proxyHost(), config.proxyPort()));
        }
        return builder.setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1)
                        .setSelectInterval(timeoutCheckInterval(config)).build())
                .setUserAgent(config.userAgent())
                // retries are ours (a submit must keep its Idempotency-Key), and a redirect could carry the
                // Authorization header or a download past the host checks
                .disableAutomaticRetries().disableRedirectHandling()
                // EvoLink's API has no cookies, and a result host's cookie has no business reaching it
                .disableCookieManagement()
                .build();
    }
}
