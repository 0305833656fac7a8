package org.camelevolink.examples;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.nio.file.Path;

/**
 * Run by {@link ApiKeyFromEnvironmentTest} in a JVM of its own, whose environment holds {@code EVOLINK_API_KEY}: a
 * simulator that accepts only that key, and camel-main with the given property file (or none) sending one prompt.
 * Writes the task's status to the file named by the second argument.
 */
public final class KeyFromEnvironment {

    private KeyFromEnvironment() {
    }

    public static void main(String[] args) throws Exception {
        String location = args[0];
        Path result = Path.of(args[1]).toAbsolutePath();
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .apiKey(System.getenv("EVOLINK_API_KEY")).build())) {
            Main main = new Main();
            if (!location.equals("none")) {
                main.setPropertyPlaceholderLocations(location);
            }
            main.addProperty("camel.component.evolink.base-url", sim.baseUrl());
            main.addProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
            main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.addProperty("camel.component.evolink.task-store",
                    "#class:org.camelevolink.component.store.InMemoryTaskStore");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:once?repeatCount=1")
                            .setBody(constant("a red kite"))
                            .to("evolink:mj-v7")
                            .setBody(simple("${header.CamelEvolinkTaskStatus}"))
                            .to("file:" + result.getParent() + "?fileName=" + result.getFileName());
                }
            });
            main.configure().withDurationMaxMessages(1).withDurationMaxSeconds(60);
            main.run();
        }
    }
}
