package org.camelevolink.examples;

import org.apache.camel.main.Main;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.task.SimTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/outpaint-pan-chain.camel.yaml as Camel JBang would run it (camel-main + camel-yaml-dsl) on the simulator:
 * two prompt files become two generate, outpaint, pan chains and eight panned PNGs whose sizes and pixels show what
 * each step did.
 * <p>
 * With an image base size of 96, a {@code --ar 3:2} generation is 96 x 64; the simulator's outpaint makes the chosen
 * image {@code scale} times larger on both axes with the picture centred and unchanged (144 x 96), and its pan to the
 * right makes it {@code scale} times wider with the picture unchanged at the left (288 x 96).
 */
class OutpaintPanChainTest {

    private static final int BASE = 96;

    @Test
    void everyPromptBecomesFourOutpaintedAndPannedImages(@TempDir Path dir) throws Exception {
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Path output = dir.resolve("output");
        Files.writeString(prompts.resolve("lighthouse.txt"), "a lighthouse on a cliff --ar 3:2");
        Files.writeString(prompts.resolve("harbour.txt"), "a small harbour at dawn --ar 3:2");

        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .imageBaseSize(BASE).build())) {
            Main main = new Main();
            main.addProperty("camel.main.routes-include-pattern", "classpath:routes/outpaint-pan-chain.camel.yaml");
            main.addProperty("outpaint.prompts", prompts.toString());
            main.addProperty("outpaint.output", output.toString());
            main.addProperty("camel.component.evolink.api-key", SimulatorConfig.DEFAULT_API_KEY);
            main.addProperty("camel.component.evolink.base-url", sim.baseUrl());
            main.addProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
            main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.addProperty("camel.component.evolink.task-store",
                    "#class:org.camelevolink.component.store.InMemoryTaskStore");
            main.start();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while ((pngs(output).size() < 8 || !Files.exists(prompts.resolve(".done/harbour.txt"))
                        || !Files.exists(prompts.resolve(".done/lighthouse.txt"))) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                main.stop();
            }

            // three paid tasks per prompt, in the order of the chain, each follow-up on the task before it
            List<JournalEntry> creates = sim.journal(Endpoint.CREATE);
            assertThat(creates).hasSize(6);
            assertThat(sim.journal().chargedSubmits()).isEqualTo(6);
            List<JournalEntry> pans = creates.stream().filter(e -> e.body().contains("\"mj-v7-pan\"")).toList();
            assertThat(pans).hasSize(2);
            for (JournalEntry create : pans) {
                SimTask pan = sim.task(create.taskId());
                SimTask outpaint = pan.source();
                SimTask generated = outpaint.source();
                assertThat(outpaint.model()).isEqualTo("mj-v7-outpaint");
                assertThat(generated.model()).isEqualTo("mj-v7");
                assertThat(generated.source()).isNull();
                assertThat(outpaint.request().imageNumber()).isEqualTo(1);
                assertThat(pan.request().imageNumber()).isEqualTo(2);
                assertThat(create.body()).contains("\"direction\":\"right\"");

                BufferedImage source = png(sim.resultImage(generated.id(), 1));
                BufferedImage zoomedOut = png(sim.resultImage(outpaint.id(), 2));
                assertThat(new int[] {source.getWidth(), source.getHeight()}).containsExactly(96, 64);
                // outpaint: 1.5 x on both axes, the source image unchanged in the middle
                assertThat(new int[] {zoomedOut.getWidth(), zoomedOut.getHeight()}).containsExactly(144, 96);
                assertThat(sameRegion(zoomedOut, 24, 16, source)).as("outpaint keeps the picture centred").isTrue();
                for (int i = 0; i < 4; i++) {
                    BufferedImage panned = png(sim.resultImage(pan.id(), i));
                    // pan right: twice as wide, same height, the outpainted image unchanged at the left
                    assertThat(sameRegion(panned, 0, 0, zoomedOut)).as("pan keeps the picture at the left").isTrue();
                }
            }
        }

        List<Path> images = pngs(output);
        assertThat(images.stream().map(p -> p.getFileName().toString()).sorted()).containsExactly(
                "harbour-0.png", "harbour-1.png", "harbour-2.png", "harbour-3.png",
                "lighthouse-0.png", "lighthouse-1.png", "lighthouse-2.png", "lighthouse-3.png");
        for (Path image : images) {
            byte[] bytes = Files.readAllBytes(image);
            assertThat(bytes).as("%s is a PNG", image).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            BufferedImage png = png(bytes);
            assertThat(png).as(image.toString()).isNotNull();
            assertThat(Map.of("width", png.getWidth(), "height", png.getHeight())).as(image.toString())
                    .isEqualTo(Map.of("width", 288, "height", 96));
        }
        assertThat(prompts.resolve(".done/lighthouse.txt")).exists();
    }

    /** Whether {@code big} holds {@code small}'s pixels, unchanged, at ({@code x}, {@code y}). */
    private static boolean sameRegion(BufferedImage big, int x, int y, BufferedImage small) {
        for (int j = 0; j < small.getHeight(); j++) {
            for (int i = 0; i < small.getWidth(); i++) {
                if (big.getRGB(x + i, y + j) != small.getRGB(i, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static BufferedImage png(byte[] bytes) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(bytes));
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
