package org.camelevolink.simulator.image;

import java.awt.image.BufferedImage;

/** The colour most of an image's outermost pixels share: what a plain background or a continuation looks like. */
final class BorderColor {

    private BorderColor() {
    }

    /**
     * The mean of the border pixels in the most common colour bucket (4 bits per channel, so noise and JPEG
     * artefacts fall into one bucket); 0 (transparent black) when the whole border is transparent.
     */
    static int dominant(BufferedImage img) {
        int[] border = border(img);
        int[] counts = new int[4096];
        int best = -1;
        for (int p : border) {
            if (p >>> 24 >= 128) {
                int bucket = bucket(p);
                counts[bucket]++;
                if (best < 0 || counts[bucket] > counts[best]) {
                    best = bucket;
                }
            }
        }
        return best < 0 ? 0 : mean(border, best);
    }

    private static int[] border(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[2 * w + 2 * h];
        img.getRGB(0, 0, w, 1, out, 0, w);
        img.getRGB(0, h - 1, w, 1, out, w, w);
        img.getRGB(0, 0, 1, h, out, 2 * w, 1);
        img.getRGB(w - 1, 0, 1, h, out, 2 * w + h, 1);
        return out;
    }

    private static int bucket(int argb) {
        return ((argb >> 12) & 0xf00) | ((argb >> 8) & 0xf0) | ((argb >> 4) & 0xf);
    }

    private static int mean(int[] border, int bucket) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int p : border) {
            if (p >>> 24 >= 128 && bucket(p) == bucket) {
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
                n++;
            }
        }
        return 0xff000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }
}
