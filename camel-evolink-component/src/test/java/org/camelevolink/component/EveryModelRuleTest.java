package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.catalog.ModelSpec;
import org.camelevolink.component.catalog.ParamSpec;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every model of the catalog: each required field left out, each enum given a value outside it, each range
 * passed on both sides. Every one is an EvolinkValidationException naming the field, and the simulator's journal
 * shows nothing was sent.
 */
class EveryModelRuleTest extends ProducerTestSupport {

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    /** A request the model accepts, as a typed request body (model_params as given, no source task needed). */
    private static Map<String, Object> valid(ModelSpec spec) {
        Map<String, Object> params = new HashMap<>();
        for (ParamSpec p : spec.params().values()) {
            if (!p.required()) {
                continue;
            }
            params.put(p.name(), switch (p.type().kind()) {
                case "taskId" -> "task-unified-1-abcdefgh";
                case "mask" -> Map.of("url", "https://example.com/mask.png");
                case "canvas" -> Map.of("width", 64, "height", 64);
                case "imgPos" -> Map.of("width", 64, "height", 64, "x", 0, "y", 0);
                default -> p.defaultValue();
            });
        }
        Map<String, Object> body = new HashMap<>();
        body.put("model_params", params);
        if (spec.requiresPrompt()) {
            body.put("prompt", "a red kite");
        }
        if (spec.requiresImageUrls()) {
            body.put("image_urls", List.of("https://example.com/input.png"));
        }
        return body;
    }

    static Stream<Arguments> brokenRequests() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec spec : CATALOG.all()) {
            if (spec.requiresPrompt()) {
                out.add(Arguments.of(spec.id(), "prompt", without(valid(spec), "prompt", null)));
            }
            if (spec.requiresImageUrls()) {
                out.add(Arguments.of(spec.id(), "image_urls", without(valid(spec), "image_urls", null)));
            }
            for (ParamSpec p : spec.params().values()) {
                String field = "model_params." + p.name();
                if (p.required()) {
                    out.add(Arguments.of(spec.id(), field, without(valid(spec), null, p.name())));
                }
                if (p.type().kind().equals("enum")) {
                    out.add(Arguments.of(spec.id(), field, withParam(valid(spec), p.name(), "bogus")));
                }
                if (p.min() != null) {
                    double step = p.type().kind().equals("integer") ? 1 : 0.01;
                    out.add(Arguments.of(spec.id(), field, withParam(valid(spec), p.name(), number(p, p.min() - step))));
                    out.add(Arguments.of(spec.id(), field, withParam(valid(spec), p.name(), number(p, p.max() + step))));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenRequests")
    void everyRuleOfEveryModelIsCheckedBeforeSending(String model, String field, Map<String, Object> body) {
        int before = SIM.simulator().journal().entries().size();
        Exchange out = template.request("evolink:" + model, e -> e.getMessage().setBody(body));
        assertThat(out.getException()).as(model + " " + field).isInstanceOf(EvolinkValidationException.class);
        EvolinkValidationException e = (EvolinkValidationException) out.getException();
        assertThat(e.getModel()).isEqualTo(model);
        assertThat(e.getField()).isEqualTo(field);
        assertThat(SIM.simulator().journal().entries()).as("nothing sent").hasSize(before);
    }

    static Stream<String> models() {
        return CATALOG.all().stream().map(ModelSpec::id);
    }

    /** The valid request really is valid: the catalog accepts it (the other tests break one rule of it). */
    @ParameterizedTest
    @MethodSource("models")
    void theBaselineRequestOfEveryModelPassesValidation(String model) {
        ModelSpec spec = CATALOG.find(model).orElseThrow();
        Map<String, Object> body = valid(spec);
        CreateTaskRequest.Builder b = CreateTaskRequest.builder(model);
        if (body.get("prompt") != null) {
            b.prompt((String) body.get("prompt"));
        }
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) body.getOrDefault("image_urls", List.of());
        b.imageUrls(urls);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) body.get("model_params");
        params.forEach(b::modelParam);
        new org.camelevolink.component.catalog.RequestValidator(CATALOG, false).validate(b.build());
    }

    private static Object number(ParamSpec p, double v) {
        return p.type().kind().equals("integer") ? (Object) (long) v : (Object) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> without(Map<String, Object> body, String field, String param) {
        Map<String, Object> copy = new HashMap<>(body);
        if (field != null) {
            copy.remove(field);
        } else {
            Map<String, Object> params = new HashMap<>((Map<String, Object>) copy.get("model_params"));
            params.remove(param);
            copy.put("model_params", params);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withParam(Map<String, Object> body, String param, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> params = new HashMap<>((Map<String, Object>) copy.get("model_params"));
        params.put(param, value);
        copy.put("model_params", params);
        return copy;
    }
}
