package org.camelevolink.camelrun;

import org.apache.camel.main.KameletMain;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@code routes/*.camel.yaml} of the examples, run as {@code camel run} runs them: Camel JBang's runtime,
 * {@code KameletMain("camel.jbang")}, with download on and the component given only as a Maven coordinate
 * ({@code --dep}), which it resolves from the build's local repository (the component's {@code install} put it
 * there). The same command for users is in docs/deployment.md.
 */
class CamelRunTest {

    private static final Path ROUTES = Path.of(System.getProperty("examples.routes"));

    @Test
    void theComponentIsNotOnThisClasspath() {
        // else the run below would not show that --dep brings it
        assertThatThrownBy(() -> Class.forName("org.camelevolink.component.EvolinkComponent"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void everyExampleYamlRouteRunsWithTheComponentAsADownloadedDependency(@TempDir Path dir) throws Exception {
        List<Path> routes = exampleRoutes();
        assertThat(routes).extracting(p -> p.getFileName().toString()).contains("orders-pipeline.camel.yaml",
                "outpaint-pan-chain.camel.yaml", "remove-background.camel.yaml");
        Path orders = Files.createDirectories(dir.resolve("orders"));
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(orders.resolve("order-1.txt"), "a red kite over dunes");
        Files.writeString(prompts.resolve("coast.txt"), "a lighthouse on a cliff --ar 3:2");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", inbox.resolve("mug.png").toFile());

        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001).build())) {
            KameletMain main = camelRun(sim, dir);
            main.start();
            try {
                assertThat(jarOf(main.getCamelContext().getComponent("evolink")))
                        .as("the component comes from the build's local repository")
                        .startsWith(Path.of(System.getProperty("maven.repo.local")).toRealPath());
                awaitFiles(dir.resolve("results"), 4);
                awaitFiles(dir.resolve("output"), 4);
                awaitFiles(dir.resolve("outbox"), 1);
            } finally {
                main.stop();
            }
        }
        assertThat(pngs(dir.resolve("results"))).containsExactlyInAnyOrder(
                "order-1-0.png", "order-1-1.png", "order-1-2.png", "order-1-3.png");
        assertThat(pngs(dir.resolve("output"))).containsExactlyInAnyOrder(
                "coast-0.png", "coast-1.png", "coast-2.png", "coast-3.png");
        assertThat(pngs(dir.resolve("outbox"))).containsExactly("mug-no-background.png");
    }

    /** What {@code camel run routes/*.camel.yaml --dep=<gav> --prop=k=v ...} sets up (Camel JBang's Run command). */
    private static KameletMain camelRun(EvolinkSimulator sim, Path dir) {
        KameletMain main = new KameletMain("camel.jbang");
        main.setDownload(true);
        main.addInitialProperty("camel.jbang.dependencies", System.getProperty("evolink.gav"));
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + ROUTES + "/*.camel.yaml");
        main.addInitialProperty("camel.component.evolink.api-key", SimulatorConfig.DEFAULT_API_KEY);
        main.addInitialProperty("camel.component.evolink.base-url", sim.baseUrl());
        main.addInitialProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
        main.addInitialProperty("camel.component.evolink.allow-insecure-urls", "true");
        main.addInitialProperty("camel.component.evolink.min-poll-interval", "20");
        main.addInitialProperty("camel.component.evolink.task-store",
                "#class:org.camelevolink.component.store.InMemoryTaskStore");
        main.addInitialProperty("orders.inbox", dir.resolve("orders").toString());
        main.addInitialProperty("orders.results", dir.resolve("results").toString());
        main.addInitialProperty("outpaint.prompts", dir.resolve("prompts").toString());
        main.addInitialProperty("outpaint.output", dir.resolve("output").toString());
        main.addInitialProperty("evolink.inbox", dir.resolve("inbox").toString());
        main.addInitialProperty("evolink.outbox", dir.resolve("outbox").toString());
        return main;
    }

    private static Path jarOf(Object component) throws Exception {
        return Path.of(component.getClass().getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
    }

    private static List<Path> exampleRoutes() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    private static void awaitFiles(Path folder, int count) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L; // a bound for a loaded machine, not a speed claim
        while (pngs(folder).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(pngs(folder)).as("PNG files in " + folder).hasSize(count);
    }

    private static List<String> pngs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }
}
