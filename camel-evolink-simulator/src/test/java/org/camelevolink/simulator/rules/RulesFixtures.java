package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.model.ModelCatalog;
import org.camelevolink.simulator.model.ModelSpec;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies and real prerequisites for the rule tests: finished source tasks (created over HTTP, finished at
 * once with {@link EvolinkSimulator#completeTask}) and input images uploaded through the simulator's files API, so
 * that no accepted request ever makes the simulator reach outside the machine.
 */
final class RulesFixtures {

    static final ModelCatalog CATALOG = ModelCatalog.load();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EvolinkSimulator sim;
    private final SimHttp http;
    private final Map<String, String> images = new HashMap<>();

    RulesFixtures(EvolinkSimulator sim) {
        this.sim = sim;
        this.http = new SimHttp(sim);
    }

    SimHttp http() {
        return http;
    }

    EvolinkSimulator sim() {
        return sim;
    }

    static ModelSpec spec(String model) {
        ModelSpec spec = CATALOG.find(model);
        assertThat(spec).as("model %s in the catalog", model).isNotNull();
        return spec;
    }

    /** The generation model of a model's family: mj-v7, mj-v8.1 or mj-v8.2. */
    static String generationModelOf(ModelSpec spec) {
        return spec.family().id().equals("v7") ? "mj-v7" : "mj-" + spec.family().id();
    }

    static final String CREATE = "/v1/images/generations";

    /** POST /v1/images/generations with the default key. */
    SimHttp.Answer create(ObjectNode body) {
        return http.post(CREATE, body);
    }

    /** Creates a task (200 expected) and returns its id. */
    String created(ObjectNode body) {
        SimHttp.Answer a = create(body);
        assertThat(a.status()).as("create %s: %s", body, new String(a.bytes())).isEqualTo(200);
        return a.json().get("id").asText();
    }

    /** Creates a task and finishes it at once; returns its id. */
    String completed(ObjectNode body) {
        String id = created(body);
        sim.completeTask(id);
        assertThat(http.get("/v1/tasks/" + id).json().path("status").asText()).as("source %s", id)
                .isEqualTo("completed");
        return id;
    }

    /** A completed generation ({@code speed} null = the default, fast). */
    String completedGeneration(String model, String speed) {
        ObjectNode body = object("model", model, "prompt", "a lighthouse on a cliff --ar 1:1");
        if (speed != null) {
            body.putObject("model_params").put("speed", speed);
        }
        return completed(body);
    }

    /** A completed task of {@code model}, on a completed generation of its family when it needs a source. */
    String completedOf(String model) {
        return completed(minimal(spec(model)));
    }

    /** A PNG uploaded under a name ending in {@code .ext}; the simulator serves it itself. Returns its URL. */
    String image(String ext) {
        return images.computeIfAbsent(ext, e -> {
            String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(64, 64));
            SimHttp.Answer a = http.post("/api/v1/files/upload/base64",
                    Map.of("base64_data", data, "file_name", "input-" + images.size() + "." + e));
            assertThat(a.status()).as("upload: %s", new String(a.bytes())).isEqualTo(200);
            return a.json().at("/data/file_url").asText();
        });
    }

    static String pngDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(32, 32));
    }

    /** The smallest request the model accepts; follow-ups get a completed source (draft for enhance). */
    ObjectNode minimal(ModelSpec spec) {
        return minimal(spec, spec.operation().equals("enhance") ? "draft" : null);
    }

    /** As {@link #minimal(ModelSpec)} with a source task generated at {@code sourceSpeed}. */
    ObjectNode minimal(ModelSpec spec, String sourceSpeed) {
        String taskId = spec.needsSourceTask() ? completedGeneration(generationModelOf(spec), sourceSpeed) : null;
        return body(spec, taskId);
    }

    /** The smallest request of {@code model} on the given source task. */
    ObjectNode followUp(String model, String sourceTaskId) {
        return body(spec(model), sourceTaskId);
    }

    private ObjectNode body(ModelSpec spec, String taskId) {
        ObjectNode body = object("model", spec.id());
        if (spec.prompt() == ModelSpec.Presence.REQUIRED) {
            body.put("prompt", "a small red boat");
        }
        if (spec.imageUrls() == ModelSpec.Presence.REQUIRED) {
            body.putArray("image_urls").add(image("png"));
        }
        ObjectNode params = NODES.objectNode();
        if (taskId != null) {
            params.put("task_id", taskId);
        }
        if (spec.params().containsKey("mask") && spec.params().get("mask").required()) {
            params.set("mask", areaMask());
        }
        if (spec.params().containsKey("canvas")) {
            params.set("canvas", object("width", 256, "height", 256));
            params.set("img_pos", object("width", 128, "height", 128, "x", 64, "y", 64));
        }
        if (!params.isEmpty() || spec.paramsRequired()) {
            body.set("model_params", params);
        }
        return body;
    }

    /** The documented polygon example: a square inside a 200x200 frame. */
    static ObjectNode areaMask() {
        ObjectNode mask = NODES.objectNode();
        ObjectNode area = mask.putArray("areas").addObject();
        area.put("width", 200).put("height", 200);
        area.set("points", ints(50, 50, 50, 150, 150, 150, 150, 50));
        return mask;
    }

    static ArrayNode ints(int... values) {
        ArrayNode a = NODES.arrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** An object from name/value pairs (values: String, Integer, Double, Boolean or JsonNode). */
    static ObjectNode object(Object... pairs) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            o.set((String) pairs[i], node(pairs[i + 1]));
        }
        return o;
    }

    static JsonNode node(Object v) {
        return v instanceof JsonNode j ? j : SimHttp.MAPPER.valueToTree(v);
    }

    /** A JSON literal, e.g. {@code "1"}, {@code 1.5}, {@code [1]}, {@code {"a":1}}. */
    static JsonNode json(String literal) {
        try {
            return SimHttp.MAPPER.readTree(literal);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /**
     * A copy of {@code body} with the value at a dotted path ({@code model_params.canvas.width}) replaced, missing
     * objects created; a null value removes the field.
     */
    static ObjectNode set(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode at = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            at = next instanceof ObjectNode o ? o : at.putObject(parts[i]);
        }
        if (value == null) {
            at.remove(parts[parts.length - 1]);
        } else {
            at.set(parts[parts.length - 1], value);
        }
        return copy;
    }

    static ObjectNode set(ObjectNode body, String path, Object value) {
        return set(body, path, value == null ? null : node(value));
    }

    /** GET /v1/credits: the key's remaining credits. */
    double remainingCredits(SimHttp client) {
        SimHttp.Answer a = client.get("/v1/credits");
        assertThat(a.status()).isEqualTo(200);
        return a.json().at("/data/token/remaining_credits").asDouble();
    }
}
