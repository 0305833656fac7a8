package org.camelevolink.simulator.image;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * The colour families of the pictures. Backgrounds are pale and subjects saturated and darker, so the two stay far
 * apart in RGB whatever the hues, which background removal relies on.
 */
final class Palette {

    private Palette() {
    }

    static Color pastel(SplittableRandom rnd) {
        return Color.getHSBColor(rnd.nextFloat(), 0.08f + 0.12f * rnd.nextFloat(), 0.93f + 0.05f * rnd.nextFloat());
    }

    static Color vivid(SplittableRandom rnd) {
        return vivid(rnd, rnd.nextFloat());
    }

    static Color vivid(SplittableRandom rnd, float hue) {
        return Color.getHSBColor(hue, 0.7f + 0.25f * rnd.nextFloat(), 0.5f + 0.35f * rnd.nextFloat());
    }

    static Color translucent(Color c, SplittableRandom rnd) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 150 + rnd.nextInt(80));
    }

    /** Generated areas must never read as "nothing there": near-black is brightened, alpha dropped. */
    static Color visible(int argb) {
        float[] hsb = Color.RGBtoHSB((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, null);
        return Color.getHSBColor(hsb[0], hsb[1], Math.max(hsb[2], 0.35f));
    }
}
