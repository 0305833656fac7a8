package org.camelevolink.simulator.image;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.image.Images.alpha;
import static org.camelevolink.simulator.image.Images.argb;

class BackgroundRemovalTest {

    @Test
    void generatedPicturesLoseTheirBackgroundAndKeepTheirSubject() {
        for (long seed = 0; seed < 10; seed++) {
            BufferedImage out = ImageRenderer.removeBackground(ImageRenderer.generate(seed, 300, 200, 1));

            assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
            assertThat(out.getWidth()).isEqualTo(300);
            assertThat(out.getHeight()).isEqualTo(200);
            assertThat(new int[] {alpha(out, 0, 0), alpha(out, 299, 0), alpha(out, 0, 199), alpha(out, 299, 199)})
                    .as("corners of seed %d", seed).containsOnly(0);
            assertThat(alpha(out, 150, 100)).as("centre of seed %d", seed).isEqualTo(255);
        }
    }

    @Test
    void aNoisyPhotoBackgroundIsRemovedButAHoleInsideTheSubjectIsKept() {
        BufferedImage photo = noisyGreyPhotoWithRing();

        BufferedImage out = ImageRenderer.removeBackground(photo);

        assertThat(alpha(out, 0, 0)).isZero();
        assertThat(alpha(out, 20, 180)).isZero();
        assertThat(alpha(out, 100, 55)).as("on the ring").isEqualTo(255);
        assertThat(out.getRGB(100, 55) & 0xffffff).isEqualTo(photo.getRGB(100, 55) & 0xffffff);
        assertThat(alpha(out, 100, 100)).as("background colour enclosed by the ring").isEqualTo(255);
    }

    @Test
    void aCutOutStaysACutOut() {
        BufferedImage once = ImageRenderer.removeBackground(ImageRenderer.generate(3, 200, 200, 0));

        BufferedImage twice = ImageRenderer.removeBackground(once);

        assertThat(alpha(twice, 0, 0)).isZero();
        assertThat(alpha(twice, 100, 100)).isEqualTo(255);
    }

    @Test
    void aLargeImageIsFilledWithoutRecursion() {
        BufferedImage big = new BufferedImage(2500, 2500, BufferedImage.TYPE_INT_RGB);

        int[] px = argb(ImageRenderer.removeBackground(big));

        assertThat(px).containsOnly(0);
    }

    /** A light grey, noisy, slightly graded background with a dark red ring around a disc of background grey. */
    private static BufferedImage noisyGreyPhotoWithRing() {
        int size = 200;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        SplittableRandom noise = new SplittableRandom(1);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = 200 + y / 20 + noise.nextInt(-8, 9);
                img.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(150, 20, 30));
        g.fill(new Ellipse2D.Double(40, 40, 120, 120));
        g.setColor(new Color(205, 205, 205));
        g.fill(new Ellipse2D.Double(75, 75, 50, 50));
        g.dispose();
        return img;
    }
}
