package org.camelevolink.simulator.image;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskTest {

    private static final int WHITE = Color.WHITE.getRGB();
    private static final int BLACK = Color.BLACK.getRGB();
    private static final int TRANSPARENT = 0;

    @Test
    void anAreaIsScaledFromItsFrameOntoTheTarget() {
        Mask leftHalf = Mask.areas(List.of(new Mask.Area(100, 100, new int[] {0, 0, 50, 0, 50, 100, 0, 100})));

        boolean[] raster = leftHalf.raster(200, 50);

        assertThat(raster).hasSize(200 * 50);
        assertThat(count(raster)).isEqualTo(100 * 50);
        assertThat(raster[0]).isTrue();
        assertThat(raster[99]).isTrue();
        assertThat(raster[100]).isFalse();
        assertThat(raster[49 * 200 + 199]).isFalse();
    }

    @Test
    void severalAreasAddUp() {
        Mask.Area left = new Mask.Area(4, 4, new int[] {0, 0, 1, 0, 1, 4, 0, 4});
        Mask.Area right = new Mask.Area(8, 8, new int[] {6, 0, 8, 0, 8, 8, 6, 8});

        assertThat(count(Mask.areas(List.of(left, right)).raster(40, 10))).isEqualTo(10 * 10 + 10 * 10);
    }

    @Test
    void whiteRepaintsReadsWhiteAndTransparentAsRepaint() {
        Mask mask = Mask.image(argbImage(WHITE, BLACK, TRANSPARENT, BLACK), Mask.MaskSemantics.WHITE_REPAINTS);

        assertThat(mask.raster(2, 2)).containsExactly(true, false, true, false);
    }

    @Test
    void opaqueRepaintsReadsTheAlphaChannelOnly() {
        Mask mask = Mask.image(argbImage(WHITE, BLACK, TRANSPARENT, 0x10ffffff), Mask.MaskSemantics.OPAQUE_REPAINTS);

        assertThat(mask.raster(2, 2)).containsExactly(true, true, false, false);
    }

    @Test
    void aMaskImageIsScaledOntoTheTarget() {
        Mask diagonal = Mask.image(argbImage(WHITE, BLACK, BLACK, WHITE), Mask.MaskSemantics.WHITE_REPAINTS);

        boolean[] raster = diagonal.raster(4, 4);

        assertThat(raster).containsExactly(
                true, true, false, false,
                true, true, false, false,
                false, false, true, true,
                false, false, true, true);
    }

    @Test
    void masksDoNotChangeWithTheirSources() {
        BufferedImage img = argbImage(WHITE, WHITE, WHITE, WHITE);
        int[] points = {0, 0, 1, 0, 1, 1};
        Mask fromImage = Mask.image(img, Mask.MaskSemantics.WHITE_REPAINTS);
        Mask.Area area = new Mask.Area(1, 1, points);

        img.setRGB(0, 0, BLACK);
        points[0] = 1;
        area.points()[1] = 1;

        assertThat(fromImage.raster(2, 2)).containsOnly(true);
        assertThat(area.points()).containsExactly(0, 0, 1, 0, 1, 1);
    }

    @Test
    void masksAreValues() {
        Mask a = Mask.areas(List.of(new Mask.Area(10, 10, new int[] {0, 0, 5, 0, 5, 5})));
        Mask b = Mask.areas(List.of(new Mask.Area(10, 10, new int[] {0, 0, 5, 0, 5, 5})));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Mask.image(argbImage(WHITE, BLACK, BLACK, WHITE), Mask.MaskSemantics.WHITE_REPAINTS))
                .isEqualTo(Mask.image(argbImage(WHITE, BLACK, BLACK, WHITE), Mask.MaskSemantics.WHITE_REPAINTS))
                .isNotEqualTo(Mask.image(argbImage(WHITE, BLACK, BLACK, WHITE), Mask.MaskSemantics.OPAQUE_REPAINTS));
    }

    @Test
    void malformedAreasAreRejected() {
        assertThatThrownBy(() -> new Mask.Area(10, 10, new int[] {0, 0, 5, 0, 5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mask.areas(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** EvoLink's inpaint example: a 200x200 frame with points at 250. The part beyond the frame is clipped. */
    @Test
    void pointsBeyondTheFrameAreClippedToTheTarget() {
        Mask documented = Mask.areas(List.of(new Mask.Area(200, 200, new int[] {50, 50, 50, 250, 250, 250, 250, 50})));

        boolean[] raster = documented.raster(40, 40);

        assertThat(count(raster)).isEqualTo(30 * 30); // from 10 to the edge (40) on both axes
        assertThat(raster[10 * 40 + 10]).isTrue();
        assertThat(raster[39 * 40 + 39]).isTrue();
        assertThat(raster[9 * 40 + 9]).isFalse();
    }

    /** No limits are documented: a frame below 1x1 or fewer than three points is accepted and covers nothing. */
    @Test
    void areasThatEncloseNothingCoverNothing() {
        Mask.Area square = new Mask.Area(10, 10, new int[] {0, 0, 5, 0, 5, 5, 0, 5});
        List<Mask.Area> nothing = List.of(new Mask.Area(10, 10, new int[] {0, 0, 5, 5}),
                new Mask.Area(10, 10, new int[0]), new Mask.Area(0, 10, new int[] {0, 0, 5, 0, 5, 5}),
                new Mask.Area(10, -4, new int[] {0, 0, 5, 0, 5, 5}));

        for (Mask.Area a : nothing) {
            assertThat(count(Mask.areas(List.of(a)).raster(20, 20))).as(a.toString()).isZero();
        }
        List<Mask.Area> withSquare = new java.util.ArrayList<>(nothing);
        withSquare.add(square);
        assertThat(count(Mask.areas(withSquare).raster(20, 20))).isEqualTo(10 * 10);
    }

    /** A 2x2 ARGB image, pixels in row order. */
    private static BufferedImage argbImage(int... pixels) {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 2, 2, pixels, 0, 2);
        return img;
    }

    private static int count(boolean[] raster) {
        int n = 0;
        for (boolean b : raster) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
