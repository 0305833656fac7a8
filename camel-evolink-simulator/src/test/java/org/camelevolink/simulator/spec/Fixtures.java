package org.camelevolink.simulator.spec;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.model.ModelSpec;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies and prerequisites (finished source tasks, uploaded images) for the simulator's tests. */
final class Fixtures {

    private final EvolinkSimulator sim;
    private final SimHttp http;

    Fixtures(EvolinkSimulator sim) {
        this.sim = sim;
        this.http = new SimHttp(sim);
    }

    /** A completed generation of the family of {@code model} ("mj-v7", "mj-v8.1", "mj-v8.2"), finished at once. */
    String completedSource(String generationModel, String speed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", generationModel);
        body.put("prompt", "a lighthouse --ar 1:1");
        if (speed != null) {
            body.put("model_params", Map.of("speed", speed));
        }
        SimHttp.Answer a = http.create(body);
        if (a.status() != 200) {
            throw new AssertionError("source create failed: " + new String(a.bytes()));
        }
        String id = a.json().get("id").asText();
        sim.completeTask(id);
        return id;
    }

    /** A PNG uploaded through the files API; returns its file_url. */
    String uploadedPng(int width, int height) {
        String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(width, height));
        SimHttp.Answer a = http.post("/api/v1/files/upload/base64", Map.of("base64_data", data));
        if (a.status() != 200) {
            throw new AssertionError("upload failed: " + new String(a.bytes()));
        }
        return a.json().at("/data/file_url").asText();
    }

    /** The smallest request the model accepts, with real prerequisites. */
    Map<String, Object> minimalRequest(ModelSpec spec) {
        Map<String, Object> body = new HashMap<>();
        body.put("model", spec.id());
        if (spec.prompt() == ModelSpec.Presence.REQUIRED) {
            body.put("prompt", "a small red boat");
        }
        if (spec.imageUrls() == ModelSpec.Presence.REQUIRED) {
            body.put("image_urls", List.of(uploadedPng(64, 64)));
        }
        Map<String, Object> params = new HashMap<>();
        if (spec.needsSourceTask()) {
            String generation = spec.family().id().equals("v7") ? "mj-v7" : "mj-" + spec.family().id();
            params.put("task_id", completedSource(generation, spec.operation().equals("enhance") ? "draft" : null));
        }
        if (spec.params().containsKey("mask") && spec.params().get("mask").required()) {
            params.put("mask", areaMask());
        }
        if (spec.params().containsKey("canvas")) {
            params.put("canvas", Map.of("width", 256, "height", 256));
            params.put("img_pos", Map.of("width", 128, "height", 128, "x", 64, "y", 64));
        }
        if (!params.isEmpty() || spec.paramsRequired()) {
            body.put("model_params", params);
        }
        return body;
    }

    static Map<String, Object> areaMask() {
        return Map.of("areas", List.of(Map.of("width", 200, "height", 200, "points",
                List.of(50, 50, 50, 150, 150, 150, 150, 50))));
    }

    /** {@code base} with one top-level field replaced (null removes it). */
    static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    /** {@code base} with one model_params entry replaced (null removes it). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withParam(Map<String, Object> base, String param, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        Map<String, Object> params = new HashMap<>((Map<String, Object>) copy.getOrDefault("model_params", Map.of()));
        if (value == null) {
            params.remove(param);
        } else {
            params.put(param, value);
        }
        copy.put("model_params", params);
        return copy;
    }
}
