package org.camelevolink.simulator.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The simulator's result images, drawn with java.awt: deterministic pictures for generations, and real
 * transformations (scale, variation, repaint, outpaint, pan, canvas placement, retexture, background removal) for
 * the editing models, so that tests and examples can check sizes, pixels and transparency.
 * <p>
 * Stateless and thread-safe: every method works on its own images. Inputs are never modified; results are
 * {@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} when the input has transparency (and always for background
 * removal). The same arguments always give the same pixels.
 */
public final class ImageRenderer {

    static {
        // everything is drawn off-screen; without this AWT may look for a display that servers and CI lack
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final long VARIATION = 0x7a41a7L;

    private ImageRenderer() {
    }

    /** A text-to-image result: a flat pale background and a saturated subject in the middle, labelled "#index". */
    public static BufferedImage generate(long seed, int width, int height, int index) {
        return SubjectPainter.paint(seed, width, height, index);
    }

    /** The picture resized by {@code factor} with bilinear interpolation (upscale, enhance). */
    public static BufferedImage scale(BufferedImage src, double factor) {
        BufferedImage out = Pixels.blankLike(src, Pixels.scaled(src.getWidth(), factor),
                Pixels.scaled(src.getHeight(), factor));
        Graphics2D g = Pixels.graphics(out);
        try {
            g.drawImage(src, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Variation and remix: the hues turn and new figures appear; {@code strong} turns further and adds more. */
    public static BufferedImage vary(BufferedImage src, long seed, boolean strong) {
        SplittableRandom rnd = Seeds.random(seed, VARIATION);
        BufferedImage out = Pixels.copy(src);
        double turn = strong ? 90 + 90 * rnd.nextDouble() : 20 + 25 * rnd.nextDouble();
        Recolor.rotateHue(Pixels.data(out), rnd.nextBoolean() ? turn : -turn);
        addFigures(out, rnd, strong);
        return out;
    }

    /** Inpaint: masked pixels take generated content, every other pixel is kept exactly. */
    public static BufferedImage repaint(BufferedImage src, Mask mask, long seed) {
        BufferedImage out = Pixels.copy(src);
        repaintMasked(out, mask, seed);
        return out;
    }

    /** Zoom out: {@code scale} times larger on both axes, the picture centred and unchanged, new content around. */
    public static BufferedImage outpaint(BufferedImage src, double scale, long seed) {
        requireEnlarging(scale);
        int width = Pixels.scaled(src.getWidth(), scale);
        int height = Pixels.scaled(src.getHeight(), scale);
        return extend(src, width, height, (width - src.getWidth()) / 2, (height - src.getHeight()) / 2, seed);
    }

    /**
     * Extends only the axis of {@code direction} (up, down, left or right) by {@code scale}; the picture stays
     * unchanged at the opposite side and the new strip holds generated content.
     */
    public static BufferedImage pan(BufferedImage src, String direction, double scale, long seed) {
        requireEnlarging(scale);
        int w = src.getWidth();
        int h = src.getHeight();
        return switch (direction) {
            case "right" -> extend(src, Pixels.scaled(w, scale), h, 0, 0, seed);
            case "down" -> extend(src, w, Pixels.scaled(h, scale), 0, 0, seed);
            case "left" -> {
                int width = Pixels.scaled(w, scale);
                yield extend(src, width, h, width - w, 0, seed);
            }
            case "up" -> {
                int height = Pixels.scaled(h, scale);
                yield extend(src, w, height, 0, height - h, seed);
            }
            default -> throw new IllegalArgumentException("direction must be up, down, left or right: " + direction);
        };
    }

    /**
     * Edit and upload-paint: a canvas of generated content with the picture drawn scaled to {@code width} x
     * {@code height} at ({@code x}, {@code y}) (clipped by the canvas), then the mask, in canvas coordinates,
     * repainted.
     */
    public static BufferedImage placeOnCanvas(BufferedImage src, int canvasWidth, int canvasHeight, int x, int y,
            int width, int height, Mask maskOrNull, long seed) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("placed size must be at least 1x1: " + width + "x" + height);
        }
        BufferedImage canvas = Backdrop.extending(src, canvasWidth, canvasHeight, seed);
        Graphics2D g = Pixels.graphics(canvas);
        try {
            g.drawImage(src, x, y, width, height, null);
        } finally {
            g.dispose();
        }
        if (maskOrNull != null) {
            repaintMasked(canvas, maskOrNull, seed);
        }
        return canvas;
    }

    /** Same size and structure, another material: a luminance-following tint with stripes and grain. */
    public static BufferedImage retexture(BufferedImage src, long seed) {
        BufferedImage out = Pixels.copy(src);
        Recolor.retexture(Pixels.data(out), out.getWidth(), seed);
        return out;
    }

    /**
     * A {@code TYPE_INT_ARGB} copy whose plain background (the region connected to the border in the border's
     * dominant colour) is fully transparent; the subject stays opaque, its anti-aliased edge partly transparent.
     */
    public static BufferedImage removeBackground(BufferedImage src) {
        return BackgroundRemover.remove(src);
    }

    public static byte[] toPng(BufferedImage img) {
        return ImageCodec.toPng(img);
    }

    /** Reads PNG, JPEG, GIF or BMP; anything unreadable (WebP included) is an IOException saying what it got. */
    public static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageCodec.decode(bytes);
    }

    /** "image/png", "image/jpeg", "image/gif" or "image/webp" from the magic bytes; null for anything else. */
    public static String sniffMimeType(byte[] bytes) {
        return ImageCodec.sniffMimeType(bytes);
    }

    private static void requireEnlarging(double scale) {
        if (!(scale >= 1) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a number of at least 1: " + scale);
        }
    }

    private static BufferedImage extend(BufferedImage src, int width, int height, int x, int y, long seed) {
        BufferedImage canvas = Backdrop.extending(src, width, height, seed);
        Graphics2D g = Pixels.graphics(canvas);
        try {
            g.drawImage(src, x, y, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** Figures land in the middle 70 %, where a subject usually is: a variation changes the subject. */
    private static void addFigures(BufferedImage img, SplittableRandom rnd, boolean strong) {
        int w = img.getWidth();
        int h = img.getHeight();
        double side = Math.min(w, h) * (strong ? 0.25 : 0.14);
        int count = strong ? 5 + rnd.nextInt(3) : 2 + rnd.nextInt(2);
        Graphics2D g = Pixels.graphics(img);
        try {
            for (int i = 0; i < count; i++) {
                g.setColor(Palette.translucent(Palette.vivid(rnd), rnd));
                g.fill(Shapes.figure(rnd, w * (0.15 + 0.7 * rnd.nextDouble()), h * (0.15 + 0.7 * rnd.nextDouble()),
                        side * (0.5 + 0.5 * rnd.nextDouble())));
            }
        } finally {
            g.dispose();
        }
    }

    /** Works in place on an image made by {@link Pixels}, whose pixel array is live. */
    private static void repaintMasked(BufferedImage img, Mask mask, long seed) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean[] covered = mask.raster(w, h);
        int[] fresh = Pixels.data(Backdrop.pattern(w, h, seed));
        int[] px = Pixels.data(img);
        int opaque = img.getColorModel().hasAlpha() ? 0xff000000 : 0;
        for (int i = 0; i < px.length; i++) {
            if (covered[i]) {
                px[i] = opaque | (fresh[i] & 0xffffff);
            }
        }
    }
}
