package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.catalog.ModelSpec;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every one of the 26 models through an evolink: endpoint: submit, wait, download, check the images. */
class EveryModelEndToEndTest extends ProducerTestSupport {

    /** The "One endpoint per model" table of docs/evolink-component.adoc: the test runs the documented URIs. */
    private static final Map<String, String> DOCUMENTED = documentedEndpoints();

    private static Map<String, String> documentedEndpoints() {
        try {
            Map<String, String> uris = new java.util.HashMap<>();
            Matcher m = Pattern.compile("^\\| `(mj-[^`]+)` \\| [^|]+ \\| `(evolink:[^`]+)`$", Pattern.MULTILINE)
                    .matcher(Files.readString(Path.of("../docs/evolink-component.adoc")));
            while (m.find()) {
                uris.put(m.group(1), m.group(2).replace("\\|", "|"));
            }
            return uris;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> models() {
        return ModelCatalog.load().all().stream().map(ModelSpec::id);
    }

    @ParameterizedTest
    @MethodSource("models")
    void submitWaitDownload(String model) throws Exception {
        ModelSpec spec = ModelCatalog.load().find(model).orElseThrow();
        String generation = spec.family().equals("v7") ? "mj-v7" : "mj-" + spec.family();
        EvolinkTask source = spec.needsSourceTask() ? template.requestBody("evolink:" + generation
                + (spec.operation().equals("enhance") ? "?speed=draft" : ""), "a teapot --ar 3:2", EvolinkTask.class)
                : null;
        Object body = spec.needsSourceTask() ? source
                : spec.requiresImageUrls() ? EvolinkProducerTest.squareOnWhite() : null;
        String uri = DOCUMENTED.get(model);
        assertThat(uri).as("docs/evolink-component.adoc documents " + model).isNotNull();
        long submitsBefore = SIM.simulator().journal(Endpoint.CREATE).size();

        String download = spec.operation().equals("remove-bg") ? "" : (uri.contains("?") ? "&" : "?") + "download=true";
        Exchange out = template.request(uri + download, e -> e.getMessage().setBody(body));

        assertThat(out.getException()).as(model).isNull();
        assertThat(SIM.simulator().journal(Endpoint.CREATE).size() - submitsBefore).isEqualTo(1);
        List<BufferedImage> images = images(out);
        assertThat(images).hasSize(spec.expectedResults("fast"));
        BufferedImage first = images.get(0);
        switch (spec.operation()) {
            case "outpaint" -> assertThat(first.getWidth()).isEqualTo(Math.round(sourceImage(source).getWidth() * 1.5f));
            case "upscale", "enhance" -> assertThat(first.getWidth()).isEqualTo(sourceImage(source).getWidth() * 2);
            case "remove-bg" -> assertThat(first.getRGB(0, 0) >>> 24).isZero();
            case "edit", "upload-paint" -> {
                assertThat(first.getWidth()).isEqualTo(spec.operation().equals("edit") ? 96 : canvasWidth(spec));
                assertThat(first.getHeight()).isEqualTo(64);
            }
            default -> assertThat(first.getWidth()).isPositive();
        }
    }

    private static int canvasWidth(ModelSpec spec) {
        return spec.family().equals("v8.1") ? 64 : 96;
    }

    private BufferedImage sourceImage(EvolinkTask source) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(SIM.simulator().resultImage(source.getId(), 0)));
    }

    private static List<BufferedImage> images(Exchange out) throws IOException {
        Object body = out.getMessage().getBody();
        if (body instanceof byte[] bytes) {
            return List.of(ImageIO.read(new ByteArrayInputStream(bytes)));
        }
        List<BufferedImage> images = new java.util.ArrayList<>();
        for (Object m : (List<?>) body) {
            images.add(ImageIO.read(new ByteArrayInputStream(((Message) m).getBody(byte[].class))));
        }
        return images;
    }
}
