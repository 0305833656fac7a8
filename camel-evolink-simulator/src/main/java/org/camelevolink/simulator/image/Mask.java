package org.camelevolink.simulator.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where an image is repainted: polygons drawn in their own frame (scaled onto the target), or a mask image whose
 * meaning depends on the Midjourney version. Immutable; two masks are equal when they cover the same region.
 */
public final class Mask {

    /**
     * A polygon in a {@code width} x {@code height} frame; {@code points} are x1,y1,x2,y2,... EvoLink documents no
     * limits, so any frame and any number of points is an area; points may lie outside the frame (the part outside
     * the target is clipped), and an area that encloses nothing (a frame below 1x1, fewer than three points)
     * covers nothing.
     */
    public record Area(int width, int height, int[] points) {

        public Area {
            Objects.requireNonNull(points, "points");
            if (points.length % 2 != 0) {
                throw new IllegalArgumentException("points must be x,y pairs: an even number of coordinates");
            }
            points = points.clone();
        }

        @Override
        public int[] points() {
            return points.clone();
        }

        // a record compares arrays by identity; an area is a value, so compare the coordinates
        @Override
        public boolean equals(Object o) {
            return o instanceof Area a && width == a.width && height == a.height && Arrays.equals(points, a.points);
        }

        @Override
        public int hashCode() {
            return Objects.hash(width, height, Arrays.hashCode(points));
        }

        @Override
        public String toString() {
            return "Area[" + width + "x" + height + ", points=" + Arrays.toString(points) + "]";
        }

        private Path2D.Double outline() {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(points[0], points[1]);
            for (int i = 2; i < points.length; i += 2) {
                path.lineTo(points[i], points[i + 1]);
            }
            path.closePath();
            return path;
        }
    }

    /** How a mask image reads. */
    public enum MaskSemantics {
        /** Black and white: white is repainted; transparent pixels count as white (V7, V8.2). */
        WHITE_REPAINTS,
        /** Alpha channel: opaque is repainted, transparent kept (V8.1). */
        OPAQUE_REPAINTS
    }

    private final Coverage coverage;

    private Mask(Coverage coverage) {
        this.coverage = coverage;
    }

    public static Mask areas(List<Area> areas) {
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a mask needs at least one area");
        }
        return new Mask(new Polygons(List.copyOf(areas)));
    }

    /** The image is read once, here: later changes to it do not change the mask. */
    public static Mask image(BufferedImage image, MaskSemantics semantics) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(semantics, "semantics");
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        boolean[] repaint = new boolean[argb.length];
        for (int i = 0; i < argb.length; i++) {
            repaint[i] = repaints(argb[i], semantics);
        }
        return new Mask(new Bitmap(w, h, repaint));
    }

    /** A row-major raster of the target's size: true where the target is repainted. */
    public boolean[] raster(int targetWidth, int targetHeight) {
        if (targetWidth < 1 || targetHeight < 1) {
            throw new IllegalArgumentException("target must be at least 1x1: " + targetWidth + "x" + targetHeight);
        }
        return coverage.raster(targetWidth, targetHeight);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && coverage.equals(m.coverage);
    }

    @Override
    public int hashCode() {
        return coverage.hashCode();
    }

    @Override
    public String toString() {
        return "Mask[" + coverage + "]";
    }

    private static boolean repaints(int argb, MaskSemantics semantics) {
        boolean opaque = argb >>> 24 >= 128;
        if (semantics == MaskSemantics.OPAQUE_REPAINTS) {
            return opaque;
        }
        int sum = ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
        return !opaque || sum >= 3 * 128;
    }

    private sealed interface Coverage permits Polygons, Bitmap {
        boolean[] raster(int width, int height);
    }

    private record Polygons(List<Area> areas) implements Coverage {

        // Java2D's scan conversion (pixel centres inside the outline) is both faster and better defined than
        // testing contains() per pixel
        @Override
        public boolean[] raster(int width, int height) {
            BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = canvas.createGraphics();
            try {
                g.setColor(Color.WHITE);
                for (Area a : areas) {
                    if (a.width() < 1 || a.height() < 1 || a.points.length < 6) {
                        continue; // encloses nothing
                    }
                    double sx = (double) width / a.width();
                    double sy = (double) height / a.height();
                    g.fill(AffineTransform.getScaleInstance(sx, sy).createTransformedShape(a.outline()));
                }
            } finally {
                g.dispose();
            }
            byte[] gray = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
            boolean[] out = new boolean[width * height];
            for (int i = 0; i < out.length; i++) {
                out[i] = gray[i] != 0;
            }
            return out;
        }
    }

    private record Bitmap(int width, int height, boolean[] repaint) implements Coverage {

        /** Nearest neighbour: a mask is binary, so smoothing would only blur its edge into a threshold anyway. */
        @Override
        public boolean[] raster(int targetWidth, int targetHeight) {
            if (targetWidth == width && targetHeight == height) {
                return repaint.clone();
            }
            boolean[] out = new boolean[targetWidth * targetHeight];
            for (int y = 0; y < targetHeight; y++) {
                int row = (int) ((2L * y + 1) * height / (2L * targetHeight)) * width;
                for (int x = 0; x < targetWidth; x++) {
                    out[y * targetWidth + x] = repaint[row + (int) ((2L * x + 1) * width / (2L * targetWidth))];
                }
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bitmap b && width == b.width && height == b.height && Arrays.equals(repaint, b.repaint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(width, height, Arrays.hashCode(repaint));
        }

        @Override
        public String toString() {
            return "Bitmap[" + width + "x" + height + "]";
        }
    }
}
