package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.camelevolink.simulator.model.ModelSpec;
import org.camelevolink.simulator.model.ParamSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camelevolink.simulator.rules.RuleAssertions.assertAccepted;
import static org.camelevolink.simulator.rules.RuleAssertions.assertError;
import static org.camelevolink.simulator.rules.RuleAssertions.assertInvalid;
import static org.camelevolink.simulator.rules.RulesFixtures.CATALOG;
import static org.camelevolink.simulator.rules.RulesFixtures.NODES;
import static org.camelevolink.simulator.rules.RulesFixtures.json;
import static org.camelevolink.simulator.rules.RulesFixtures.object;
import static org.camelevolink.simulator.rules.RulesFixtures.set;
import static org.camelevolink.simulator.rules.RulesFixtures.spec;

/**
 * The static rules of {@code POST /v1/images/generations} for every one of the 26 models (§1, §2 of
 * evolink-api.md): the create shape, required fields, enums, numeric ranges, JSON types, prompt length, image_urls,
 * unknown fields and quality. Over real HTTP against a started simulator.
 */
class CreateRequestRulesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private RulesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new RulesFixtures(SIM.simulator());
    }

    static Stream<String> models() {
        return CATALOG.all().stream().map(ModelSpec::id);
    }

    static Stream<String> modelsWithImageUrls() {
        return CATALOG.all().stream().filter(m -> m.imageUrls() == ModelSpec.Presence.REQUIRED).map(ModelSpec::id);
    }

    // ---- the catalogue and the create answer --------------------------------------------------------------

    @Test
    void catalogHoldsExactlyTheTwentySixDocumentedModels() {
        assertThat(models()).containsExactlyInAnyOrder("mj-v7", "mj-v7-upscale", "mj-v7-variation", "mj-v7-remix",
                "mj-v7-inpaint", "mj-v7-outpaint", "mj-v7-pan", "mj-v7-edit", "mj-v7-upload-paint",
                "mj-v7-retexture", "mj-v7-enhance", "mj-v7-remove-bg", "mj-v8.1", "mj-v8.1-variation",
                "mj-v8.1-remix", "mj-v8.1-edit", "mj-v8.1-upload-paint", "mj-v8.1-retexture", "mj-v8.1-remove-bg",
                "mj-v8.2", "mj-v8.2-variation", "mj-v8.2-remix", "mj-v8.2-edit", "mj-v8.2-upload-paint",
                "mj-v8.2-retexture", "mj-v8.2-remove-bg");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void minimalValidRequestIsAcceptedWithTheDocumentedCreateShape(String model) {
        JsonNode created = assertAccepted(fx.create(fx.minimal(spec(model))), model);
        assertThat(fx.http().get("/v1/tasks/" + created.get("id").asText()).status()).isEqualTo(200);
    }

    // ---- required and forbidden fields --------------------------------------------------------------------

    static Stream<Arguments> requiredFields() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            out.add(Arguments.of(m.id(), "model"));
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
    void everyMissingRequiredFieldIsNamed(String model, String field) {
        ObjectNode body = set(fx.minimal(spec(model)), field, (Object) null);
        assertInvalid(fx.create(body), field);
        // JSON null counts as missing too
        assertInvalid(fx.create(set(fx.minimal(spec(model)), field, NODES.nullNode())), field);
    }

    static Stream<Arguments> forbiddenFields() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            if (m.prompt() == ModelSpec.Presence.FORBIDDEN) {
                out.add(Arguments.of(m.id(), "prompt", "\"make it nicer\""));
            }
            if (m.imageUrls() == ModelSpec.Presence.NONE) {
                out.add(Arguments.of(m.id(), "image_urls", "[\"https://cdn.example.com/a.png\"]"));
            }
        }
        return out.stream();
    }

    /** upscale/enhance/remove-bg take no prompt (§2.1), only upload-paint/retexture/remove-bg take image_urls. */
    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("forbiddenFields")
    void aFieldTheModelDoesNotTakeIsRejected(String model, String field, String value) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), field, json(value))), field);
    }

    /** §11.1/§11.2: DOC-GEN gives defaults, so these are optional although the REPO calls them required. */
    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({"mj-v7-inpaint, prompt", "mj-v7-upscale, model_params.type", "mj-v7-remix, model_params.mode",
            "mj-v7-remix, model_params.speed", "mj-v7-pan, model_params.direction", "mj-v7-pan, model_params.scale",
            "mj-v7-outpaint, model_params.scale", "mj-v7-variation, model_params.image_number",
            "mj-v7-edit, model_params.mask", "mj-v7-retexture, model_params"})
    void optionalFieldsWithDocumentedDefaultsMayBeLeftOut(String model, String field) {
        assertAccepted(fx.create(set(fx.minimal(spec(model)), field, (Object) null)), model);
    }

    // ---- enums ----------------------------------------------------------------------------------------------

    static Stream<Arguments> enumParams() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            m.params().values().stream().filter(p -> p.type().equals("string"))
                    .forEach(p -> out.add(Arguments.of(m.id(), p.name(), p.enumValues())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} in {2}")
    @MethodSource("enumParams")
    void everyEnumValueIsAcceptedAndAnythingElseIsNamed(String model, String param, List<String> values) {
        ObjectNode base = fx.minimal(spec(model));
        if (spec(model).prompt() == ModelSpec.Presence.OPTIONAL) {
            base.put("prompt", "a prompt, so that speed takes effect");
        }
        for (String v : values) {
            assertAccepted(fx.create(set(base, "model_params." + param, v)), model);
        }
        String field = "model_params." + param;
        for (String bad : List.of("\"bogus\"", "\"\"", "\"" + values.get(0).toUpperCase() + "\"",
                "\" " + values.get(0) + "\"", "1", "true", "[\"" + values.get(0) + "\"]", "{}")) {
            assertInvalid(fx.create(set(base, field, json(bad))), field);
        }
    }

    /** The speed enums differ per model (§2.1, §2.3, §2.4): a value of another model is rejected. */
    @ParameterizedTest(name = "{0} speed {1}")
    @CsvSource({"mj-v7, relax", "mj-v7-variation, draft", "mj-v7-remix, draft", "mj-v7-pan, draft",
            "mj-v8.1, turbo", "mj-v8.2, turbo", "mj-v8.1-remix, turbo", "mj-v8.1-edit, turbo",
            "mj-v8.2-remix, draft", "mj-v8.2-upload-paint, turbo", "mj-v8.1-retexture, turbo",
            "mj-v8.2-retexture, draft"})
    void aSpeedOutsideTheModelsEnumIsRejected(String model, String speed) {
        ObjectNode body = set(fx.minimal(spec(model)), "model_params.speed", speed);
        assertInvalid(fx.create(body), "model_params.speed");
    }

    /** §2.1: on variation/inpaint/outpaint/pan the speed is "only effective when a prompt is provided". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v7-variation", "mj-v7-inpaint", "mj-v7-outpaint", "mj-v7-pan"})
    void speedCountsOnlyWhenAPromptIsGiven(String model) {
        ObjectNode base = fx.minimal(spec(model));
        double fast = reserved(fx.create(base));
        double turboWithoutPrompt = reserved(fx.create(set(base, "model_params.speed", "turbo")));
        ObjectNode withPrompt = set(base, "prompt", "a stormy sky");
        double turboWithPrompt = reserved(fx.create(set(withPrompt, "model_params.speed", "turbo")));
        assertThat(turboWithoutPrompt).isEqualTo(fast);
        assertThat(turboWithPrompt).isGreaterThan(fast);
    }

    // ---- numeric ranges -------------------------------------------------------------------------------------

    static Stream<Arguments> numericBoundaries() {
        List<Arguments> out = new ArrayList<>();
        for (ModelSpec m : CATALOG.all()) {
            for (ParamSpec p : m.params().values()) {
                if (p.min() == null || p.max() == null) {
                    continue;
                }
                boolean integer = p.type().equals("integer");
                BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
                BigDecimal min = BigDecimal.valueOf(p.min());
                BigDecimal max = BigDecimal.valueOf(p.max());
                out.add(Arguments.of(m.id(), p.name(), literal(min, integer), true));
                out.add(Arguments.of(m.id(), p.name(), literal(max, integer), true));
                out.add(Arguments.of(m.id(), p.name(), literal(min.subtract(step), integer), false));
                out.add(Arguments.of(m.id(), p.name(), literal(max.add(step), integer), false));
            }
        }
        return out.stream();
    }

    private static String literal(BigDecimal v, boolean integer) {
        return integer ? v.toBigInteger().toString() : v.stripTrailingZeros().toPlainString();
    }

    @ParameterizedTest(name = "{0} {1}={2} accepted={3}")
    @MethodSource("numericBoundaries")
    void numericRangeBoundaries(String model, String param, String value, boolean valid) {
        ModelSpec spec = spec(model);
        // image_number 0..23 on V8.2 needs a draft source, whose 24 sketches it may pick (§2.4)
        ObjectNode base = spec.family().id().equals("v8.2") ? fx.minimal(spec, "draft") : fx.minimal(spec);
        SimHttp.Answer a = fx.create(set(base, "model_params." + param, json(value)));
        if (valid) {
            assertAccepted(a, model);
        } else {
            assertInvalid(a, "model_params." + param);
        }
    }

    @Test
    void documentedRangesAreTheOnesEnforced() {
        assertThat(spec("mj-v7-outpaint").params().get("scale")).extracting(ParamSpec::min, ParamSpec::max)
                .containsExactly(1.1, 2.0);
        assertThat(spec("mj-v7-pan").params().get("scale")).extracting(ParamSpec::min, ParamSpec::max)
                .containsExactly(1.1, 3.0);
        CATALOG.all().stream().filter(m -> m.params().containsKey("image_number")).forEach(m ->
                assertThat(m.params().get("image_number").max()).as(m.id())
                        .isEqualTo(m.family().id().equals("v8.2") ? 23.0 : 3.0));
    }

    /** The documented examples: pan {"direction":"right","scale":2} and outpaint scale 1.5. */
    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource({"mj-v7-pan, scale, 2", "mj-v7-pan, scale, 2.0", "mj-v7-pan, scale, 1.5", "mj-v7-outpaint, scale, 1.5",
            "mj-v7-outpaint, scale, 2", "mj-v7-upscale, image_number, 1", "mj-v7-variation, image_number, 2"})
    void documentedExampleValuesAreAccepted(String model, String param, String value) {
        assertAccepted(fx.create(set(fx.minimal(spec(model)), "model_params." + param, json(value))), model);
    }

    // ---- JSON types -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "mj-v7-upscale    | model_params.image_number | \"1\"        | model_params.image_number",
        "mj-v7-upscale    | model_params.image_number | 1.5          | model_params.image_number",
        "mj-v7-upscale    | model_params.image_number | true         | model_params.image_number",
        "mj-v7-upscale    | model_params.image_number | [1]          | model_params.image_number",
        "mj-v7-upscale    | model_params.image_number | 1e999        | model_params.image_number",
        "mj-v7-upscale    | model_params.image_number | 99999999999999999999 | model_params.image_number",
        "mj-v7-outpaint   | model_params.scale        | \"1.5\"      | model_params.scale",
        "mj-v7-pan        | model_params.scale        | {}           | model_params.scale",
        "mj-v7-pan        | model_params.direction    | 1            | model_params.direction",
        "mj-v7            | model_params.speed        | 1            | model_params.speed",
        "mj-v7            | prompt                    | 42           | prompt",
        "mj-v7            | prompt                    | [\"a cat\"]  | prompt",
        "mj-v7            | prompt                    | {}           | prompt",
        "mj-v7            | prompt                    | \"   \"      | prompt",
        "mj-v7            | prompt                    | \"\"         | prompt",
        "mj-v7            | model                     | 7            | model",
        "mj-v7            | model                     | \"\"         | model",
        "mj-v7            | model                     | [\"mj-v7\"]  | model",
        "mj-v7            | model_params              | \"fast\"     | model_params",
        "mj-v7            | model_params              | []           | model_params",
        "mj-v7            | callback_url              | 5            | callback_url",
        "mj-v7            | callback_url              | {}           | callback_url",
        "mj-v8.1          | quality                   | 1            | quality",
        "mj-v7-retexture  | image_urls                | \"https://cdn.example.com/a.png\" | image_urls",
        "mj-v7-retexture  | image_urls                | [42]         | image_urls",
        "mj-v7-retexture  | image_urls                | [null]       | image_urls",
        "mj-v7-retexture  | image_urls                | []           | image_urls",
        "mj-v7-retexture  | image_urls                | {}           | image_urls",
        "mj-v7-edit       | model_params.canvas       | \"1024x1024\" | model_params.canvas",
        "mj-v7-edit       | model_params.canvas.width | \"256\"      | model_params.canvas.width",
        "mj-v7-edit       | model_params.canvas.height | 256.5       | model_params.canvas.height",
        "mj-v7-edit       | model_params.img_pos.x    | 1.5          | model_params.img_pos.x",
        "mj-v7-edit       | model_params.img_pos      | [128,128,0,0] | model_params.img_pos",
        "mj-v7-inpaint    | model_params.mask         | \"mask.png\" | model_params.mask",
    })
    void wrongJsonTypesAreRejectedNamingTheField(String model, String path, String value, String param) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), path, json(value))), param);
    }

    /** A task id that is not a string in the documented format is invalid_task_id (§1, §4). */
    @ParameterizedTest(name = "task_id={0}")
    @ValueSource(strings = {"42", "\"\"", "\"abc\"", "\"task-123\"", "\"TASK-UNIFIED-1-abc\"", "[\"task-unified-1\"]"})
    void malformedTaskIdIsInvalidTaskId(String value) {
        SimHttp.Answer a = fx.create(set(fx.minimal(spec("mj-v7-upscale")), "model_params.task_id", json(value)));
        assertError(a, 400, "invalid_task_id", "invalid_request_error", "model_params.task_id");
        assertThat(a.json().at("/error/message").asText()).contains("task-unified-");
    }

    /** Canvas and img_pos members are required integers (§2.2 mj-v7-edit). */
    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({"mj-v7-edit, model_params.canvas.width", "mj-v7-edit, model_params.canvas.height",
            "mj-v7-edit, model_params.img_pos.width", "mj-v7-edit, model_params.img_pos.height",
            "mj-v7-edit, model_params.img_pos.x", "mj-v7-edit, model_params.img_pos.y",
            "mj-v8.2-upload-paint, model_params.img_pos.y", "mj-v8.1-edit, model_params.canvas.width"})
    void canvasAndImagePositionMembersAreRequired(String model, String member) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), member, (Object) null)), member);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"model_params.canvas.width, 0", "model_params.canvas.height, -5", "model_params.img_pos.width, 0",
            "model_params.canvas.width, 4294967297", "model_params.img_pos.x, 4294967296",
            "model_params.img_pos.height, -4294967295", "model_params.canvas.depth, 3", "model_params.img_pos.z, 1"})
    void canvasAndImagePositionValuesOutsideTheirDomainAreRejected(String member, long value) {
        assertInvalid(fx.create(set(fx.minimal(spec("mj-v7-edit")), member, value)), member);
    }

    @Test
    void imagePositionMayBeNegativeOrLargerThanTheCanvas() {
        // outpaint and crop by position: the image may hang over any canvas edge (§2.4 mj-v8.2-edit)
        ObjectNode body = fx.minimal(spec("mj-v8.2-edit"));
        body = set(body, "model_params.img_pos", object("width", 512, "height", 512, "x", -64, "y", -64));
        assertAccepted(fx.create(body), "mj-v8.2-edit");
    }

    // ---- prompt length --------------------------------------------------------------------------------------

    static Stream<Arguments> promptLimits() {
        return CATALOG.all().stream().filter(m -> m.prompt() == ModelSpec.Presence.REQUIRED
                || m.prompt() == ModelSpec.Presence.OPTIONAL).map(m -> Arguments.of(m.id(), m.promptMaxLength()));
    }

    @ParameterizedTest(name = "{0} max {1}")
    @MethodSource("promptLimits")
    void promptOfExactlyTheMaximumLengthIsAcceptedOneMoreIsNot(String model, int max) {
        ObjectNode base = fx.minimal(spec(model));
        assertAccepted(fx.create(set(base, "prompt", "a".repeat(max))), model);
        SimHttp.Answer tooLong = fx.create(set(base, "prompt", "a".repeat(max + 1)));
        assertInvalid(tooLong, "prompt");
        assertThat(tooLong.json().at("/error/message").asText()).contains(Integer.toString(max));
    }

    @Test
    void documentedPromptMaximaAreTheOnesEnforced() {
        assertThat(spec("mj-v7").promptMaxLength()).isEqualTo(8192);
        assertThat(spec("mj-v8.1").promptMaxLength()).isEqualTo(1024);
        assertThat(spec("mj-v8.2").promptMaxLength()).isEqualTo(2048);
        assertThat(spec("mj-v8.2-edit").promptMaxLength()).isEqualTo(8100);
        assertThat(spec("mj-v8.1-remix").promptMaxLength()).isEqualTo(1024);
    }

    /** maxLength is a JSON Schema length: characters (code points), so a 2-unit emoji counts once. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v8.1", "mj-v8.2"})
    void promptLengthCountsCharactersNotUtf16Units(String model) {
        int max = spec(model).promptMaxLength();
        String emoji = "\uD83D\uDE80"; // one character, two UTF-16 units
        assertAccepted(fx.create(object("model", model, "prompt", emoji.repeat(max))), model);
        assertInvalid(fx.create(object("model", model, "prompt", emoji.repeat(max + 1))), "prompt");
    }

    // ---- image_urls -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelsWithImageUrls")
    void imageUrlsTakeAtMostOneImage(String model) {
        ObjectNode body = set(fx.minimal(spec(model)), "image_urls",
                RulesFixtures.strings(List.of(fx.image("png"), fx.image("jpg"))));
        assertInvalid(fx.create(body), "image_urls");
    }

    static Stream<Arguments> imageFormats() {
        List<Arguments> out = new ArrayList<>();
        for (String model : modelsWithImageUrls().toList()) {
            boolean v82RemoveBg = model.equals("mj-v8.2-remove-bg");
            for (String ext : List.of("png", "jpg", "jpeg", "PNG", "JPG")) {
                out.add(Arguments.of(model, ext, true));
            }
            out.add(Arguments.of(model, "gif", !v82RemoveBg));
            out.add(Arguments.of(model, "webp", !v82RemoveBg));
            for (String ext : List.of("bmp", "heic", "heif", "avif", "tiff", "tif", "svg", "pdf", "png.exe")) {
                out.add(Arguments.of(model, ext, false));
            }
        }
        return out.stream();
    }

    /** §2.1/§2.4/§5: .png .gif .webp .jpg .jpeg (V8.2 remove-bg only .png .jpg .jpeg); HEIC/AVIF/TIFF are not. */
    @ParameterizedTest(name = "{0} .{1} accepted={2}")
    @MethodSource("imageFormats")
    void imageUrlFormats(String model, String ext, boolean valid) {
        String url = valid ? fx.image(ext) : "https://cdn.example.com/input." + ext;
        SimHttp.Answer a = fx.create(set(fx.minimal(spec(model)), "image_urls",
                RulesFixtures.strings(List.of(url))));
        if (valid) {
            assertAccepted(a, model);
        } else {
            assertInvalid(a, "image_urls");
        }
    }

    @Test
    void formatIsTheExtensionOfThePathNotOfTheQuery() {
        ObjectNode base = fx.minimal(spec("mj-v7-remove-bg"));
        assertAccepted(fx.create(set(base, "image_urls",
                RulesFixtures.strings(List.of(fx.image("png") + "?v=2&name=x.bmp")))), "mj-v7-remove-bg");
        assertInvalid(fx.create(set(base, "image_urls",
                RulesFixtures.strings(List.of("https://cdn.example.com/photo?format=.png")))), "image_urls");
        assertInvalid(fx.create(set(base, "image_urls",
                RulesFixtures.strings(List.of("https://cdn.example.com/photo.bmp?x=.png")))), "image_urls");
    }

    static Stream<Arguments> nonHttpUrls() {
        List<String> urls = List.of("ftp://cdn.example.com/a.png", "file:///tmp/a.png",
                "data:image/png;base64,iVBORw0KGgo=", "a.png", "/files/a.png", "//cdn.example.com/a.png",
                "https:///a.png", "https://", "javascript:alert(1)//a.png", "gs://bucket/a.png", "");
        return modelsWithImageUrls().flatMap(m -> urls.stream().map(u -> Arguments.of(m, u)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonHttpUrls")
    void imageUrlsMustBeHttpUrls(String model, String url) {
        ObjectNode body = set(fx.minimal(spec(model)), "image_urls", RulesFixtures.strings(List.of(url)));
        assertInvalid(fx.create(body), "image_urls");
    }

    /** §2.4: V8.2 upload-paint and retexture image URLs are "at most 1024 characters". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v8.2-upload-paint", "mj-v8.2-retexture"})
    void v82ImageUrlOfAtMost1024Characters(String model) {
        ObjectNode base = fx.minimal(spec(model));
        String url = fx.image("png") + "?pad=";
        String exactly1024 = url + "x".repeat(1024 - url.length());
        assertThat(exactly1024).hasSize(1024);
        assertAccepted(fx.create(set(base, "image_urls", RulesFixtures.strings(List.of(exactly1024)))), model);
        assertInvalid(fx.create(set(base, "image_urls", RulesFixtures.strings(List.of(exactly1024 + "x")))),
                "image_urls");
    }

    @Test
    void v7AndV81ImageUrlsAreNotHeldToTheV82Limit() {
        String url = fx.image("png") + "?pad=";
        String long1500 = url + "x".repeat(1500 - url.length());
        for (String model : List.of("mj-v7-retexture", "mj-v8.1-retexture")) {
            assertAccepted(fx.create(set(fx.minimal(spec(model)), "image_urls",
                    RulesFixtures.strings(List.of(long1500)))), model);
        }
    }

    // ---- unknown fields -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void unknownTopLevelFieldIsNamed(String model) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), "negative_prompt", "blurry")), "negative_prompt");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n", "size", "image_url", "seed", "Prompt", "task_id", "speed", "response_format"})
    void unknownTopLevelFieldsOfOtherApisAreNamed(String field) {
        assertInvalid(fx.create(set(fx.minimal(spec("mj-v7")), field, "x")), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void unknownModelParamIsNamed(String model) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), "model_params.foo", 1)), "model_params.foo");
    }

    /** §2.0 field-name pitfall: variation strength is type, remix strength is mode, upscale mode is type. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"mj-v7-remix, type, strong", "mj-v7-variation, mode, strong", "mj-v7-upscale, mode, creative",
            "mj-v7-upscale, speed, fast", "mj-v7-enhance, speed, fast", "mj-v7, image_number, 0",
            "mj-v7, task_id, task-unified-1-abc", "mj-v8.1-variation, speed, fast", "mj-v7-remove-bg, speed, fast",
            "mj-v7-pan, mask, x", "mj-v8.2, quality, hd"})
    void parametersOfOtherModelsAreUnknownHere(String model, String param, String value) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), "model_params." + param, value)),
                "model_params." + param);
    }

    // ---- quality (V8.x generation only) ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} quality={1}")
    @CsvSource({"mj-v8.1, standard", "mj-v8.1, hd", "mj-v8.2, standard", "mj-v8.2, hd"})
    void v8GenerationTakesQuality(String model, String quality) {
        assertAccepted(fx.create(set(fx.minimal(spec(model)), "quality", quality)), model);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v7", "mj-v7-upscale", "mj-v7-remix", "mj-v7-remove-bg", "mj-v8.1-variation",
            "mj-v8.1-remix", "mj-v8.2-edit", "mj-v8.2-retexture", "mj-v8.2-remove-bg"})
    void qualityIsOnlyForV8Generation(String model) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), "quality", "standard")), "quality");
    }

    @ParameterizedTest(name = "quality={0}")
    @ValueSource(strings = {"\"HD\"", "\"ultra\"", "\"\"", "\"2k\"", "true", "1.5"})
    void qualityOutsideItsEnumIsRejected(String value) {
        assertInvalid(fx.create(set(fx.minimal(spec("mj-v8.2")), "quality", json(value))), "quality");
    }

    /** §2.3: "hd … Mutually exclusive with speed: draft". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v8.1", "mj-v8.2"})
    void hdAndDraftAreMutuallyExclusive(String model) {
        ObjectNode hd = set(fx.minimal(spec(model)), "quality", "hd");
        assertInvalid(fx.create(set(hd, "model_params.speed", "draft")), "quality");
        double hdFast = reserved(fx.create(set(hd, "model_params.speed", "fast")));
        double standardFast = reserved(fx.create(fx.minimal(spec(model))));
        assertThat(hdFast).isEqualTo(standardFast * 1.5, within(0.0001));
        assertAccepted(fx.create(set(set(fx.minimal(spec(model)), "quality", "standard"), "model_params.speed",
                "draft")), model);
    }

    private static double reserved(SimHttp.Answer a) {
        assertAccepted(a);
        return a.json().at("/usage/credits_reserved").asDouble();
    }
}
