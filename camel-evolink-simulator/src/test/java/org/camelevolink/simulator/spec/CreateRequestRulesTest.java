package org.camelevolink.simulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.camelevolink.simulator.model.ModelCatalog;
import org.camelevolink.simulator.model.ModelSpec;
import org.camelevolink.simulator.model.ParamSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** §2 of the reference, for all 26 models: required fields, enums, ranges, types, lengths, image URLs, extras. */
class CreateRequestRulesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private static final ModelCatalog CATALOG = ModelCatalog.load();

    private SimHttp http;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        fixtures = new Fixtures(SIM.simulator());
    }

    static Stream<String> models() {
        return CATALOG.all().stream().map(ModelSpec::id);
    }

    @Test
    void catalogHasTheTwentySixMidjourneyModels() {
        assertThat(CATALOG.all()).hasSize(26);
        assertThat(CATALOG.all().stream().filter(m -> m.family().id().equals("v7"))).hasSize(12);
        assertThat(CATALOG.all().stream().filter(m -> m.family().id().equals("v8.1"))).hasSize(7);
        assertThat(CATALOG.all().stream().filter(m -> m.family().id().equals("v8.2"))).hasSize(7);
    }

    @ParameterizedTest
    @MethodSource("models")
    void minimalValidRequestIsAcceptedWithTheDocumentedShape(String model) {
        SimHttp.Answer a = http.create(fixtures.minimalRequest(CATALOG.find(model)));
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        JsonNode t = a.json();
        assertThat(t.get("id").asText()).matches("task-unified-\\d+-[a-z0-9]{8}");
        assertThat(t.get("model").asText()).isEqualTo(model);
        assertThat(t.get("object").asText()).isEqualTo("image.generation.task");
        assertThat(t.get("status").asText()).isEqualTo("pending");
        assertThat(t.get("progress").asInt()).isZero();
        assertThat(t.get("type").asText()).isEqualTo("image");
        assertThat(t.at("/task_info/can_cancel").asBoolean()).isTrue();
        assertThat(t.at("/task_info/estimated_time").asDouble()).isPositive();
        assertThat(t.at("/usage/billing_rule").asText()).isEqualTo("per_call");
        assertThat(t.at("/usage/credits_reserved").asDouble()).isPositive();
    }

    static Stream<Arguments> requiredFields() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            if (m.prompt() == ModelSpec.Presence.REQUIRED) {
                out.add(Arguments.of(m.id(), "prompt"));
            }
            if (m.imageUrls() == ModelSpec.Presence.REQUIRED) {
                out.add(Arguments.of(m.id(), "image_urls"));
            }
            if (m.paramsRequired()) {
                out.add(Arguments.of(m.id(), "model_params"));
            }
            m.params().values().stream().filter(ParamSpec::required)
                    .forEach(p -> out.add(Arguments.of(m.id(), "model_params." + p.name())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void missingRequiredFieldIsNamed(String model, String field) {
        Map<String, Object> body = fixtures.minimalRequest(CATALOG.find(model));
        body = field.startsWith("model_params.") ? Fixtures.withParam(body, field.substring(13), null)
                : Fixtures.with(body, field, null);
        assertInvalid(http.create(body), field);
    }

    static Stream<Arguments> enumParams() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            m.params().values().stream().filter(p -> p.type().equals("string"))
                    .forEach(p -> out.add(Arguments.of(m.id(), p.name(), p.enumValues())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enumParams")
    void everyEnumValueIsAcceptedAndOthersAreNot(String model, String param, List<String> values) {
        Map<String, Object> base = fixtures.minimalRequest(CATALOG.find(model));
        if (CATALOG.find(model).prompt() == ModelSpec.Presence.OPTIONAL) {
            base.put("prompt", "with a prompt so speed counts");
        }
        for (String v : values) {
            SimHttp.Answer ok = http.create(Fixtures.withParam(base, param, v));
            assertThat(ok.status()).as(param + "=" + v + ": " + new String(ok.bytes())).isEqualTo(200);
        }
        assertInvalid(http.create(Fixtures.withParam(base, param, "bogus")), "model_params." + param);
        assertInvalid(http.create(Fixtures.withParam(base, param, 1)), "model_params." + param);
    }

    static Stream<Arguments> rangedParams() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            m.params().values().stream().filter(p -> p.min() != null && p.max() != null)
                    .forEach(p -> out.add(Arguments.of(m.id(), p.name(), p.type(), p.min(), p.max())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {3}..{4}")
    @MethodSource("rangedParams")
    void rangeBoundariesHold(String model, String param, String type, double min, double max) {
        Map<String, Object> base = fixtures.minimalRequest(CATALOG.find(model));
        if (param.equals("image_number") && max > 3) {
            // 0-23 needs a draft source with 24 images
            base = Fixtures.withParam(base, "task_id", fixtures.completedSource("mj-v8.2", "draft"));
        }
        boolean integer = type.equals("integer");
        double step = integer ? 1 : 0.01;
        for (double ok : new double[] {min, max}) {
            SimHttp.Answer a = http.create(Fixtures.withParam(base, param, integer ? (Object) (long) ok : ok));
            assertThat(a.status()).as(param + "=" + ok + ": " + new String(a.bytes())).isEqualTo(200);
        }
        for (double bad : new double[] {min - step, max + step}) {
            assertInvalid(http.create(Fixtures.withParam(base, param, integer ? (Object) (long) bad : bad)),
                    "model_params." + param);
        }
        assertInvalid(http.create(Fixtures.withParam(base, param, String.valueOf((long) min))), "model_params." + param);
        if (integer) {
            assertInvalid(http.create(Fixtures.withParam(base, param, min + 0.5)), "model_params." + param);
        }
    }

    static Stream<String> modelsWithPrompt() {
        return CATALOG.all().stream().filter(m -> m.prompt() == ModelSpec.Presence.REQUIRED
                || m.prompt() == ModelSpec.Presence.OPTIONAL).map(ModelSpec::id);
    }

    @ParameterizedTest
    @MethodSource("modelsWithPrompt")
    void promptMaxLengthIsExact(String model) {
        ModelSpec spec = CATALOG.find(model);
        Map<String, Object> base = fixtures.minimalRequest(spec);
        assertThat(http.create(Fixtures.with(base, "prompt", "a".repeat(spec.promptMaxLength()))).status())
                .isEqualTo(200);
        assertInvalid(http.create(Fixtures.with(base, "prompt", "a".repeat(spec.promptMaxLength() + 1))), "prompt");
        assertInvalid(http.create(Fixtures.with(base, "prompt", 42)), "prompt");
        assertInvalid(http.create(Fixtures.with(base, "prompt", "   ")), "prompt");
    }

    static Stream<String> modelsWithoutPrompt() {
        return CATALOG.all().stream().filter(m -> m.prompt() == ModelSpec.Presence.FORBIDDEN).map(ModelSpec::id);
    }

    @ParameterizedTest
    @MethodSource("modelsWithoutPrompt")
    void promptIsRefusedWhereTheModelTakesNone(String model) {
        assertInvalid(http.create(Fixtures.with(fixtures.minimalRequest(CATALOG.find(model)), "prompt", "x")),
                "prompt");
    }

    static Stream<String> imageInputModels() {
        return CATALOG.all().stream().filter(m -> m.imageUrls() == ModelSpec.Presence.REQUIRED).map(ModelSpec::id);
    }

    @ParameterizedTest
    @MethodSource("imageInputModels")
    void imageUrlsCountFormatAndScheme(String model) {
        ModelSpec spec = CATALOG.find(model);
        Map<String, Object> base = fixtures.minimalRequest(spec);
        String url = ((List<?>) base.get("image_urls")).get(0).toString();
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of(url, url))), "image_urls");
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of("https://example.com/a.bmp"))),
                "image_urls");
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of("https://example.com/a.heic"))),
                "image_urls");
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of("ftp://example.com/a.png"))),
                "image_urls");
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of())), "image_urls");
        assertInvalid(http.create(Fixtures.with(base, "image_urls", "https://example.com/a.png")), "image_urls");
        for (String format : spec.imageFormats()) {
            SimHttp.Answer a = http.create(Fixtures.with(base, "image_urls",
                    List.of("https://example.com/picture." + format.toUpperCase() + "?v=1")));
            assertThat(a.status()).as(format).isEqualTo(200);
        }
    }

    @Test
    void v82RemoveBgTakesOnlyPngAndJpeg() {
        Map<String, Object> base = fixtures.minimalRequest(CATALOG.find("mj-v8.2-remove-bg"));
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of("https://example.com/a.webp"))),
                "image_urls");
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of("https://example.com/a.gif"))),
                "image_urls");
    }

    @Test
    void v82ImageUrlsAreAtMost1024Characters() {
        Map<String, Object> base = fixtures.minimalRequest(CATALOG.find("mj-v8.2-retexture"));
        String prefix = "https://example.com/";
        String ok = prefix + "a".repeat(1024 - prefix.length() - 4) + ".png";
        assertThat(http.create(Fixtures.with(base, "image_urls", List.of(ok))).status()).isEqualTo(200);
        assertInvalid(http.create(Fixtures.with(base, "image_urls", List.of(prefix + "a" + ok.substring(prefix.length())))),
                "image_urls");
    }

    @Test
    void imageUrlsOnMjV7AreRefusedImagePromptsGoInThePrompt() {
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat", "image_urls",
                List.of("https://example.com/a.png"))), "image_urls");
    }

    @Test
    void unknownFieldsAndParamsAreNamed() {
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat", "size", "1024x1024")), "size");
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat", "model_params", Map.of("seed", 1))),
                "model_params.seed");
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat", "model_params", List.of())),
                "model_params");
    }

    @Test
    void qualityOnlyOnV8GenerationAndNotWithDraft() {
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat", "quality", "hd")), "quality");
        assertInvalid(http.create(Map.of("model", "mj-v8.1", "prompt", "a cat", "quality", "ultra")), "quality");
        assertInvalid(http.create(Map.of("model", "mj-v8.2", "prompt", "a cat", "quality", "hd", "model_params",
                Map.of("speed", "draft"))), "quality");
        SimHttp.Answer hd = http.create(Map.of("model", "mj-v8.1", "prompt", "a cat", "quality", "hd"));
        SimHttp.Answer standard = http.create(Map.of("model", "mj-v8.1", "prompt", "a cat"));
        assertThat(hd.json().at("/usage/credits_reserved").asDouble())
                .isCloseTo(standard.json().at("/usage/credits_reserved").asDouble() * 1.5, within(1e-9));
    }

    @Test
    void modelIsRequiredAndMustExist() {
        assertInvalid(http.create(Map.of("prompt", "a cat")), "model");
        assertInvalid(http.create(Map.of("model", 7, "prompt", "a cat")), "model");
        SimHttp.Answer unknown = http.create(Map.of("model", "mj-v9", "prompt", "a cat"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.param()).isEqualTo("model");
        assertThat(unknown.code()).isEqualTo("model_not_found");
        assertThat(unknown.json().at("/error/type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void speedIsIgnoredWithoutPromptWhereItOnlyWorksWithOne() {
        String source = fixtures.completedSource("mj-v7", null);
        SimHttp.Answer withoutPrompt = http.create(Map.of("model", "mj-v7-pan", "model_params",
                Map.of("task_id", source, "speed", "turbo")));
        SimHttp.Answer withPrompt = http.create(Map.of("model", "mj-v7-pan", "prompt", "more sea", "model_params",
                Map.of("task_id", source, "speed", "turbo")));
        assertThat(withPrompt.json().at("/usage/credits_reserved").asDouble())
                .isCloseTo(withoutPrompt.json().at("/usage/credits_reserved").asDouble() * 2, within(1e-9));
    }

    static void assertInvalid(SimHttp.Answer a, String param) {
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(400);
        assertThat(a.param()).isEqualTo(param);
        assertThat(a.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(a.json().at("/error/message").asText()).isNotBlank();
        assertThat(a.code()).isIn("invalid_parameters", "invalid_request", "invalid_task_id");
    }
}
