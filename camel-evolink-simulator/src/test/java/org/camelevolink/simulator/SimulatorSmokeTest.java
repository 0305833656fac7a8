package org.camelevolink.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The main path end to end over HTTP: generate, upscale one image, remove its background. */
class SimulatorSmokeTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005));

    @Test
    void generateUpscaleRemoveBackground() throws IOException {
        SimHttp http = new SimHttp(SIM.simulator());
        JsonNode generated = http.run(Map.of("model", "mj-v7", "prompt", "a red kite --ar 16:9"));
        assertThat(generated.get("status").asText()).isEqualTo("completed");
        assertThat(generated.get("results")).hasSize(4);
        BufferedImage first = png(http, generated.get("results").get(1).asText());
        assertThat(first.getWidth()).isGreaterThan(first.getHeight());

        JsonNode upscaled = http.run(Map.of("model", "mj-v7-upscale", "model_params",
                Map.of("task_id", generated.get("id").asText(), "image_number", 1)));
        BufferedImage big = png(http, upscaled.get("results").get(0).asText());
        assertThat(big.getWidth()).isEqualTo(first.getWidth() * 2);
        assertThat(big.getHeight()).isEqualTo(first.getHeight() * 2);

        JsonNode cutout = http.run(Map.of("model", "mj-v7-remove-bg", "image_urls",
                List.of(upscaled.get("results").get(0).asText())));
        BufferedImage transparent = png(http, cutout.get("results").get(0).asText());
        assertThat(transparent.getColorModel().hasAlpha()).isTrue();
        assertThat(transparent.getRGB(0, 0) >>> 24).isZero();
        assertThat(transparent.getRGB(transparent.getWidth() / 2, transparent.getHeight() / 2) >>> 24).isEqualTo(255);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(3);
    }

    private static BufferedImage png(SimHttp http, String url) throws IOException {
        SimHttp.Answer answer = http.get(url);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(answer.bytes()));
    }
}
