package org.camelevolink.examples;

import org.apache.camel.main.Main;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

/**
 * Where the examples send their requests: the real EvoLink API when {@code EVOLINK_API_KEY} is set, else an
 * embedded simulator started here (no key, no credits, no network).
 */
final class ExampleBackend implements AutoCloseable {

    private final EvolinkSimulator simulator;

    private ExampleBackend(EvolinkSimulator simulator) {
        this.simulator = simulator;
    }

    static ExampleBackend start() {
        String key = System.getenv("EVOLINK_API_KEY");
        if (key != null && !key.isBlank()) {
            return new ExampleBackend(null);
        }
        // a 45 s Midjourney task takes about 0.5 s here
        return new ExampleBackend(EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.01).build()));
    }

    /** Points the evolink component at the backend through ordinary Camel properties. */
    void configure(Main main) {
        if (simulator == null) {
            return; // the component reads EVOLINK_API_KEY and talks to https://api.evolink.ai
        }
        main.addProperty("camel.component.evolink.api-key", SimulatorConfig.DEFAULT_API_KEY);
        main.addProperty("camel.component.evolink.base-url", simulator.baseUrl());
        main.addProperty("camel.component.evolink.files-base-url", simulator.filesBaseUrl());
        main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
        main.addProperty("camel.component.evolink.min-poll-interval", "100");
        // the simulator's tasks end with the JVM, so there is nothing worth keeping across runs
        main.addProperty("camel.component.evolink.task-store",
                "#class:org.camelevolink.component.store.InMemoryTaskStore");
    }

    String describe() {
        return simulator == null ? "the EvoLink API (EVOLINK_API_KEY is set)"
                : "the embedded EvoLink simulator at " + simulator.baseUrl() + " (set EVOLINK_API_KEY to use EvoLink)";
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
