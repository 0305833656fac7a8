package org.camelevolink.simulator.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Creation of the two working image types (packed int RGB and ARGB) and direct access to their pixels. */
final class Pixels {

    /** Largest side accepted: bounds memory (8192 x 8192 ints is 256 MiB) against absurd sizes and scales. */
    static final int MAX_SIDE = 8192;

    private Pixels() {
    }

    static BufferedImage blank(int width, int height, boolean alpha) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("image size must be within 1.." + MAX_SIDE + ": " + width + "x" + height);
        }
        return new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** A blank image of the given size that keeps transparency if {@code like} has any. */
    static BufferedImage blankLike(BufferedImage like, int width, int height) {
        return blank(width, height, like.getColorModel().hasAlpha());
    }

    /**
     * A working copy whose {@code getRGB} values equal the source's exactly; a Graphics2D blit may convert colour
     * spaces (grey, indexed) and would break "pixels outside the mask are unchanged".
     */
    static BufferedImage copy(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = blankLike(src, w, h);
        out.setRGB(0, 0, w, h, src.getRGB(0, 0, w, h, null, 0, w), 0, w);
        return out;
    }

    /** The live pixel array of an image made by this class. */
    static int[] data(BufferedImage intImage) {
        return ((DataBufferInt) intImage.getRaster().getDataBuffer()).getData();
    }

    /** Anti-aliased shapes; bilinear rather than bicubic resampling, which is four times slower for little gain here. */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    /** {@code length * factor} rounded, as the task geometry computes result sizes. */
    static int scaled(int length, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be a positive number: " + factor);
        }
        return Math.max(1, (int) Math.round(length * factor));
    }
}
