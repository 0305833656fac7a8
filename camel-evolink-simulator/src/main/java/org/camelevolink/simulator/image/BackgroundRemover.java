package org.camelevolink.simulator.image;

import java.awt.image.BufferedImage;

/**
 * Cuts a subject out of a plain background: the background is the region connected to the border whose colour is
 * close to the border's dominant colour, found by an iterative flood fill (a recursive one overflows the stack on
 * large images).
 */
final class BackgroundRemover {

    /** RGB distance still counted as background: absorbs noise, JPEG artefacts and soft studio gradients. */
    private static final int TOLERANCE = 40;

    private BackgroundRemover() {
    }

    static BufferedImage remove(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = Pixels.blank(w, h, true);
        out.setRGB(0, 0, w, h, src.getRGB(0, 0, w, h, null, 0, w), 0, w);
        int[] px = Pixels.data(out);
        int reference = BorderColor.dominant(src);
        boolean[] background = floodFromBorder(px, w, h, reference);
        for (int i = 0; i < px.length; i++) {
            if (background[i]) {
                px[i] = 0;
            } else if (touches(background, i, w, h)) {
                px[i] = feathered(px[i], reference);
            }
        }
        return out;
    }

    private static boolean[] floodFromBorder(int[] px, int w, int h, int reference) {
        boolean[] background = new boolean[px.length];
        // every pixel enters the queue at most once (it is marked when queued), so one array suffices
        int[] queue = new int[px.length];
        int tail = 0;
        for (int x = 0; x < w; x++) {
            tail = enqueue(px, background, queue, tail, x, reference);
            tail = enqueue(px, background, queue, tail, (h - 1) * w + x, reference);
        }
        for (int y = 0; y < h; y++) {
            tail = enqueue(px, background, queue, tail, y * w, reference);
            tail = enqueue(px, background, queue, tail, y * w + w - 1, reference);
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % w;
            if (x > 0) {
                tail = enqueue(px, background, queue, tail, i - 1, reference);
            }
            if (x < w - 1) {
                tail = enqueue(px, background, queue, tail, i + 1, reference);
            }
            if (i >= w) {
                tail = enqueue(px, background, queue, tail, i - w, reference);
            }
            if (i < px.length - w) {
                tail = enqueue(px, background, queue, tail, i + w, reference);
            }
        }
        return background;
    }

    private static int enqueue(int[] px, boolean[] background, int[] queue, int tail, int i, int reference) {
        if (background[i] || !isBackground(px[i], reference)) {
            return tail;
        }
        background[i] = true;
        queue[tail] = i;
        return tail + 1;
    }

    /** Already transparent pixels are background too, so cutting out a cut-out changes nothing. */
    private static boolean isBackground(int argb, int reference) {
        return argb >>> 24 == 0 || distance(argb, reference) <= TOLERANCE;
    }

    private static boolean touches(boolean[] background, int i, int w, int h) {
        int x = i % w;
        int y = i / w;
        return x > 0 && background[i - 1] || x < w - 1 && background[i + 1]
                || y > 0 && background[i - w] || y < h - 1 && background[i + w];
    }

    /**
     * Anti-aliased edge pixels are part background: the closer to the background colour, the more transparent,
     * which avoids a halo of background colour around the subject.
     */
    private static int feathered(int argb, int reference) {
        double opacity = Math.min(1.0, (distance(argb, reference) - TOLERANCE) / (2.0 * TOLERANCE));
        int alpha = (int) Math.round((argb >>> 24) * opacity);
        return alpha << 24 | (argb & 0xffffff);
    }

    private static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
