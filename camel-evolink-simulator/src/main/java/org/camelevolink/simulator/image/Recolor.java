package org.camelevolink.simulator.image;

import java.awt.Color;
import java.util.SplittableRandom;

/** Per-pixel colour changes on packed (A)RGB arrays; alpha is always kept. */
final class Recolor {

    private Recolor() {
    }

    /**
     * Turns every hue by {@code degrees} while keeping luminance, with the hue-rotation matrix of the W3C filter
     * effects spec: a matrix per image instead of an RGB-HSB round trip per pixel.
     */
    static void rotateHue(int[] px, double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        double[] m = {
            0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928,
            0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.140, 0.072 - c * 0.072 - s * 0.283,
            0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072};
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            px[i] = pack(p, m[0] * r + m[1] * g + m[2] * b, m[3] * r + m[4] * g + m[5] * b,
                    m[6] * r + m[7] * g + m[8] * b);
        }
    }

    /**
     * A new material over the same structure: a tint whose strength follows the luminance (shapes and shading stay
     * recognisable), diagonal stripes and a fine grain.
     */
    static void retexture(int[] px, int width, long seed) {
        SplittableRandom rnd = Seeds.random(seed, 0x7e87L);
        Color tint = Palette.vivid(rnd);
        int period = 6 + rnd.nextInt(10);
        int slope = rnd.nextBoolean() ? 1 : -1;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int x = i % width;
            int y = i / width;
            double luminance = (0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff)) / 255;
            double shade = Math.floorMod(x + slope * y, period) < period / 2 ? 1.0 : 0.8;
            double grain = (Seeds.mix(seed ^ i) & 0x1f) - 16;
            px[i] = pack(p, texel(p >> 16, tint.getRed(), luminance, shade, grain),
                    texel(p >> 8, tint.getGreen(), luminance, shade, grain),
                    texel(p, tint.getBlue(), luminance, shade, grain));
        }
    }

    private static double texel(int channel, int tint, double luminance, double shade, double grain) {
        return (0.4 * (channel & 0xff) + 0.75 * tint * luminance) * shade + grain;
    }

    private static int pack(int alphaFrom, double r, double g, double b) {
        return (alphaFrom & 0xff000000) | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
