package org.camelevolink.simulator.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;

/**
 * The V8.x run-time size rules that fail a task (credits refunded) rather than its submit: V8.1 edit and
 * upload-paint need the canvas in the image's aspect ratio; V8.2 needs img_pos in the image's aspect ratio.
 */
final class AspectRules {

    private AspectRules() {
    }

    static boolean violation(SimTask task) {
        String family = task.request().spec().family().id();
        String op = task.operation();
        if (family.equals("v7") || !(op.equals("edit") || op.equals("upload-paint"))) {
            return false;
        }
        int[] image = imageSize(task);
        if (image == null) {
            return false;
        }
        JsonNode box = task.request().params().get(family.equals("v8.1") ? "canvas" : "img_pos");
        return ResultGeometry.aspectDiffers(box.get("width").asInt(), box.get("height").asInt(), image[0], image[1]);
    }

    private static int[] imageSize(SimTask task) {
        if (task.source() != null) {
            return task.source().size();
        }
        BufferedImage input = task.inputs().get(task.request().imageUrls().get(0));
        return input == null ? null : new int[] {input.getWidth(), input.getHeight()};
    }
}
