package org.camelevolink.simulator.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Generated content for areas a picture does not cover: new borders, blank canvas and repainted regions. */
final class Backdrop {

    private static final long SCENERY = 0x5ce9e7L;
    private static final long PATTERN = 0x9a7e7aL;

    private Backdrop() {
    }

    /**
     * Continues a picture: its border colour (so the seam is barely visible) with scattered translucent figures,
     * so the new area visibly holds new content.
     */
    static BufferedImage extending(BufferedImage picture, int width, int height, long seed) {
        SplittableRandom rnd = Seeds.random(seed, SCENERY);
        BufferedImage img = Pixels.blank(width, height, false);
        Graphics2D g = Pixels.graphics(img);
        try {
            g.setColor(Palette.visible(BorderColor.dominant(picture)));
            g.fillRect(0, 0, width, height);
            scatter(g, rnd, width, height, 8 + rnd.nextInt(8));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Clearly new content for repainted regions: diagonal bands of two saturated colours and a few figures. */
    static BufferedImage pattern(int width, int height, long seed) {
        SplittableRandom rnd = Seeds.random(seed, PATTERN);
        BufferedImage img = Pixels.blank(width, height, false);
        Graphics2D g = Pixels.graphics(img);
        try {
            float hue = rnd.nextFloat();
            g.setColor(Palette.vivid(rnd, hue));
            g.fillRect(0, 0, width, height);
            g.setColor(Palette.vivid(rnd, hue + 0.5f));
            paintBands(g, rnd, width, height);
            scatter(g, rnd, width, height, 2 + rnd.nextInt(4));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void paintBands(Graphics2D g, SplittableRandom rnd, int width, int height) {
        Graphics2D bands = (Graphics2D) g.create();
        try {
            bands.rotate(Math.PI / 8 + rnd.nextDouble() * Math.PI / 4, width / 2.0, height / 2.0);
            int reach = (int) Math.ceil(Math.hypot(width, height));
            int period = Math.max(4, Math.min(width, height) / (6 + rnd.nextInt(6)));
            int left = width / 2 - reach;
            for (int x = left; x < width / 2 + reach; x += period) {
                bands.fillRect(x, height / 2 - reach, period / 2, 2 * reach);
            }
        } finally {
            bands.dispose();
        }
    }

    private static void scatter(Graphics2D g, SplittableRandom rnd, int width, int height, int count) {
        double side = Math.min(width, height);
        for (int i = 0; i < count; i++) {
            g.setColor(Palette.translucent(Palette.vivid(rnd), rnd));
            g.fill(Shapes.figure(rnd, rnd.nextDouble() * width, rnd.nextDouble() * height,
                    side * (0.05 + 0.12 * rnd.nextDouble())));
        }
    }
}
