package org.camelevolink.component.reliability;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.ComponentProbe;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.TestComponents;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.util.concurrent.CompletableFuture;

/**
 * One Camel application on the simulator in one {@link Mode}: {@code direct:send} submits a logical request (its
 * idempotency key doubles as correlation id), and every end of it, on the submitting exchange or delivered to the
 * consumer's route, goes to the {@link Ledger}. Errors of the submitting exchange are caught in the route, so a second
 * {@code done} of one exchange would show as a second outcome.
 */
final class Rig implements AutoCloseable {

    static final String MODEL = "mj-v7";
    static final String KEY = "reliabilityKey";

    /** What a case may change; the rest is the same for every run. */
    record Settings(Mode mode, boolean download, long maxWaitTime, long minPoll, long maxPoll, long responseTimeout) {

        static Settings of(Mode mode) {
            // a response timeout well above an answer's time on a loaded 2-core machine, well below SLOW's delay
            return mode == Mode.CALLBACK ? new Settings(mode, false, 20_000, 200, 1_000, 1_000)
                    : new Settings(mode, false, 20_000, 5, 50, 1_000);
        }

        Settings download(boolean on) {
            return new Settings(mode, on, maxWaitTime, minPoll, maxPoll, responseTimeout);
        }

        Settings maxWaitTime(long millis) {
            return new Settings(mode, download, millis, minPoll, maxPoll, responseTimeout);
        }

        Settings polls(long min, long max) {
            return new Settings(mode, download, maxWaitTime, min, max, responseTimeout);
        }
    }

    private final Settings settings;
    private final Ledger ledger = new Ledger();
    private final CamelContext context = new DefaultCamelContext();
    private final ComponentProbe probe;
    private final ProducerTemplate template;

    Rig(EvolinkSimulator sim, Settings settings) throws Exception {
        this.settings = settings;
        EvolinkComponent evolink = SimulatorExtension.componentOn(sim, SimulatorConfig.DEFAULT_API_KEY,
                new InMemoryTaskStore());
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setMinPollInterval(settings.minPoll());
        cfg.setMaxPollInterval(settings.maxPoll());
        cfg.setResponseTimeout(settings.responseTimeout());
        cfg.setConnectTimeout(2_000);
        cfg.setMaxWaitTime(settings.maxWaitTime());
        cfg.setDeliveryRetryDelay(20);
        if (settings.mode() == Mode.CALLBACK) {
            int port = TestComponents.freePort();
            TestComponents.addCallbackServer(context, port);
            cfg.setCallbackBaseUrl("http://127.0.0.1:" + port + "/evolink/callbacks");
        }
        context.addComponent("evolink", evolink);
        // started before the routes, so that the callback server's router exists when the receiver registers
        context.start();
        context.addRoutes(routes());
        probe = new ComponentProbe(evolink);
        template = context.createProducerTemplate();
    }

    private RouteBuilder routes() {
        boolean wait = settings.mode() == Mode.WAIT;
        String producer = "evolink:" + MODEL + "?waitForCompletion=" + wait
                + (wait && settings.download() ? "&download=true" : "");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send")
                        .onException(Throwable.class).handled(true)
                            .process(e -> ledger.entry(key(e)).producerOutcomes.add(Outcome.ofProducerError(
                                    e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                                    e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class))))
                        .end()
                        .to(producer)
                        .process(e -> {
                            Ledger.Entry entry = ledger.entry(key(e));
                            if (wait) {
                                entry.producerOutcomes.add(Outcome.ofProducerSuccess(e));
                            } else {
                                entry.handedOver.incrementAndGet();
                            }
                        });
                if (!wait) {
                    from("evolink:" + MODEL + "?download=" + settings.download()).routeId("consume")
                            .process(e -> ledger.entry(e.getMessage().getHeader(EvolinkConstants.CORRELATION_ID,
                                    String.class)).emissions.add(Outcome.ofEmission(e.getMessage())));
                }
            }
        };
    }

    private static String key(Exchange e) {
        return e.getMessage().getHeader(KEY, String.class);
    }

    /**
     * Runs one request in each mode, so that threads the JVM keeps once started (Vert.x's, HttpClient's cleaner,
     * AWT's) are there before a test counts threads.
     */
    static void warmUp(EvolinkSimulator sim) throws Exception {
        for (Mode mode : Mode.values()) {
            try (Rig rig = new Rig(sim, Settings.of(mode))) {
                rig.send("warm-up-" + mode, Drives.png());
                Invariants.awaitEnds(rig, Invariants.LIMIT);
            }
        }
    }

    /** Sends one logical request; the future completes when the submitting exchange is done. */
    CompletableFuture<Exchange> send(String key, Object body) {
        ledger.entry(key).sends.incrementAndGet();
        return template.asyncSend("direct:send", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(KEY, key);
            e.getMessage().setHeader(EvolinkConstants.IDEMPOTENCY_KEY, key);
            e.getMessage().setHeader(EvolinkConstants.CORRELATION_ID, key);
            if (!(body instanceof String)) {
                e.getMessage().setHeader(EvolinkConstants.PROMPT, "a poster for " + key);
            }
        });
    }

    Ledger ledger() {
        return ledger;
    }

    ComponentProbe probe() {
        return probe;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
