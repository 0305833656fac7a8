package org.camelevolink.component.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The EvoLink models this component knows, read from {@code evolink-models.json}. */
public final class ModelCatalog {

    private static final String RESOURCE = "/org/camelevolink/component/catalog/evolink-models.json";

    private final Map<String, ModelSpec> models;

    private ModelCatalog(Map<String, ModelSpec> models) {
        this.models = models;
    }

    public static ModelCatalog load() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the component jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ModelSpec> models = new LinkedHashMap<>();
            for (JsonNode m : root.get("models")) {
                ModelSpec spec = model(m, root.get("families").get(m.get("family").asText()));
                models.put(spec.id(), spec);
            }
            return new ModelCatalog(models);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public Collection<ModelSpec> all() {
        return models.values();
    }

    private static ModelSpec model(JsonNode m, JsonNode family) {
        JsonNode prompt = m.get("prompt");
        JsonNode images = m.path("imageUrls");
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        m.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), param(e.getKey(), e.getValue())));
        JsonNode sources = m.path("sources");
        Set<String> sourceOps = new LinkedHashSet<>(strings(sources.get("operations")));
        return new ModelSpec(m.get("id").asText(), m.get("family").asText(), m.get("operation").asText(),
                prompt.get("use").asText(), prompt.path("max").asInt(0), images.path("use").asText("none"),
                images.path("maxItems").asInt(0), strings(images.get("formats")), images.path("maxLength").asInt(2048),
                m.get("modelParamsRequired").asBoolean(), m.get("quality").asBoolean(), params, sourceOps,
                sources.path("draftOnly").asBoolean(false), strings(family.get("forbiddenPromptFlags")),
                family.get("maskDataUri").asBoolean(), family.get("resultLinkHours").asInt());
    }

    private static ParamSpec param(String name, JsonNode p) {
        JsonNode dflt = p.get("default");
        Object defaultValue = dflt == null ? null : dflt.isNumber() ? dflt.numberValue() : dflt.asText();
        return new ParamSpec(name, p.get("kind").asText(), p.path("required").asBoolean(false),
                strings(p.get("values")), p.has("min") ? p.get("min").asDouble() : null,
                p.has("max") ? p.get("max").asDouble() : null, defaultValue);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }
}
