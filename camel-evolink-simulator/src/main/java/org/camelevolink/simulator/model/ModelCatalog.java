package org.camelevolink.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.image.Mask;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The 26 Midjourney models, read from {@code models.json} next to this class. */
public final class ModelCatalog {

    private final Map<String, ModelSpec> models = new LinkedHashMap<>();

    private ModelCatalog() {
    }

    public static ModelCatalog load() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/org/camelevolink/simulator/models.json")) {
            if (in == null) {
                throw new IllegalStateException("models.json is missing from the simulator jar");
            }
            ModelCatalog catalog = new ModelCatalog();
            for (JsonNode family : Json.MAPPER.readTree(in).get("families")) {
                FamilySpec spec = family(family);
                for (JsonNode model : family.get("models")) {
                    ModelSpec m = model(model, spec);
                    catalog.models.put(m.id(), m);
                }
            }
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read models.json", e);
        }
    }

    public ModelSpec find(String id) {
        return models.get(id);
    }

    public Collection<ModelSpec> all() {
        return models.values();
    }

    private static FamilySpec family(JsonNode f) {
        return new FamilySpec(f.get("id").asText(), f.get("linkHours").asInt(),
                Mask.MaskSemantics.valueOf(f.get("maskSemantics").asText()), f.get("maskDataUri").asBoolean(),
                strings(f.get("forbiddenPromptFlags")), strings(f.get("strippedPromptFlags")),
                strings(f.get("failingPromptFlags")));
    }

    private static ModelSpec model(JsonNode m, FamilySpec family) {
        JsonNode prompt = m.get("prompt");
        JsonNode urls = m.get("imageUrls");
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        m.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), param(e.getKey(), e.getValue())));
        return new ModelSpec(m.get("id").asText(), family, m.get("operation").asText(), presence(prompt),
                prompt.path("maxLength").asInt(0), presence(urls), urls.path("maxItems").asInt(0),
                strings(urls.get("formats")), urls.path("maxUrlLength").asInt(2048),
                m.get("paramsRequired").asBoolean(), m.get("quality").asBoolean(), params, m.get("seconds").asInt(),
                m.get("credits").asDouble(), m.get("results").asInt(), strings(m.get("sourceOperations")));
    }

    private static ParamSpec param(String name, JsonNode p) {
        return new ParamSpec(name, p.get("type").asText(), p.path("required").asBoolean(false), strings(p.get("enum")),
                p.has("min") ? p.get("min").asDouble() : null, p.has("max") ? p.get("max").asDouble() : null,
                p.get("default"));
    }

    private static ModelSpec.Presence presence(JsonNode node) {
        return ModelSpec.Presence.valueOf(node.get("presence").asText().toUpperCase(Locale.ROOT));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }
}
