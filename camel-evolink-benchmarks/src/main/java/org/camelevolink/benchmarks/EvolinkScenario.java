package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.store.InMemoryTaskStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Scenarios a, b and c: the {@code evolink:} component, waiting in the producer or emitting from a consumer. */
final class EvolinkScenario extends CamelScenario {

    enum Mode { WAITING_PRODUCER, POLLING_CONSUMER, CALLBACK_CONSUMER }

    private final Mode mode;

    EvolinkScenario(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String id() {
        return switch (mode) {
            case WAITING_PRODUCER -> "a";
            case POLLING_CONSUMER -> "b";
            case CALLBACK_CONSUMER -> "c";
        };
    }

    @Override
    public String title() {
        return switch (mode) {
            case WAITING_PRODUCER -> "evolink: producer, waitForCompletion=true";
            case POLLING_CONSUMER -> "evolink: fire-and-forget + consumer, polling";
            case CALLBACK_CONSUMER -> "evolink: fire-and-forget + consumer, callbacks";
        };
    }

    @Override
    protected void configure(CamelContext camel) throws Exception {
        EvolinkComponent evolink = new EvolinkComponent();
        // in memory: the figures are the component's; the default MVStore file adds its disk writes (docs/benchmarks.md)
        evolink.setTaskStore(new InMemoryTaskStore());
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(BenchSettings.API_KEY);
        cfg.setBaseUrl(env.sim().baseUrl());
        cfg.setFilesBaseUrl(env.sim().filesBaseUrl());
        cfg.setAllowInsecureUrls(true);
        cfg.setMinPollInterval(env.settings().minPollMillis());
        cfg.setMaxPollInterval(env.settings().maxPollMillis());
        if (mode == Mode.CALLBACK_CONSUMER) {
            int port = freePort();
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            camel.addService(new VertxPlatformHttpServer(server));
            cfg.setCallbackBaseUrl("http://127.0.0.1:" + port + "/evolink/callbacks");
        }
        camel.addComponent("evolink", evolink);
    }

    @Override
    protected RouteBuilder routes() {
        String model = env.settings().model();
        TaskLedger ledger = env.ledger();
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (mode == Mode.WAITING_PRODUCER) {
                    from("direct:task").to("evolink:" + model).process(e -> ledger.detected(taskId(e)));
                    return;
                }
                from("direct:task").to("evolink:" + model + "?waitForCompletion=false");
                from("evolink:" + model).process(e -> {
                    if (e.getMessage().getHeader(EvolinkConstants.ERROR_CODE) != null) {
                        ledger.failed(new IllegalStateException(taskId(e) + " ended with "
                                + e.getMessage().getHeader(EvolinkConstants.ERROR_CODE)));
                    } else {
                        ledger.detected(taskId(e));
                    }
                });
            }
        };
    }

    private static String taskId(Exchange e) {
        return e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
