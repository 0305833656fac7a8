package org.camelevolink.simulator.task;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.image.ImageRenderer;
import org.camelevolink.simulator.image.Mask;
import org.camelevolink.simulator.model.ValidatedRequest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders result images on first request, not at completion: a load test with thousands of tasks pays for no
 * image nobody downloads. Encoded PNGs are kept in a cache bounded by total bytes.
 */
public final class ResultImages {

    private final long maxCacheBytes;
    private long cachedBytes;
    private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true);

    public ResultImages(long maxCacheBytes) {
        this.maxCacheBytes = maxCacheBytes;
    }

    /** The PNG of result {@code index} of a completed task. */
    public byte[] png(SimTask task, int index) {
        String key = task.id() + "/" + index;
        synchronized (cache) {
            byte[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] png = ImageRenderer.toPng(render(task, index));
        synchronized (cache) {
            if (cache.put(key, png) == null) {
                cachedBytes += png.length;
            }
            var it = cache.entrySet().iterator();
            while (cachedBytes > maxCacheBytes && it.hasNext()) {
                cachedBytes -= it.next().getValue().length;
                it.remove();
            }
        }
        return png;
    }

    public void clear() {
        synchronized (cache) {
            cache.clear();
            cachedBytes = 0;
        }
    }

    private BufferedImage image(SimTask task, int index) {
        try {
            return ImageRenderer.decode(png(task, index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BufferedImage render(SimTask task, int index) {
        ValidatedRequest r = task.request();
        JsonNode p = r.params();
        long seed = seed(task, index);
        int[] size = task.size();
        return switch (task.operation()) {
            case "generate" -> ImageRenderer.generate(seed, size[0], size[1], index);
            case "upscale", "enhance" -> ImageRenderer.scale(source(task), 2.0);
            case "variation" -> ImageRenderer.vary(source(task), seed, "strong".equals(p.path("type").asText()));
            case "remix" -> ImageRenderer.vary(source(task), seed, "strong".equals(p.path("mode").asText()));
            case "inpaint" -> ImageRenderer.repaint(source(task), mask(task), seed);
            case "outpaint" -> ImageRenderer.outpaint(source(task), p.get("scale").asDouble(), seed);
            case "pan" -> ImageRenderer.pan(source(task), p.get("direction").asText(), p.get("scale").asDouble(), seed);
            case "edit" -> onCanvas(task, source(task), seed);
            case "upload-paint" -> onCanvas(task, input(task), seed);
            case "retexture" -> ImageRenderer.retexture(input(task), seed);
            case "remove-bg" -> ImageRenderer.removeBackground(input(task));
            default -> throw new IllegalStateException("no renderer for " + task.operation());
        };
    }

    private BufferedImage onCanvas(SimTask task, BufferedImage picture, long seed) {
        JsonNode p = task.request().params();
        JsonNode pos = p.get("img_pos");
        return ImageRenderer.placeOnCanvas(picture, p.at("/canvas/width").asInt(), p.at("/canvas/height").asInt(),
                pos.get("x").asInt(), pos.get("y").asInt(), pos.get("width").asInt(), pos.get("height").asInt(),
                p.has("mask") ? mask(task) : null, seed);
    }

    private BufferedImage source(SimTask task) {
        return image(task.source(), task.request().imageNumber());
    }

    private static BufferedImage input(SimTask task) {
        return task.inputs().get(task.request().imageUrls().get(0));
    }

    private static Mask mask(SimTask task) {
        JsonNode mask = task.request().params().get("mask");
        if (mask.has("url")) {
            return Mask.image(task.inputs().get(mask.get("url").asText()), task.request().spec().family().maskSemantics());
        }
        List<Mask.Area> areas = new ArrayList<>();
        for (JsonNode a : mask.get("areas")) {
            int[] points = new int[a.get("points").size()];
            for (int i = 0; i < points.length; i++) {
                points[i] = a.get("points").get(i).asInt();
            }
            areas.add(new Mask.Area(a.get("width").asInt(), a.get("height").asInt(), points));
        }
        return Mask.areas(areas);
    }

    /** Same prompt and {@code --seed} give the same pictures, as users expect from Midjourney seeds. */
    private static long seed(SimTask task, int index) {
        ValidatedRequest r = task.request();
        long base = r.prompt().seedOr(r.prompt().text().hashCode() * 31L + task.model().hashCode());
        if (task.source() != null) {
            base = base * 31 + task.source().id().hashCode();
        }
        return base * 1_000_003L + index;
    }

    /** For tests and tools: all result images of a task. */
    public Map<Integer, byte[]> all(SimTask task) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < task.resultCount(); i++) {
            out.put(i, png(task, i));
        }
        return out;
    }
}
