package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.minimal;
import static org.camelevolink.component.catalog.TestRequests.rejected;

/** Every range and every enum of every model, at and just beyond its edges, and the wrong JSON types. */
class ParamBoundaryTest {

    static Stream<Arguments> ranges() {
        return params(ParamType.INTEGER, ParamType.NUMBER);
    }

    static Stream<Arguments> enums() {
        return params(ParamType.ENUM);
    }

    static Stream<Arguments> taskIds() {
        return params(ParamType.TASK_ID);
    }

    private static Stream<Arguments> params(ParamType... types) {
        List<ParamType> wanted = List.of(types);
        return CATALOG.all().stream().flatMap(m -> m.params().values().stream().filter(p -> wanted.contains(p.type()))
                .map(p -> Arguments.of(m.id(), p.name())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ranges")
    void rangeEdgesPassAndBeyondFails(String model, String name) {
        ParamSpec p = TestRequests.spec(model).param(name);
        boolean integer = p.type() == ParamType.INTEGER;
        Object min = integer ? (Object) p.min().intValue() : p.min();
        Object max = integer ? (Object) p.max().intValue() : p.max();
        Object below = integer ? (Object) (p.min().intValue() - 1) : p.min() - 0.01;
        Object above = integer ? (Object) (p.max().intValue() + 1) : p.max() + 0.01;
        passes(model, name, min);
        passes(model, name, max);
        String rule = rejected(with(model, name, below), "model_params." + name).getRule();
        assertThat(rule).contains(ParamRules.bounds(p));
        rejected(with(model, name, above), "model_params." + name);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ranges")
    void rangesTakeOnlyJsonNumbers(String model, String name) {
        ParamSpec p = TestRequests.spec(model).param(name);
        String value = p.defaultValue().toString();
        rejected(with(model, name, value), "model_params." + name);
        rejected(with(model, name, true), "model_params." + name);
        if (p.type() == ParamType.INTEGER) {
            rejected(with(model, name, 1.0), "model_params." + name);
            passes(model, name, 1L);
            passes(model, name, BigInteger.ONE);
            passes(model, name, (short) 1);
        } else {
            passes(model, name, 2);
            passes(model, name, new BigDecimal("1.75"));
            passes(model, name, 1.5f);
            rejected(with(model, name, Double.NaN), "model_params." + name);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enums")
    void everyEnumValuePassesAndNothingElse(String model, String name) {
        ParamSpec p = TestRequests.spec(model).param(name);
        p.values().forEach(v -> passes(model, name, v));
        String rule = rejected(with(model, name, "slow"), "model_params." + name).getRule();
        assertThat(rule).contains(p.values().toString(), "\"slow\"");
        rejected(with(model, name, p.values().get(0).toUpperCase()), "model_params." + name);
        rejected(with(model, name, 1), "model_params." + name);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("taskIds")
    void taskIdsHaveEvolinksFormat(String model, String name) {
        passes(model, name, "task-unified-1756817821-4x3rx6ny");
        rejected(with(model, name, "1756817821-4x3rx6ny"), "model_params.task_id");
        rejected(with(model, name, "task-unified-"), "model_params.task_id");
        rejected(with(model, name, "task-unified-1 2"), "model_params.task_id");
        rejected(with(model, name, 42), "model_params.task_id");
    }

    /** The speeds of evolink-api.md, per model, named here once more against the enum test above. */
    @ParameterizedTest(name = "{0} speed {1}")
    @CsvSource(textBlock = """
        mj-v7, turbo
        mj-v7-variation, draft
        mj-v7-remix, draft
        mj-v7-upload-paint, draft
        mj-v8.1, turbo
        mj-v8.1-remix, turbo
        mj-v8.1-edit, turbo
        mj-v8.1-upload-paint, turbo
        mj-v8.1-retexture, turbo
        mj-v8.2, turbo
        mj-v8.2-edit, draft
        mj-v8.2-remix, turbo
        """)
    void speedsOutsideTheModelsEnumFail(String model, String speed) {
        if (speed.equals("turbo") && model.equals("mj-v7")) {
            passes(model, "speed", speed);
            rejected(with(model, "speed", "relax"), "model_params.speed");
            return;
        }
        rejected(with(model, "speed", speed), "model_params.speed");
    }

    @Test
    void modelsWithoutSpeedRefuseIt() {
        for (String m : List.of("mj-v7-upscale", "mj-v7-enhance", "mj-v7-remove-bg", "mj-v8.1-variation",
                "mj-v8.2-variation", "mj-v8.1-remove-bg", "mj-v8.2-remove-bg")) {
            String rule = rejected(with(m, "speed", "fast"), "model_params.speed").getRule();
            assertThat(rule).contains("is not a parameter of " + m);
        }
    }

    @Test
    void unknownParamsAreRefusedNamingWhatTheModelTakes() {
        String rule = rejected(with("mj-v7-pan", "zoom", 2), "model_params.zoom").getRule();
        assertThat(rule).contains("task_id", "image_number", "direction", "scale", "speed");
        rejected(with("mj-v7-remix", "type", "strong"), "model_params.type"); // remix strength is 'mode'
        rejected(with("mj-v7-variation", "mode", "strong"), "model_params.mode"); // variation strength is 'type'
        assertThat(rejected(with("mj-v7-remove-bg", "image_number", 0), "model_params.image_number").getRule())
                .contains("takes no model_params");
    }

    @Test
    void requiredParamsAreRequired() {
        for (ModelSpec m : CATALOG.all()) {
            for (ParamSpec p : m.params().values()) {
                if (p.required()) {
                    CreateTaskRequest without = minimal(m.id(), b -> b.modelParam(p.name(), null));
                    assertThat(rejected(without, "model_params." + p.name()).getRule()).isEqualTo("is required");
                }
            }
        }
    }

    private static CreateTaskRequest with(String model, String name, Object value) {
        return minimal(model, b -> b.modelParam(name, value));
    }

    private static void passes(String model, String name, Object value) {
        CreateTaskRequest request = with(model, name, value);
        assertThatCode(() -> VALIDATOR.validate(request)).as(model + " " + name + "=" + value)
                .doesNotThrowAnyException();
    }

}
