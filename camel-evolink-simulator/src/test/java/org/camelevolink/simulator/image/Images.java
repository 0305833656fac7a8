package org.camelevolink.simulator.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/** Pixel helpers for the tests of this package. */
final class Images {

    private Images() {
    }

    static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static int[] argb(BufferedImage img, int x, int y, int width, int height) {
        return img.getRGB(x, y, width, height, null, 0, width);
    }

    static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    static BufferedImage filled(int width, int height, Color color) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[width * height];
        Arrays.fill(px, color.getRGB());
        img.setRGB(0, 0, width, height, px, 0, width);
        return img;
    }

    /** Mean absolute channel difference of two images of one size, 0..255. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        int[] pa = argb(a);
        int[] pb = argb(b);
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff));
            }
        }
        return sum / (3.0 * pa.length);
    }
}
