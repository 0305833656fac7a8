package org.camelevolink.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the README's main example on the embedded simulator and checks the files it writes. */
class MainExampleTest {

    @Test
    void writesFourGeneratedImagesAndOneUpscaledCutout(@TempDir Path output) throws Exception {
        List<Path> files = MainExample.run(output);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("generated-0.png",
                "generated-1.png", "generated-2.png", "generated-3.png", "upscaled-without-background.png");
        BufferedImage generated = ImageIO.read(output.resolve("generated-1.png").toFile());
        assertThat(generated.getWidth() * 3).isEqualTo(generated.getHeight() * 4); // --ar 4:3
        BufferedImage cutout = ImageIO.read(output.resolve("upscaled-without-background.png").toFile());
        assertThat(cutout.getWidth()).isEqualTo(generated.getWidth() * 2);
        assertThat(cutout.getHeight()).isEqualTo(generated.getHeight() * 2);
        assertThat(cutout.getColorModel().hasAlpha()).isTrue();
        assertThat(cutout.getRGB(0, 0) >>> 24).as("corner is transparent").isZero();
        assertThat(cutout.getRGB(cutout.getWidth() / 2, cutout.getHeight() / 2) >>> 24).as("subject is opaque")
                .isEqualTo(255);
    }
}
