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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every one of the 26 models through an evolink: endpoint: submit, wait, download, check the images. */
class EveryModelEndToEndTest extends ProducerTestSupport {

    private static final String MASK = "[{\"width\":100,\"height\":100,\"points\":[10,10,10,60,60,60,60,10]}]";

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
                : spec.requiresImageUrls() ? EvolinkProducerTest.squareOnWhite() : "a teapot --ar 3:2";
        long submitsBefore = sim.journal(Endpoint.CREATE).size();

        Exchange out = template.request("evolink:" + model + "?download=true" + options(spec),
                e -> e.getMessage().setBody(body));

        assertThat(out.getException()).as(model).isNull();
        assertThat(sim.journal(Endpoint.CREATE).size() - submitsBefore).isEqualTo(1);
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

    private static String options(ModelSpec spec) {
        return switch (spec.operation()) {
            case "generate", "variation", "upscale", "enhance", "remove-bg" -> "";
            case "remix" -> "&prompt=in autumn";
            case "inpaint" -> "&prompt=a flower&maskAreas=RAW(" + MASK + ")";
            case "outpaint" -> "&scale=1.5";
            case "pan" -> "&direction=left&scale=2";
            case "retexture" -> "&prompt=made of wood";
            // V8.1 wants the canvas, V8.2 the image position, in the image's aspect ratio: 3:2 sources, square uploads
            case "edit" -> "&prompt=fill&canvasWidth=96&canvasHeight=64&imgPosX=0&imgPosY=0&imgPosWidth=48"
                    + "&imgPosHeight=32";
            case "upload-paint" -> "&prompt=fill&canvasWidth=" + canvasWidth(spec) + "&canvasHeight=64&imgPosX=0"
                    + "&imgPosY=0&imgPosWidth=64&imgPosHeight=64&maskAreas=RAW(" + MASK + ")";
            default -> throw new IllegalArgumentException(spec.operation());
        };
    }

    private static int canvasWidth(ModelSpec spec) {
        return spec.family().equals("v8.1") ? 64 : 96;
    }

    private BufferedImage sourceImage(EvolinkTask source) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(sim.resultImage(source.getId(), 0)));
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
