package org.camelevolink.simulator.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Text-to-image results: one flat pale background and a saturated subject in the middle, made of a body and a few
 * figures, labelled "#index". The flat background and the margin around the subject make these pictures a clean
 * input for background removal, outpainting and the other editing operations.
 */
final class SubjectPainter {

    /** Share of each side the subject's body spans; its area is then roughly 40-60 % of the picture. */
    private static final double MIN_SPAN = 0.70;
    private static final double MAX_SPAN = 0.80;

    private SubjectPainter() {
    }

    static BufferedImage paint(long seed, int width, int height, int index) {
        SplittableRandom rnd = Seeds.random(seed, index);
        BufferedImage img = Pixels.blank(width, height, false);
        Graphics2D g = Pixels.graphics(img);
        try {
            g.setColor(Palette.pastel(rnd));
            g.fillRect(0, 0, width, height);
            Rectangle2D body = bodyBox(rnd, width, height);
            float hue = rnd.nextFloat();
            g.setColor(Palette.vivid(rnd, hue));
            g.fill(Shapes.body(rnd, body));
            paintFigures(g, rnd, body, hue);
            paintLabel(g, "#" + index, body, Math.min(width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Rectangle2D bodyBox(SplittableRandom rnd, int width, int height) {
        double w = width * span(rnd);
        double h = height * span(rnd);
        double jitterX = (rnd.nextDouble() - 0.5) * (width - w) * 0.3;
        double jitterY = (rnd.nextDouble() - 0.5) * (height - h) * 0.3;
        return new Rectangle2D.Double((width - w) / 2 + jitterX, (height - h) / 2 + jitterY, w, h);
    }

    private static double span(SplittableRandom rnd) {
        return MIN_SPAN + (MAX_SPAN - MIN_SPAN) * rnd.nextDouble();
    }

    /** Figures stay in the inner part of the body, so the subject remains one blob clear of the borders. */
    private static void paintFigures(Graphics2D g, SplittableRandom rnd, Rectangle2D body, float bodyHue) {
        double side = Math.min(body.getWidth(), body.getHeight());
        int count = 2 + rnd.nextInt(3);
        for (int i = 0; i < count; i++) {
            // hues at least a fifth of the wheel away from the body's, so figures stand out from it
            g.setColor(Palette.vivid(rnd, bodyHue + 0.2f + 0.6f * rnd.nextFloat()));
            double cx = body.getCenterX() + (rnd.nextDouble() - 0.5) * body.getWidth() * 0.4;
            double cy = body.getCenterY() + (rnd.nextDouble() - 0.5) * body.getHeight() * 0.4;
            g.fill(Shapes.figure(rnd, cx, cy, side * (0.18 + 0.17 * rnd.nextDouble())));
        }
    }

    /** White on a dark shadow, in the lower part of the body: readable on any subject colour. */
    private static void paintLabel(Graphics2D g, String text, Rectangle2D body, int shortSide) {
        int cell = Math.max(1, shortSide / 96);
        int x = (int) Math.round(body.getCenterX()) - PixelFont.width(text) * cell / 2;
        int y = (int) Math.round(body.getCenterY() + body.getHeight() * 0.22) - PixelFont.HEIGHT * cell / 2;
        g.setColor(new Color(0, 0, 0, 160));
        PixelFont.draw(g, text, x + cell, y + cell, cell);
        g.setColor(Color.WHITE);
        PixelFont.draw(g, text, x, y, cell);
    }
}
