package org.camelevolink.component;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** The Java DSL snippets of README.md and docs/evolink-component.adoc, run as written against the simulator. */
class DocumentedRoutesTest extends ProducerTestSupport {

    @TempDir
    static Path out;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // README.md, "Use it"
                from("direct:product-shot")
                    .to("evolink:mj-v7?prompt=a ceramic mug on a wooden table --ar 4:3&speed=fast")
                    .setHeader("CamelEvolinkImageNumber", constant(2))
                    .to("evolink:mj-v7-upscale")
                    .to("evolink:mj-v7-remove-bg?download=true")
                    .to("file:" + out.resolve("readme"));
                // docs/evolink-component.adoc, "Chaining"
                from("direct:shots")
                    .to("evolink:mj-v7?prompt=a ceramic mug --ar 4:3")
                    .to("evolink:mj-v7-upscale?imageNumber=2")
                    .to("evolink:mj-v7-remove-bg?download=true")
                    .to("file:" + out.resolve("adoc"));
                // README.md and docs/waiting-consuming-callbacks.md, fire and forget then consume
                from("file:" + out.resolve("orders"))
                    .setHeader("CamelEvolinkCorrelationId", simple("${file:name.noext}"))
                    .setHeader("CamelEvolinkIdempotencyKey", simple("${file:name}"))
                    .convertBodyTo(String.class)
                    .to("evolink:mj-v7?waitForCompletion=false");

                from("evolink:mj-v7?download=true")                   // one exchange per finished task
                    .split(body())
                    .to("file:" + out.resolve("results")
                            + "?fileName=${header.CamelEvolinkCorrelationId}-${header.CamelEvolinkResultIndex}.png");
            }
        };
    }

    @Test
    void readmeRouteWritesOneTransparentUpscaledImage() throws Exception {
        template.sendBody("direct:product-shot", null);
        assertOneCutout(out.resolve("readme").toFile());
        assertThat(SIM.simulator().journal().entries().stream().anyMatch(e -> e.body().contains("a ceramic mug on a wooden table --ar 4:3")))
                .isTrue();
    }

    @Test
    void adocChainingRouteWritesOneTransparentUpscaledImage() throws Exception {
        template.sendBody("direct:shots", null);
        assertOneCutout(out.resolve("adoc").toFile());
    }

    @Test
    void fireAndForgetSnippetWritesEachOrdersImagesUnderItsName() throws Exception {
        java.nio.file.Files.createDirectories(out.resolve("orders"));
        java.nio.file.Files.writeString(out.resolve("orders/order-1.txt"), "a poster");
        java.nio.file.Files.writeString(out.resolve("orders/order-2.txt"), "a postcard");
        File results = out.resolve("results").toFile();
        waitingFor("eight images").until(() -> results.list() != null && results.list().length == 8);
        assertThat(results.list()).contains("order-1-0.png", "order-1-3.png", "order-2-0.png", "order-2-3.png");
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(2);
    }

    private static void assertOneCutout(File dir) throws Exception {
        File[] files = dir.listFiles();
        assertThat(files).hasSize(1);
        assertThat(files[0].getName()).endsWith("-0.png");
        BufferedImage image = ImageIO.read(files[0]);
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        assertThat(image.getWidth() * 3).isEqualTo(image.getHeight() * 4);
    }
}
