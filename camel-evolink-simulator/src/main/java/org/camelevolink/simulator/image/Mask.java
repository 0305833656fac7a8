package org.camelevolink.simulator.image;

import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Where an image is repainted: polygons drawn in their own frame (scaled onto the target), or a mask image whose
 * meaning depends on the Midjourney version.
 */
public final class Mask {

    /** A polygon in a {@code width} x {@code height} frame; {@code points} are x1,y1,x2,y2,... */
    public record Area(int width, int height, int[] points) {
        public Area {
            Objects.requireNonNull(points, "points");
        }
    }

    /** How a mask image reads. */
    public enum MaskSemantics {
        /** Black and white: white is repainted; transparent pixels count as white (V7, V8.2). */
        WHITE_REPAINTS,
        /** Alpha channel: opaque is repainted, transparent kept (V8.1). */
        OPAQUE_REPAINTS
    }

    private final List<Area> areas;
    private final BufferedImage image;
    private final MaskSemantics semantics;

    private Mask(List<Area> areas, BufferedImage image, MaskSemantics semantics) {
        this.areas = areas;
        this.image = image;
        this.semantics = semantics;
    }

    public static Mask areas(List<Area> areas) {
        return new Mask(List.copyOf(areas), null, null);
    }

    public static Mask image(BufferedImage image, MaskSemantics semantics) {
        return new Mask(null, Objects.requireNonNull(image, "image"), Objects.requireNonNull(semantics, "semantics"));
    }

    /** A raster of the target's size: true where the target is repainted. */
    public boolean[] raster(int width, int height) {
        boolean[] out = new boolean[width * height];
        if (areas != null) {
            for (Area a : areas) {
                Polygon p = scaled(a, width, height);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if (p.contains(x + 0.5, y + 0.5)) {
                            out[y * width + x] = true;
                        }
                    }
                }
            }
            return out;
        }
        for (int y = 0; y < height; y++) {
            int sy = Math.min(image.getHeight() - 1, y * image.getHeight() / height);
            for (int x = 0; x < width; x++) {
                int sx = Math.min(image.getWidth() - 1, x * image.getWidth() / width);
                out[y * width + x] = repaints(image.getRGB(sx, sy));
            }
        }
        return out;
    }

    private boolean repaints(int argb) {
        int alpha = argb >>> 24;
        if (semantics == MaskSemantics.OPAQUE_REPAINTS) {
            return alpha >= 128;
        }
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return alpha < 128 || (r + g + b) / 3 >= 128;
    }

    private static Polygon scaled(Area a, int width, int height) {
        Polygon p = new Polygon();
        for (int i = 0; i + 1 < a.points().length; i += 2) {
            p.addPoint(Math.round((float) a.points()[i] * width / a.width()),
                    Math.round((float) a.points()[i + 1] * height / a.height()));
        }
        return p;
    }
}
