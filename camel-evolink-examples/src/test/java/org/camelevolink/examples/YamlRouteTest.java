package org.camelevolink.examples;

import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML route as Camel JBang would run it (camel-main + camel-yaml-dsl), against the simulator, with an API key
 * full of characters URIs mangle ({@code + / =}), passed as an endpoint parameter the YAML DSL wraps in RAW().
 */
class YamlRouteTest {

    private static final String KEY = "sk-yaml+key/with=chars";

    @Test
    void imagesDroppedInTheInboxComeOutWithoutBackground(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path outbox = dir.resolve("outbox");
        BufferedImage photo = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 80, 60);
        g.setColor(Color.RED);
        g.fillOval(20, 15, 40, 30);
        g.dispose();
        ImageIO.write(photo, "png", inbox.resolve("mug.png").toFile());

        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .apiKey(KEY).build())) {
            Main main = new Main();
            main.addProperty("camel.main.routes-include-pattern", "classpath:routes/remove-background.camel.yaml");
            main.addProperty("evolink.inbox", inbox.toString());
            main.addProperty("evolink.outbox", outbox.toString());
            main.addProperty("camel.component.evolink.api-key", KEY);
            main.addProperty("camel.component.evolink.base-url", sim.baseUrl());
            main.addProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
            main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.configure().withDurationMaxMessages(1).withDurationMaxSeconds(60);
            main.run();
            assertThat(sim.journal().chargedSubmits()).isEqualTo(1);
        }
        Path result = outbox.resolve("mug-no-background.png");
        assertThat(result).exists();
        BufferedImage cutout = ImageIO.read(result.toFile());
        assertThat(cutout.getWidth()).isEqualTo(80);
        assertThat(cutout.getRGB(0, 0) >>> 24).isZero();
        assertThat(cutout.getRGB(40, 30) >>> 24).isEqualTo(255);
    }

    /**
     * A file that passes the name filter but is no image fails once, naming the endpoint's model, and goes to
     * {@code .failed}: it is not read, logged and refused again at every poll of the inbox (every 500 ms).
     */
    @Test
    void aFileThatIsNoImageIsMovedAsideAndLoggedOnce(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path outbox = dir.resolve("outbox");
        Files.writeString(inbox.resolve("notes.png"), "meeting notes, whatever the name says");
        BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(photo, "png", inbox.resolve("mug.png").toFile());

        StringWriter logs = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        WriterAppender appender = WriterAppender.newBuilder().setName("failed-file-capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("@@%p %c %m%n").withAlwaysWriteExceptions(false)
                        .build()).build();
        appender.start();
        root.addAppender(appender, Level.WARN, null);
        ctx.updateLoggers();
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .apiKey(KEY).build())) {
            Main main = new Main();
            main.addProperty("camel.main.routes-include-pattern", "classpath:routes/remove-background.camel.yaml");
            main.addProperty("evolink.inbox", inbox.toString());
            main.addProperty("evolink.outbox", outbox.toString());
            main.addProperty("camel.component.evolink.api-key", KEY);
            main.addProperty("camel.component.evolink.base-url", sim.baseUrl());
            main.addProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
            main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.start();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!(Files.exists(outbox.resolve("mug-no-background.png"))
                        && Files.exists(inbox.resolve(".failed/notes.png"))) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(2_000); // four more polls: a file left in the inbox would fail again
            } finally {
                main.stop();
            }
            assertThat(sim.journal().chargedSubmits()).as("only the image was submitted").isEqualTo(1);
        } finally {
            root.removeAppender("failed-file-capture");
            ctx.updateLoggers();
            appender.stop();
        }
        assertThat(outbox.resolve("mug-no-background.png")).exists();
        assertThat(inbox.resolve("notes.png")).doesNotExist();
        assertThat(inbox.resolve(".failed/notes.png")).hasContent("meeting notes, whatever the name says");
        List<String> refusals = Arrays.stream(logs.toString().split("@@"))
                .filter(event -> event.contains("is not a PNG, JPEG, GIF or WebP image")).toList();
        assertThat(refusals).as(logs.toString()).singleElement().asString().startsWith("ERROR ")
                .contains("Invalid request for EvoLink model mj-v7-remove-bg: 'body' is not a PNG");
    }

    @Test
    void aKeyWithPlusSlashAndEqualsSurvivesAsAYamlEndpointParameter(@TempDir Path dir) throws Exception {
        Path route = dir.resolve("credits.camel.yaml");
        Files.writeString(route, """
                - route:
                    from:
                      uri: timer:once
                      parameters:
                        repeatCount: 1
                      steps:
                        - setBody:
                            constant: "a red kite"
                        - to:
                            uri: evolink:mj-v7
                            parameters:
                              apiKey: "%s"
                              baseUrl: "{{sim.url}}"
                        - setBody:
                            simple: "${header.CamelEvolinkTaskStatus}"
                        - to: "file:%s?fileName=task.txt"
                """.formatted(KEY, dir.resolve("out").toString().replace("\\", "/")));
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .apiKey(KEY).build())) {
            Main main = new Main();
            main.addProperty("camel.main.routes-include-pattern", "file:" + route);
            main.addProperty("sim.url", sim.baseUrl());
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.configure().withDurationMaxMessages(1).withDurationMaxSeconds(60);
            main.run();
            assertThat(sim.journal().chargedSubmits()).as("the key was accepted").isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("out/task.txt"))).contains("completed");
    }

    /** The YAML snippet of README.md, taken from the README itself and run as written. */
    @Test
    void theReadmeYamlSnippetRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```yaml\n") + 8;
        String yaml = readme.substring(start, readme.indexOf("```", start))
                .replace("file:target/shots", "file:" + dir.resolve("shots").toString().replace("\\", "/"));
        Path route = dir.resolve("readme.camel.yaml");
        Files.writeString(route, yaml);
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001).build())) {
            Main main = new Main();
            main.addProperty("camel.main.routes-include-pattern", "file:" + route);
            main.addProperty("camel.component.evolink.api-key", SimulatorConfig.DEFAULT_API_KEY);
            main.addProperty("camel.component.evolink.base-url", sim.baseUrl());
            main.addProperty("camel.component.evolink.files-base-url", sim.filesBaseUrl());
            main.addProperty("camel.component.evolink.allow-insecure-urls", "true");
            main.addProperty("camel.component.evolink.min-poll-interval", "20");
            main.start();
            try {
                main.getCamelContext().createProducerTemplate().sendBody("direct:shots", null);
            } finally {
                main.stop();
            }
            assertThat(sim.journal().chargedSubmits()).isEqualTo(3);
        }
        try (var files = Files.list(dir.resolve("shots"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(1);
        }
    }
}
