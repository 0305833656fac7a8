package org.camelevolink.simulator.image;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Draws the simulator's result images with java.awt: deterministic pictures for generations, and real
 * transformations (scale, repaint, outpaint, pan, canvas placement, retexture, background removal) for the
 * editing models, so that tests and examples can check sizes, pixels and transparency.
 */
public final class ImageRenderer {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Colour distance within which a pixel counts as background. */
    private static final int BACKGROUND_TOLERANCE = 48;

    private ImageRenderer() {
    }

    /** A flat light background with a saturated subject in the middle, labelled with its index. */
    public static BufferedImage generate(long seed, int width, int height, int index) {
        Random r = new Random(seed * 31 + index);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setColor(Color.getHSBColor(r.nextFloat(), 0.12f, 0.97f));
        g.fillRect(0, 0, width, height);
        int shapes = 3 + r.nextInt(3);
        for (int i = 0; i < shapes; i++) {
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.75f + r.nextFloat() * 0.25f, 0.45f + r.nextFloat() * 0.4f));
            int w = (int) (width * (0.2 + r.nextDouble() * 0.3));
            int h = (int) (height * (0.2 + r.nextDouble() * 0.3));
            int x = (int) (width * 0.22 + r.nextDouble() * Math.max(1, width * 0.56 - w));
            int y = (int) (height * 0.22 + r.nextDouble() * Math.max(1, height * 0.56 - h));
            if (i % 2 == 0) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRoundRect(x, y, w, h, w / 4, h / 4);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, Math.min(width, height) / 16)));
        g.drawString("#" + index, (int) (width * 0.45), (int) (height * 0.9));
        g.dispose();
        return img;
    }

    public static BufferedImage scale(BufferedImage src, double factor) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, typeOf(src));
        Graphics2D g = graphics(out);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Variation and remix: the hue turns and new shapes appear; {@code strong} turns further. */
    public static BufferedImage vary(BufferedImage src, long seed, boolean strong) {
        Random r = new Random(seed);
        float shift = (strong ? 0.25f : 0.08f) + r.nextFloat() * 0.05f;
        BufferedImage out = copy(src);
        int[] px = pixels(out);
        float[] hsb = new float[3];
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            Color.RGBtoHSB((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff, hsb);
            px[i] = (p & 0xff000000) | (Color.HSBtoRGB(hsb[0] + shift, hsb[1], hsb[2]) & 0xffffff);
        }
        out.setRGB(0, 0, out.getWidth(), out.getHeight(), px, 0, out.getWidth());
        Graphics2D g = graphics(out);
        g.setStroke(new BasicStroke(Math.max(2, out.getWidth() / 80f)));
        for (int i = 0; i < (strong ? 4 : 1); i++) {
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.8f, 0.7f));
            int s = out.getWidth() / 6;
            g.drawOval(out.getWidth() / 4 + r.nextInt(Math.max(1, out.getWidth() / 2 - s)),
                    out.getHeight() / 4 + r.nextInt(Math.max(1, out.getHeight() / 2 - s)), s, s);
        }
        g.dispose();
        return out;
    }

    /** Inpaint: masked pixels take generated content, every other pixel is kept exactly. */
    public static BufferedImage repaint(BufferedImage src, Mask mask, long seed) {
        BufferedImage out = copy(src);
        paintMasked(out, mask, seed);
        return out;
    }

    public static BufferedImage outpaint(BufferedImage src, double scale, long seed) {
        int w = (int) Math.round(src.getWidth() * scale);
        int h = (int) Math.round(src.getHeight() * scale);
        return extend(src, w, h, (w - src.getWidth()) / 2, (h - src.getHeight()) / 2, seed);
    }

    /** Extends only the axis of {@code direction}; the source stays at the opposite side. */
    public static BufferedImage pan(BufferedImage src, String direction, double scale, long seed) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        return switch (direction) {
            case "left" -> extend(src, (int) Math.round(sw * scale), sh, (int) Math.round(sw * scale) - sw, 0, seed);
            case "right" -> extend(src, (int) Math.round(sw * scale), sh, 0, 0, seed);
            case "up" -> extend(src, sw, (int) Math.round(sh * scale), 0, (int) Math.round(sh * scale) - sh, seed);
            case "down" -> extend(src, sw, (int) Math.round(sh * scale), 0, 0, seed);
            default -> throw new IllegalArgumentException("direction must be up, down, left or right: " + direction);
        };
    }

    /** Edit and upload-paint: the picture drawn at its position on a canvas, blank areas filled, mask repainted. */
    public static BufferedImage placeOnCanvas(BufferedImage src, int canvasWidth, int canvasHeight, int x, int y,
            int width, int height, Mask maskOrNull, long seed) {
        BufferedImage out = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(out);
        fill(g, canvasWidth, canvasHeight, seed);
        g.drawImage(src, x, y, width, height, null);
        g.dispose();
        if (maskOrNull != null) {
            paintMasked(out, maskOrNull, seed + 1);
        }
        return out;
    }

    /** Same structure, another material: a tint and stripes whose strength follows the luminance. */
    public static BufferedImage retexture(BufferedImage src, long seed) {
        Random r = new Random(seed);
        Color tint = Color.getHSBColor(r.nextFloat(), 0.6f, 0.9f);
        int period = 6 + r.nextInt(10);
        BufferedImage out = copy(src);
        int[] px = pixels(out);
        int w = out.getWidth();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int lum = (((p >> 16) & 0xff) * 3 + ((p >> 8) & 0xff) * 6 + (p & 0xff)) / 10;
            boolean stripe = ((i % w) + (i / w)) / period % 2 == 0;
            double k = lum / 255.0 * (stripe ? 1.0 : 0.75);
            px[i] = (p & 0xff000000) | ((int) (tint.getRed() * k) << 16) | ((int) (tint.getGreen() * k) << 8)
                    | (int) (tint.getBlue() * k);
        }
        out.setRGB(0, 0, w, out.getHeight(), px, 0, w);
        return out;
    }

    /**
     * Makes the background transparent: the region connected to the border whose colour is close to the border's
     * dominant colour (flood fill, iterative).
     */
    public static BufferedImage removeBackground(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        int background = dominantBorderColour(px, w, h);
        boolean[] seen = new boolean[px.length];
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int x = 0; x < w; x++) {
            todo.add(x);
            todo.add((h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            todo.add(y * w);
            todo.add(y * w + w - 1);
        }
        while (!todo.isEmpty()) {
            int i = todo.poll();
            if (seen[i] || distance(px[i], background) > BACKGROUND_TOLERANCE) {
                continue;
            }
            seen[i] = true;
            px[i] = px[i] & 0x00ffffff;
            int x = i % w;
            if (x > 0) todo.add(i - 1);
            if (x < w - 1) todo.add(i + 1);
            if (i >= w) todo.add(i - w);
            if (i < px.length - w) todo.add(i + w);
        }
        for (int i = 0; i < px.length; i++) {
            if (!seen[i]) {
                px[i] = px[i] | 0xff000000;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    public static byte[] toPng(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(img.getWidth() * img.getHeight());
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        if (img == null) {
            String type = sniffMimeType(bytes);
            throw new IOException(type == null ? "not an image" : "cannot decode " + type);
        }
        return img;
    }

    /** The image type from its magic bytes, or null. */
    public static String sniffMimeType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static BufferedImage extend(BufferedImage src, int w, int h, int x, int y, long seed) {
        BufferedImage out = new BufferedImage(w, h, typeOf(src));
        Graphics2D g = graphics(out);
        fill(g, w, h, seed);
        g.drawImage(src, x, y, null);
        g.dispose();
        return out;
    }

    /** Generated content for new areas: a soft gradient with a few circles, never flat black or transparent. */
    private static void fill(Graphics2D g, int w, int h, long seed) {
        Random r = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(r.nextFloat(), 0.35f, 0.85f), w, h,
                Color.getHSBColor(r.nextFloat(), 0.35f, 0.7f)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 6; i++) {
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.4f, 0.9f));
            int s = Math.max(2, Math.min(w, h) / (4 + r.nextInt(6)));
            g.fillOval(r.nextInt(Math.max(1, w)), r.nextInt(Math.max(1, h)), s, s);
        }
    }

    private static void paintMasked(BufferedImage out, Mask mask, long seed) {
        int w = out.getWidth();
        int h = out.getHeight();
        BufferedImage content = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(content);
        fill(g, w, h, seed);
        g.dispose();
        boolean[] covered = mask.raster(w, h);
        int[] px = pixels(out);
        int[] fresh = pixels(content);
        for (int i = 0; i < px.length; i++) {
            if (covered[i]) {
                px[i] = 0xff000000 | (fresh[i] & 0xffffff);
            }
        }
        out.setRGB(0, 0, w, h, px, 0, w);
    }

    private static int dominantBorderColour(int[] px, int w, int h) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = px[0];
        int bestCount = 0;
        for (int i = 0; i < px.length; i++) {
            int x = i % w;
            int y = i / w;
            if (x != 0 && y != 0 && x != w - 1 && y != h - 1) {
                continue;
            }
            int key = px[i] & 0xf0f0f0;
            int c = counts.merge(key, 1, Integer::sum);
            if (c > bestCount) {
                bestCount = c;
                best = px[i];
            }
        }
        return best;
    }

    private static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), typeOf(src));
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int typeOf(BufferedImage src) {
        return src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }
}
