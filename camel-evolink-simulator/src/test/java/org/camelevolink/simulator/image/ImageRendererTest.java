package org.camelevolink.simulator.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelevolink.simulator.image.Images.argb;
import static org.camelevolink.simulator.image.Images.filled;
import static org.camelevolink.simulator.image.Images.meanDifference;

class ImageRendererTest {

    private static final BufferedImage PICTURE = ImageRenderer.generate(42, 320, 240, 0);

    @Test
    void generateHasTheRequestedSizeAndType() {
        BufferedImage img = ImageRenderer.generate(1, 640, 360, 2);

        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(360);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void generateIsDeterministicAndDependsOnSeedAndIndex() {
        int[] first = argb(ImageRenderer.generate(7, 256, 256, 1));

        assertThat(argb(ImageRenderer.generate(7, 256, 256, 1))).isEqualTo(first);
        assertThat(meanDifference(ImageRenderer.generate(7, 256, 256, 1), ImageRenderer.generate(8, 256, 256, 1)))
                .isGreaterThan(10);
        assertThat(meanDifference(ImageRenderer.generate(7, 256, 256, 1), ImageRenderer.generate(7, 256, 256, 2)))
                .isGreaterThan(10);
    }

    @Test
    void generatedSubjectFillsAboutHalfTheFlatBackgroundAndKeepsClearOfTheBorders() {
        for (long seed = 0; seed < 20; seed++) {
            BufferedImage img = ImageRenderer.generate(seed, 400, 300, (int) seed % 4);
            int background = img.getRGB(0, 0);
            int[] px = argb(img);
            int subject = 0;
            for (int i = 0; i < px.length; i++) {
                int x = i % 400;
                int y = i / 400;
                boolean nearBorder = x < 20 || y < 15 || x >= 380 || y >= 285;
                if (nearBorder) {
                    assertThat(px[i]).as("seed %d border pixel (%d,%d)", seed, x, y).isEqualTo(background);
                } else if (px[i] != background) {
                    subject++;
                }
            }
            assertThat(subject / (double) px.length).as("seed %d subject share", seed).isBetween(0.3, 0.7);
            assertThat(img.getRGB(200, 150)).isNotEqualTo(background);
        }
    }

    @Test
    void generateRejectsEmptySizes() {
        assertThatThrownBy(() -> ImageRenderer.generate(1, 0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaleMultipliesBothSidesAndKeepsTransparency() {
        BufferedImage up = ImageRenderer.scale(PICTURE, 2.0);
        BufferedImage transparentUp = ImageRenderer.scale(ImageRenderer.removeBackground(PICTURE), 2.0);

        assertThat(up.getWidth()).isEqualTo(640);
        assertThat(up.getHeight()).isEqualTo(480);
        assertThat(up.getRGB(10, 10)).isEqualTo(PICTURE.getRGB(5, 5));
        assertThat(transparentUp.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(transparentUp.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void varyKeepsTheSizeAndStrongChangesMore() {
        BufferedImage subtle = ImageRenderer.vary(PICTURE, 5, false);
        BufferedImage strong = ImageRenderer.vary(PICTURE, 5, true);

        assertThat(subtle.getWidth()).isEqualTo(320);
        assertThat(subtle.getHeight()).isEqualTo(240);
        assertThat(meanDifference(PICTURE, subtle)).isGreaterThan(3);
        assertThat(meanDifference(PICTURE, strong)).isGreaterThan(meanDifference(PICTURE, subtle));
        assertThat(argb(ImageRenderer.vary(PICTURE, 5, true))).isEqualTo(argb(strong));
    }

    @Test
    void repaintChangesExactlyTheMaskedPixels() {
        int[] before = argb(PICTURE);
        Mask mask = Mask.areas(List.of(new Mask.Area(100, 100, new int[] {10, 10, 50, 10, 50, 50, 10, 50})));

        BufferedImage out = ImageRenderer.repaint(PICTURE, mask, 9);

        boolean[] covered = mask.raster(320, 240);
        int[] src = argb(PICTURE);
        int[] result = argb(out);
        int changed = 0;
        int inside = 0;
        for (int i = 0; i < src.length; i++) {
            if (covered[i]) {
                inside++;
                changed += result[i] != src[i] ? 1 : 0;
            } else {
                assertThat(result[i]).as("pixel %d outside the mask", i).isEqualTo(src[i]);
            }
        }
        assertThat(out.getRGB(96, 72)).as("inside").isNotEqualTo(PICTURE.getRGB(96, 72));
        assertThat(out.getRGB(300, 220)).as("outside").isEqualTo(PICTURE.getRGB(300, 220));
        assertThat(changed).isGreaterThan(inside * 9 / 10);
        assertThat(argb(PICTURE)).as("input untouched").isEqualTo(before);
    }

    @Test
    void outpaintCentresTheUnchangedPictureInGeneratedContent() {
        BufferedImage out = ImageRenderer.outpaint(PICTURE, 1.5, 3);

        assertThat(out.getWidth()).isEqualTo(480);
        assertThat(out.getHeight()).isEqualTo(360);
        assertThat(Images.argb(out, 80, 60, 320, 240)).isEqualTo(argb(PICTURE));
        assertVisibleContent(out, 0, 0);
        assertVisibleContent(out, 479, 359);
        assertThat(argb(ImageRenderer.outpaint(PICTURE, 1.5, 3))).isEqualTo(argb(out));
    }

    @Test
    void outpaintRejectsShrinking() {
        assertThatThrownBy(() -> ImageRenderer.outpaint(PICTURE, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "right, 640, 240,   0,   0, 639, 120",
        "left,  640, 240, 320,   0,   0, 120",
        "down,  320, 480,   0,   0, 160, 479",
        "up,    320, 480,   0, 240, 160,   0"})
    void panExtendsOnlyTheDirectionsAxis(String direction, int width, int height, int srcX, int srcY, int newX,
            int newY) {
        BufferedImage out = ImageRenderer.pan(PICTURE, direction, 2.0, 4);

        assertThat(out.getWidth()).isEqualTo(width);
        assertThat(out.getHeight()).isEqualTo(height);
        assertThat(Images.argb(out, srcX, srcY, 320, 240)).isEqualTo(argb(PICTURE));
        assertVisibleContent(out, newX, newY);
    }

    @Test
    void panRejectsUnknownDirections() {
        assertThatThrownBy(() -> ImageRenderer.pan(PICTURE, "sideways", 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sideways");
    }

    @Test
    void placeOnCanvasDrawsThePictureScaledAtItsPosition() {
        BufferedImage red = filled(200, 100, Color.RED);

        BufferedImage out = ImageRenderer.placeOnCanvas(red, 500, 400, 50, 60, 100, 50, null, 2);

        assertThat(out.getWidth()).isEqualTo(500);
        assertThat(out.getHeight()).isEqualTo(400);
        assertThat(out.getRGB(100, 85)).isEqualTo(Color.RED.getRGB());
        assertVisibleContent(out, 499, 399);
    }

    @Test
    void placeOnCanvasClipsAPictureReachingOutside() {
        BufferedImage out = ImageRenderer.placeOnCanvas(PICTURE, 300, 200, -100, 150, 320, 240, null, 2);

        assertThat(out.getWidth()).isEqualTo(300);
        assertThat(out.getHeight()).isEqualTo(200);
    }

    @Test
    void placeOnCanvasRepaintsTheMaskInCanvasCoordinates() {
        Mask rightHalf = Mask.areas(List.of(new Mask.Area(10, 10, new int[] {5, 0, 10, 0, 10, 10, 5, 10})));

        BufferedImage plain = ImageRenderer.placeOnCanvas(PICTURE, 400, 300, 0, 0, 400, 300, null, 2);
        BufferedImage masked = ImageRenderer.placeOnCanvas(PICTURE, 400, 300, 0, 0, 400, 300, rightHalf, 2);

        assertThat(Images.argb(masked, 0, 0, 200, 300)).isEqualTo(Images.argb(plain, 0, 0, 200, 300));
        assertThat(meanDifference(masked, plain)).isGreaterThan(10);
        assertThat(masked.getRGB(399, 0)).isNotEqualTo(plain.getRGB(399, 0));
    }

    @Test
    void retextureKeepsTheSizeAndChangesTheMaterial() {
        BufferedImage out = ImageRenderer.retexture(PICTURE, 6);

        assertThat(out.getWidth()).isEqualTo(320);
        assertThat(out.getHeight()).isEqualTo(240);
        assertThat(meanDifference(PICTURE, out)).isGreaterThan(10);
        assertThat(argb(ImageRenderer.retexture(PICTURE, 6))).isEqualTo(argb(out));
    }

    @Test
    void retextureKeepsTheSubjectDistinctFromTheBackground() {
        BufferedImage out = ImageRenderer.retexture(filledWithSquare(), 6);

        assertThat(luminance(out, 50, 50) - luminance(out, 5, 5)).isGreaterThan(40);
    }

    private static BufferedImage filledWithSquare() {
        BufferedImage img = filled(100, 100, Color.DARK_GRAY);
        img.setRGB(30, 30, 40, 40, argb(filled(40, 40, Color.WHITE)), 0, 40);
        return img;
    }

    private static int luminance(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return (((p >> 16) & 0xff) * 299 + ((p >> 8) & 0xff) * 587 + (p & 0xff) * 114) / 1000;
    }

    private static void assertVisibleContent(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        assertThat(p >>> 24).as("alpha at (%d,%d)", x, y).isEqualTo(255);
        int brightest = Math.max((p >> 16) & 0xff, Math.max((p >> 8) & 0xff, p & 0xff));
        assertThat(brightest).as("brightness at (%d,%d)", x, y).isGreaterThan(60);
    }
}
