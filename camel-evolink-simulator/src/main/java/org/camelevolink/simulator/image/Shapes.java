package org.camelevolink.simulator.image;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/** Random but reproducible figures for subjects, decorations and generated fill. */
final class Shapes {

    private Shapes() {
    }

    /** A large figure that fills {@code box}: the body of a generated subject. */
    static Shape body(SplittableRandom rnd, Rectangle2D box) {
        return switch (rnd.nextInt(3)) {
            case 0 -> new Ellipse2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight());
            case 1 -> new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(),
                    box.getWidth() * 0.4, box.getHeight() * 0.4);
            default -> polygon(box, 6 + rnd.nextInt(4), 1.0, rnd.nextDouble() * Math.PI);
        };
    }

    /** A small figure of about {@code size} across, centred on (cx, cy). */
    static Shape figure(SplittableRandom rnd, double cx, double cy, double size) {
        Rectangle2D box = new Rectangle2D.Double(cx - size / 2, cy - size / 2, size, size);
        double turn = rnd.nextDouble() * Math.PI;
        return switch (rnd.nextInt(4)) {
            case 0 -> new Ellipse2D.Double(box.getX(), box.getY(), size, size * (0.6 + 0.4 * rnd.nextDouble()));
            case 1 -> polygon(box, 3, 1.0, turn);
            case 2 -> AffineTransform.getRotateInstance(turn, cx, cy).createTransformedShape(
                    new Rectangle2D.Double(cx - size / 2, cy - size / 4, size, size / 2));
            default -> polygon(box, 10, 0.45, turn);
        };
    }

    /**
     * A polygon inscribed in {@code box}; {@code innerRatio} below 1 pulls every other corner inwards, which turns
     * an even-sided polygon into a star.
     */
    private static Path2D polygon(Rectangle2D box, int corners, double innerRatio, double turn) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < corners; i++) {
            double r = i % 2 == 1 ? innerRatio : 1.0;
            double a = turn + 2 * Math.PI * i / corners;
            double x = box.getCenterX() + r * box.getWidth() / 2 * Math.cos(a);
            double y = box.getCenterY() + r * box.getHeight() / 2 * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }
}
