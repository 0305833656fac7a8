package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.store.InMemoryTaskStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scenarios a, b and c: the {@code evolink:} component, waiting in the producer or emitting from a consumer; each
 * with the default task store (the MVStore file, in a fresh temporary directory) or the in-memory one, and a and b
 * also against an EvoLink without the batch endpoint (the component then reads one task per GET).
 */
final class EvolinkScenario extends CamelScenario {

    enum Mode { WAITING_PRODUCER, POLLING_CONSUMER, CALLBACK_CONSUMER }

    /** The task store, and whether batch reads are there to be used. */
    enum Variant {
        FILE_STORE("", "file store"),
        IN_MEMORY("-mem", "in-memory store"),
        SINGLE_READS("-single", "file store, no batch endpoint");

        private final String suffix;
        private final String words;

        Variant(String suffix, String words) {
            this.suffix = suffix;
            this.words = words;
        }
    }

    private final Mode mode;
    private final Variant variant;
    private Path storeDir;

    EvolinkScenario(Mode mode, Variant variant) {
        this.mode = mode;
        this.variant = variant;
    }

    @Override
    public String id() {
        return switch (mode) {
            case WAITING_PRODUCER -> "a";
            case POLLING_CONSUMER -> "b";
            case CALLBACK_CONSUMER -> "c";
        } + variant.suffix;
    }

    @Override
    public String title() {
        return switch (mode) {
            case WAITING_PRODUCER -> "evolink: producer, waitForCompletion=true";
            case POLLING_CONSUMER -> "evolink: fire-and-forget + consumer, polling";
            case CALLBACK_CONSUMER -> "evolink: fire-and-forget + consumer, callbacks";
        } + " (" + variant.words + ")";
    }

    @Override
    public Role role() {
        return Role.COMPONENT;
    }

    @Override
    public boolean batchEndpoint() {
        return variant != Variant.SINGLE_READS;
    }

    @Override
    protected void configure(CamelContext camel) throws Exception {
        EvolinkComponent evolink = new EvolinkComponent();
        if (variant == Variant.IN_MEMORY) {
            evolink.setTaskStore(new InMemoryTaskStore());
        } else {
            // the default store, where an application would have it: a file of its own, fresh for every run
            storeDir = Files.createTempDirectory("bench-store");
            evolink.setTaskStoreFile(storeDir.resolve("tasks.mv").toString());
        }
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(BenchSettings.API_KEY);
        cfg.setBaseUrl(env.sim().baseUrl());
        cfg.setFilesBaseUrl(env.sim().baseUrl()); // the simulator serves the files API under the same base
        cfg.setAllowInsecureUrls(true);
        cfg.setMinPollInterval(env.settings().minPollMillis());
        cfg.setMaxPollInterval(env.settings().maxPollMillis());
        if (mode == Mode.CALLBACK_CONSUMER) {
            cfg.setCallbackBaseUrl(addHttpServer(camel) + "/evolink/callbacks");
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

    @Override
    public void close() throws Exception {
        super.close();
        if (storeDir != null) {
            try (Stream<Path> files = Files.walk(storeDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String taskId(Exchange e) {
        return e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
    }
}
