package org.camelevolink.examples;

import org.apache.camel.main.Main;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fire-and-forget pipeline of routes/orders-pipeline.camel.yaml as Camel JBang would run it: three order files
 * become three tasks, and the consumer writes each order's four images under the order's correlation id.
 */
class OrdersPipelineTest {

    @Test
    void everyOrderComesBackAsFourImagesNamedByItsCorrelationId(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("orders"));
        Path results = dir.resolve("results");
        for (String order : List.of("acme-1", "acme-2", "globex-7")) {
            Files.writeString(inbox.resolve(order + ".txt"), "a poster for order " + order + " --ar 3:2");
        }
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .imageBaseSize(96).build())) {
            Main main = new Main();
            main.addProperty("camel.main.routes-include-pattern", "classpath:routes/orders-pipeline.camel.yaml");
            main.addProperty("orders.inbox", inbox.toString());
            main.addProperty("orders.results", results.toString());
            main.addProperty("camel.component.evolink.api-key", SimulatorConfig.DEFAULT_API_KEY);
            main.addProperty("camel.component.evolink.base-url", sim.baseUrl());
            main.addProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
            main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.addProperty("camel.component.evolink.task-store-file", dir.resolve("store/tasks.mv").toString());
            main.start();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (pngs(results).size() < 12 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                main.stop();
            }
            assertThat(sim.journal(Endpoint.CREATE)).hasSize(3);
            assertThat(sim.journal().chargedSubmits()).isEqualTo(3);
        }
        List<Path> images = pngs(results);
        assertThat(images.stream().map(p -> p.getFileName().toString()).sorted()).containsExactly(
                "acme-1-0.png", "acme-1-1.png", "acme-1-2.png", "acme-1-3.png",
                "acme-2-0.png", "acme-2-1.png", "acme-2-2.png", "acme-2-3.png",
                "globex-7-0.png", "globex-7-1.png", "globex-7-2.png", "globex-7-3.png");
        for (Path image : images) {
            BufferedImage png = ImageIO.read(image.toFile());
            assertThat(png).as(image.toString()).isNotNull();
            assertThat(png.getWidth() * 2).as("--ar 3:2").isEqualTo(png.getHeight() * 3);
        }
        assertThat(inbox.resolve(".done/acme-1.txt")).exists();
    }

    private static List<Path> pngs(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).toList();
        }
    }
}
