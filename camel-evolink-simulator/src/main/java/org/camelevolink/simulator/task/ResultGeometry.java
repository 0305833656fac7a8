package org.camelevolink.simulator.task;

import org.camelevolink.simulator.model.ValidatedRequest;

import java.awt.image.BufferedImage;
import java.util.Map;

/** The pixel size of a task's result images, derived from the request, the source task and the inputs. */
final class ResultGeometry {

    private ResultGeometry() {
    }

    /** Null while an input image it depends on is not read yet. */
    static int[] size(ValidatedRequest r, SimTask source, Map<String, BufferedImage> inputs, int baseSize) {
        return switch (r.spec().operation()) {
            case "generate" -> generated(r, baseSize);
            case "upscale", "enhance" -> scaled(sourceSize(source), 2, 2);
            case "variation", "remix", "inpaint" -> sourceSize(source);
            case "outpaint" -> scaled(sourceSize(source), r.params().get("scale").asDouble(),
                    r.params().get("scale").asDouble());
            case "pan" -> panned(sourceSize(source), r.params().get("direction").asText(),
                    r.params().get("scale").asDouble());
            case "edit", "upload-paint" -> new int[] {r.params().at("/canvas/width").asInt(),
                r.params().at("/canvas/height").asInt()};
            default -> inputSize(r, inputs);
        };
    }

    private static int[] generated(ValidatedRequest r, int base) {
        int[] ar = r.prompt().aspectRatio();
        int longSide = r.isDraft() ? base / 2 : base;
        return ar[0] >= ar[1] ? new int[] {longSide, Math.max(1, Math.round((float) longSide * ar[1] / ar[0]))}
                : new int[] {Math.max(1, Math.round((float) longSide * ar[0] / ar[1])), longSide};
    }

    private static int[] sourceSize(SimTask source) {
        return source.size();
    }

    private static int[] scaled(int[] size, double fx, double fy) {
        return size == null ? null : new int[] {(int) Math.round(size[0] * fx), (int) Math.round(size[1] * fy)};
    }

    private static int[] panned(int[] size, String direction, double scale) {
        boolean horizontal = direction.equals("left") || direction.equals("right");
        return scaled(size, horizontal ? scale : 1, horizontal ? 1 : scale);
    }

    private static int[] inputSize(ValidatedRequest r, Map<String, BufferedImage> inputs) {
        BufferedImage first = r.imageUrls().isEmpty() ? null : inputs.get(r.imageUrls().get(0));
        return first == null ? null : new int[] {first.getWidth(), first.getHeight()};
    }

    /** Whether two sizes differ in aspect ratio by more than 5 %. */
    static boolean aspectDiffers(int w1, int h1, int w2, int h2) {
        double a = (double) w1 / h1;
        double b = (double) w2 / h2;
        return Math.abs(a - b) / b > 0.05;
    }
}
