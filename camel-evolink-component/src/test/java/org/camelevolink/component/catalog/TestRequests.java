package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Requests built from a model's spec, and the assertion every rejection test uses. */
final class TestRequests {

    static final ModelCatalog CATALOG = ModelCatalog.load();
    static final RequestValidator VALIDATOR = new RequestValidator(CATALOG);
    static final String TASK_ID = "task-unified-1757165031-mjv7";
    static final String IMAGE = "https://example.com/photo.png";
    static final String PROMPT = "a red teapot on a wooden table";

    private TestRequests() {
    }

    static ModelSpec spec(String model) {
        return CATALOG.find(model).orElseThrow(() -> new AssertionError("no model " + model));
    }

    /** Only what the model requires. */
    static CreateTaskRequest minimal(ModelSpec spec, String taskId) {
        CreateTaskRequest.Builder b = CreateTaskRequest.builder(spec.id());
        if (spec.requiresPrompt()) {
            b.prompt(PROMPT);
        }
        if (spec.requiresImageUrls()) {
            b.imageUrl(IMAGE);
        }
        spec.params().values().stream().filter(ParamSpec::required)
                .forEach(p -> b.modelParam(p.name(), validValue(p, taskId)));
        return b.build();
    }

    static CreateTaskRequest minimal(String model) {
        return minimal(spec(model), TASK_ID);
    }

    /** {@link #minimal} changed by {@code change}. */
    static CreateTaskRequest minimal(String model, Consumer<CreateTaskRequest.Builder> change) {
        CreateTaskRequest.Builder b = minimal(model).toBuilder();
        change.accept(b);
        return b.build();
    }

    /**
     * Every field the model takes, at non-default values and at the top of each range (for a source of any
     * speed): a second reading must accept all of it.
     */
    static CreateTaskRequest rich(ModelSpec spec, String taskId) {
        CreateTaskRequest.Builder b = CreateTaskRequest.builder(spec.id())
                .callbackUrl("https://hooks.example.com/evolink/task-done");
        if (spec.acceptsPrompt()) {
            b.prompt(spec.isGeneration() ? "a cinematic shot of a teapot on a balcony --ar 16:9 --s 500" : PROMPT);
        }
        if (spec.acceptsImageUrls()) {
            b.imageUrl("https://example.com/photos/input." + spec.imageFormats().get(spec.imageFormats().size() - 1)
                    + "?v=2");
        }
        for (ParamSpec p : spec.params().values()) {
            b.modelParam(p.name(), richValue(p, taskId));
        }
        if (spec.acceptsQuality()) {
            b.quality("hd");
        }
        return b.build();
    }

    static Object validValue(ParamSpec p, String taskId) {
        return switch (p.type()) {
            case TASK_ID -> taskId;
            case MASK -> areas();
            case CANVAS -> Map.of("width", 1024, "height", 1024);
            case IMG_POS -> Map.of("width", 512, "height", 512, "x", 256, "y", 256);
            case ENUM -> p.defaultValue() != null ? p.defaultValue() : p.values().get(0);
            case INTEGER -> p.defaultValue() != null ? p.defaultValue() : p.min().intValue();
            case NUMBER -> p.defaultValue() != null ? p.defaultValue() : p.min();
        };
    }

    private static Object richValue(ParamSpec p, String taskId) {
        return switch (p.type()) {
            case ENUM -> p.name().equals("speed") ? p.values().stream().filter(v -> !v.equals("draft"))
                    .reduce((a, c) -> c).orElseThrow() : p.values().get(p.values().size() - 1);
            case INTEGER -> p.maxUnlessDraftSource() != null ? p.maxUnlessDraftSource() : p.max().intValue();
            case NUMBER -> p.max();
            default -> validValue(p, taskId);
        };
    }

    /** The polygon of the upload-paint example in the docs. */
    static Map<String, Object> areas() {
        return Map.of("areas", List.of(Map.of("width", 100, "height", 100,
                "points", List.of(10, 10, 10, 100, 100, 100, 100, 10))));
    }

    /** Asserts the request is refused naming model, field and a rule; returns the exception for more checks. */
    static EvolinkValidationException rejected(CreateTaskRequest request, String field) {
        return rejected(VALIDATOR, request, field);
    }

    static EvolinkValidationException rejected(RequestValidator validator, CreateTaskRequest request, String field) {
        EvolinkValidationException e = catchThrowableOfType(EvolinkValidationException.class,
                () -> validator.validate(request));
        assertThat(e).as("%s should be refused on %s", request, field).isNotNull();
        assertThat(e.getModel()).isEqualTo(request.getModel());
        assertThat(e.getField()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.getRule()).isNotBlank();
        assertThat(e.getMessage()).contains(request.getModel(), field, e.getRule());
        return e;
    }
}
