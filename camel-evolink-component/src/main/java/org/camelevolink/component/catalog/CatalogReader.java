package org.camelevolink.component.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the catalog JSON into specs. It is strict on purpose: a misspelt key or type in the data would otherwise
 * silently switch a rule off, so anything it does not know fails the load, naming where.
 */
final class CatalogReader {

    private static final Set<String> FAMILY_KEYS = Set.of("generationModel", "resultLinkHours", "maskUrlDataUri",
            "imagePrompts", "strippedPromptFlags", "rejectedPromptFlags", "promptFlags", "notes");
    private static final Set<String> FLAG_KEYS = Set.of("aliases", "type", "min", "max", "values", "requires",
            "needsImagePrompt", "needsText", "speeds", "notWith", "notForOperations");
    private static final Set<String> FLAG_TYPES = Set.of("integer", "number", "enum", "ratio", "url", "keywords",
            "switch");
    private static final Set<String> MODEL_KEYS = Set.of("id", "family", "operation", "prompt", "imageUrls",
            "quality", "modelParams", "conflicts", "source", "results", "draftResults", "notes");
    private static final Set<String> PARAM_KEYS = Set.of("type", "required", "values", "min", "max", "default",
            "maxUnlessDraftSource", "notes");
    static final Set<String> OPERATIONS = Set.of("generate", "upscale", "variation", "remix", "inpaint",
            "outpaint", "pan", "edit", "upload-paint", "retexture", "enhance", "remove-bg");

    private CatalogReader() {
    }

    static Map<String, ModelSpec> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, FamilySpec> families = new LinkedHashMap<>();
        fields(root.path("families")).forEachRemaining(e -> families.put(e.getKey(), family(e.getKey(), e.getValue())));
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (JsonNode m : root.path("models")) {
            ModelSpec spec = model(m, families);
            if (models.put(spec.id(), spec) != null) {
                throw new IllegalArgumentException("model " + spec.id() + " is listed twice");
            }
        }
        return models;
    }

    private static FamilySpec family(String id, JsonNode f) {
        known(f, FAMILY_KEYS, "family " + id);
        Map<String, String> rejected = new LinkedHashMap<>();
        fields(f.path("rejectedPromptFlags")).forEachRemaining(e -> rejected.put(e.getKey(), e.getValue().asText()));
        Map<String, PromptFlag> flags = new LinkedHashMap<>();
        fields(f.path("promptFlags")).forEachRemaining(e -> flags.put(e.getKey(),
                flag(e.getKey(), e.getValue(), "family " + id)));
        JsonNode images = f.path("imagePrompts");
        return new FamilySpec(id, f.path("generationModel").asText(null), integerOrNull(f.get("resultLinkHours")),
                f.path("maskUrlDataUri").asBoolean(false), images.path("max").asInt(Integer.MAX_VALUE),
                strings(images.get("formats")), strings(f.get("strippedPromptFlags")), rejected, flags,
                notes(f.get("notes")));
    }

    private static PromptFlag flag(String name, JsonNode f, String where) {
        known(f, FLAG_KEYS, where + " flag --" + name);
        String type = f.path("type").asText();
        if (!FLAG_TYPES.contains(type)) {
            throw new IllegalArgumentException(where + " flag --" + name + " has unknown type '" + type + "'");
        }
        Map<String, String> notWith = new LinkedHashMap<>();
        fields(f.path("notWith")).forEachRemaining(e -> notWith.put(e.getKey(), e.getValue().asText()));
        return new PromptFlag(name, strings(f.get("aliases")), type, doubleOrNull(f.get("min")),
                doubleOrNull(f.get("max")), strings(f.get("values")), strings(f.get("requires")),
                f.path("needsImagePrompt").asBoolean(false), f.path("needsText").asBoolean(false),
                strings(f.get("speeds")), notWith, strings(f.get("notForOperations")));
    }

    private static ModelSpec model(JsonNode m, Map<String, FamilySpec> families) {
        String id = m.path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a model has no id: " + m);
        }
        known(m, MODEL_KEYS, "model " + id);
        FamilySpec family = families.get(m.path("family").asText());
        if (family == null) {
            throw new IllegalArgumentException("model " + id + " names an unknown family " + m.get("family"));
        }
        String operation = m.path("operation").asText();
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("model " + id + " names an unknown operation '" + operation + "'");
        }
        JsonNode prompt = m.path("prompt");
        JsonNode images = m.path("imageUrls");
        Use imagesUse = Use.of(images.path("use").asText("none"));
        JsonNode quality = m.path("quality");
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        fields(m.path("modelParams")).forEachRemaining(e -> params.put(e.getKey(),
                param(id, e.getKey(), e.getValue())));
        List<Conflict> conflicts = new ArrayList<>();
        for (JsonNode c : m.path("conflicts")) {
            Map<String, String> when = new LinkedHashMap<>();
            fields(c.path("when")).forEachRemaining(e -> when.put(e.getKey(), e.getValue().asText()));
            conflicts.add(new Conflict(when, c.path("field").asText(), c.path("rule").asText()));
        }
        JsonNode source = m.get("source");
        SourceRule rule = source == null ? null : new SourceRule(strings(source.get("families")),
                strings(source.get("operations")), strings(source.get("speeds")));
        if ((rule != null) != params.containsKey("task_id")) {
            throw new IllegalArgumentException("model " + id + ": a 'source' goes with a task_id parameter");
        }
        return new ModelSpec(id, family, operation, Use.of(prompt.path("use").asText("none")),
                prompt.path("maxLength").asInt(0), imagesUse, imagesUse.accepted() ? images.path("maxItems").asInt(1)
                        : 0, strings(images.get("formats")), integerOrNull(images.get("maxUrlLength")),
                strings(quality.get("values")), quality.path("default").asText(null), params, conflicts, rule,
                m.path("results").asInt(4), integerOrNull(m.get("draftResults")), notes(m.get("notes")));
    }

    private static ParamSpec param(String model, String name, JsonNode p) {
        known(p, PARAM_KEYS, "model " + model + " param " + name);
        JsonNode dflt = p.get("default");
        Object defaultValue = dflt == null || dflt.isNull() ? null : dflt.isNumber() ? dflt.numberValue() : dflt.asText();
        return new ParamSpec(name, ParamType.of(p.path("type").asText()), p.path("required").asBoolean(false),
                strings(p.get("values")), doubleOrNull(p.get("min")), doubleOrNull(p.get("max")), defaultValue,
                integerOrNull(p.get("maxUnlessDraftSource")), p.path("notes").asText(null));
    }

    private static void known(JsonNode node, Set<String> keys, String where) {
        fields(node).forEachRemaining(e -> {
            if (!keys.contains(e.getKey())) {
                throw new IllegalArgumentException(where + " has an unknown key '" + e.getKey() + "'");
            }
        });
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.properties().iterator();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** notes may be one string or a list of strings. */
    private static List<String> notes(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        return node.isArray() ? strings(node) : List.of(node.asText());
    }

    private static Double doubleOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static Integer integerOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }
}
