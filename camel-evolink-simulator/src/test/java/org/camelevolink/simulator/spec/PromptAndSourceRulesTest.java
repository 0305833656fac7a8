package org.camelevolink.simulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.spec.CreateRequestRulesTest.assertInvalid;

/** The prompt rules (§2.2 guide, image-to-image rule, flags), mask forms, and the source-task rules of follow-ups. */
class PromptAndSourceRulesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64).apiKey("sk-simulator")
                    .apiKey("sk-other-key-0000"));

    private SimHttp http;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        fixtures = new Fixtures(SIM.simulator());
    }

    private SimHttp.Answer generate(String prompt) {
        return http.create(Map.of("model", "mj-v7", "prompt", prompt));
    }

    @Test
    void imageToImageRule() {
        String img = "https://example.com/a.png";
        assertInvalid(generate(img), "prompt");
        assertThat(generate(img + " a cat in the style of this").status()).isEqualTo(200);
        assertThat(generate(img + " " + img.replace("a.png", "b.jpg")).status()).isEqualTo(200);
        assertThat(generate(img + " " + img.replace("a.png", "b.webp") + " two cats").status()).isEqualTo(200);
    }

    @Test
    void atMostTwentyImagePromptsOfImageFormats() {
        String twenty = String.join(" ", Collections.nCopies(20, "https://example.com/a.png"));
        assertThat(generate(twenty + " cats").status()).isEqualTo(200);
        assertInvalid(generate(twenty + " https://example.com/b.png cats"), "prompt");
        assertInvalid(generate("https://example.com/a.bmp https://example.com/b.png cats"), "prompt");
    }

    @Test
    void speedFlagsInThePromptAreRemovedSilently() {
        SimHttp.Answer a = generate("a red kite --turbo --ar 16:9 --draft --fast");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/usage/credits_reserved").asDouble()).isEqualTo(5.4); // fast, not turbo or draft
    }

    @ParameterizedTest
    @ValueSource(strings = {"a cat --v 6", "a cat --version 6.1", "a cat --niji 6", "a cat --niji"})
    void versionFlagsAreNotAllowedInV7(String prompt) {
        assertInvalid(generate(prompt), "prompt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a cat --hd", "a cat --q 2", "a cat --quality 2"})
    void qualityFlagsAreNotAllowedInV8Prompts(String prompt) {
        assertInvalid(http.create(Map.of("model", "mj-v8.1", "prompt", prompt)), "prompt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--c 101", "--chaos -1", "--s 1001", "--w 3001", "--q 3", "--seed -1",
        "--seed 4294967296", "--ar 0:1", "--ar 16x9", "--exp 101", "--sv 7 --sref https://x.com/s.png",
        "--sw 1001 --sref https://x.com/s.png", "--ow 0 --oref https://x.com/o.png", "--c ten"})
    void promptParameterRanges(String flags) {
        assertInvalid(generate("a cat " + flags), "prompt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--c 100", "--s 0", "--w 3000", "--q 4", "--seed 4294967295", "--ar 21:9", "--exp 100",
        "--raw", "--tile", "--no trees,cars", "--sref https://x.com/s.png --sv 6 --sw 1000",
        "--oref https://x.com/o.png --ow 400"})
    void promptParametersWithinRange(String flags) {
        assertThat(generate("a cat " + flags).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a cat --sv 4", "a cat --sw 100", "a cat --ow 100", "a cat --iw 2",
        "a cat --stop 50", "a cat --cref https://x.com/c.png", "a cat --relax", "a cat --repeat 2", "a cat --p",
        "a cat :: a dog", "a {red, blue} cat"})
    void promptDependenciesAndUnsupportedSyntax(String prompt) {
        assertInvalid(generate(prompt), "prompt");
    }

    @Test
    void orefOnlyInFastModeAndImageOnlyPromptsTakeNoStylize() {
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat --oref https://x.com/o.png",
                "model_params", Map.of("speed", "turbo"))), "prompt");
        assertInvalid(generate("https://x.com/a.png https://x.com/b.png --s 200"), "prompt");
        assertInvalid(http.create(Map.of("model", "mj-v7", "prompt", "a cat --tile", "model_params",
                Map.of("speed", "draft"))), "prompt");
    }

    @Test
    void v82UnsupportedFlagFailsTheTaskAndRefunds() {
        double before = SIM.simulator().credits("sk-simulator").remaining();
        SimHttp.Answer a = http.create(Map.of("model", "mj-v8.2", "prompt", "a cat --oref https://x.com/o.png"));
        assertThat(a.status()).isEqualTo(200);
        JsonNode done = http.awaitTerminal(a.json().get("id").asText());
        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.at("/error/code").asText()).isEqualTo("invalid_parameters");
        assertThat(done.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(SIM.simulator().credits("sk-simulator").remaining()).isEqualTo(before);
    }

    @Test
    void maskForms() {
        String source = fixtures.completedSource("mj-v7", null);
        Map<String, Object> base = Map.of("model", "mj-v7-inpaint", "model_params", Map.of("task_id", source));
        assertThat(http.create(Fixtures.withParam(base, "mask", Fixtures.areaMask())).status()).isEqualTo(200);
        assertThat(http.create(Fixtures.withParam(base, "mask", Map.of("url", fixtures.uploadedPng(32, 32))))
                .status()).isEqualTo(200);
        assertInvalid(http.create(Fixtures.withParam(base, "mask", Map.of())), "model_params.mask");
        assertInvalid(http.create(Fixtures.withParam(base, "mask", Map.of("url", "https://x.com/m.png", "areas",
                List.of()))), "model_params.mask");
        assertInvalid(http.create(Fixtures.withParam(base, "mask", area(List.of(1, 2, 3, 4, 5)))),
                "model_params.mask.areas[0].points");
        assertInvalid(http.create(Fixtures.withParam(base, "mask", area(List.of(1, 2, 3, 4)))),
                "model_params.mask.areas[0].points");
        assertInvalid(http.create(Fixtures.withParam(base, "mask", area(List.of(1, 2, 3, 4, 5, 201)))),
                "model_params.mask.areas[0].points");
        assertInvalid(http.create(Fixtures.withParam(base, "mask", Map.of("url", "data:image/png;base64,AAAA"))),
                "model_params.mask.url");
        String v82 = fixtures.completedSource("mj-v8.2", null);
        assertThat(http.create(Map.of("model", "mj-v8.2-edit", "prompt", "fill", "model_params", Map.of("task_id",
                v82, "canvas", Map.of("width", 64, "height", 64), "img_pos", Map.of("width", 64, "height", 64, "x", 0,
                        "y", 0), "mask", Map.of("url", "data:image/png;base64,AAAA")))).status()).isEqualTo(200);
    }

    @Test
    void canvasAndImagePositionMembers() {
        String source = fixtures.completedSource("mj-v7", null);
        Map<String, Object> base = Map.of("model", "mj-v7-edit", "prompt", "fill", "model_params", Map.of(
                "task_id", source, "canvas", Map.of("width", 256, "height", 256), "img_pos",
                Map.of("width", 128, "height", 128, "x", 0, "y", 0)));
        assertThat(http.create(base).status()).isEqualTo(200);
        assertInvalid(http.create(Fixtures.withParam(base, "canvas", Map.of("width", 256))),
                "model_params.canvas.height");
        assertInvalid(http.create(Fixtures.withParam(base, "canvas", Map.of("width", 0, "height", 10))),
                "model_params.canvas.width");
        assertInvalid(http.create(Fixtures.withParam(base, "img_pos", Map.of("width", 1, "height", 1, "x", "0",
                "y", 0))), "model_params.img_pos.x");
        assertInvalid(http.create(Fixtures.withParam(base, "canvas", Map.of("width", 10, "height", 10, "depth", 3))),
                "model_params.canvas.depth");
    }

    private static Map<String, Object> area(List<Integer> points) {
        return Map.of("areas", List.of(Map.of("width", 200, "height", 200, "points", points)));
    }

    // ---- source tasks -------------------------------------------------------------------------------------------

    private SimHttp.Answer followUp(String model, String taskId) {
        return http.create(Map.of("model", model, "model_params", Map.of("task_id", taskId)));
    }

    @Test
    void unknownSourceIs404AndMalformedIs400() {
        SimHttp.Answer unknown = followUp("mj-v7-upscale", "task-unified-1-unknown1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("task_not_found");
        assertThat(unknown.param()).isEqualTo("model_params.task_id");
        SimHttp.Answer malformed = followUp("mj-v7-upscale", "12345");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("invalid_task_id");
    }

    @Test
    void anotherKeysSourceIs403() {
        String source = fixtures.completedSource("mj-v7", null);
        SimHttp.Answer a = http.withKey("sk-other-key-0000").create(Map.of("model", "mj-v7-upscale", "model_params",
                Map.of("task_id", source)));
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.param()).isEqualTo("model_params.task_id");
    }

    @Test
    void sourceMustBeCompletedAndOfTheSameFamily() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        String running = http.create(Map.of("model", "mj-v7", "prompt", "never ends")).json().get("id").asText();
        assertInvalid(followUp("mj-v7-upscale", running), "model_params.task_id");
        String v81 = fixtures.completedSource("mj-v8.1", null);
        assertInvalid(followUp("mj-v7-variation", v81), "model_params.task_id");
        String failed = http.create(Map.of("model", "mj-v7", "prompt", "will fail")).json().get("id").asText();
        SIM.simulator().failTask(failed, "service_error");
        assertInvalid(followUp("mj-v7-upscale", failed), "model_params.task_id");
    }

    @Test
    void upscaleOfAnUpscaleIs403() {
        String source = fixtures.completedSource("mj-v7", null);
        String upscaled = followUp("mj-v7-upscale", source).json().get("id").asText();
        SIM.simulator().completeTask(upscaled);
        SimHttp.Answer again = followUp("mj-v7-upscale", upscaled);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.param()).isEqualTo("model_params.task_id");
        assertThat(followUp("mj-v7-variation", upscaled).status()).isEqualTo(200);
    }

    @Test
    void enhanceOnlyFromADraftGeneration() {
        assertInvalid(followUp("mj-v7-enhance", fixtures.completedSource("mj-v7", null)), "model_params.task_id");
        assertInvalid(followUp("mj-v7-enhance", fixtures.completedSource("mj-v7", "turbo")), "model_params.task_id");
        assertThat(followUp("mj-v7-enhance", fixtures.completedSource("mj-v7", "draft")).status()).isEqualTo(200);
    }

    @Test
    void retexturedTasksOnlyTakeUpscale() {
        SimHttp.Answer retexture = http.create(Map.of("model", "mj-v7-retexture", "prompt", "wood",
                "image_urls", List.of(fixtures.uploadedPng(32, 32))));
        String id = retexture.json().get("id").asText();
        http.awaitTerminal(id);
        assertThat(followUp("mj-v7-upscale", id).status()).isEqualTo(200);
        assertInvalid(followUp("mj-v7-variation", id), "model_params.task_id");
    }

    @Test
    void imageNumberMustExistInAModeratedSource() {
        SIM.simulator().faults().script(null, Fault.moderated(2), 1);
        String id = http.create(Map.of("model", "mj-v7", "prompt", "moderated")).json().get("id").asText();
        assertThat(http.awaitTerminal(id).get("results")).hasSize(2);
        assertInvalid(http.create(Map.of("model", "mj-v7-upscale", "model_params", Map.of("task_id", id,
                "image_number", 2))), "model_params.image_number");
        assertThat(http.create(Map.of("model", "mj-v7-upscale", "model_params", Map.of("task_id", id,
                "image_number", 1))).status()).isEqualTo(200);
    }

    @Test
    void v82ImageNumberAbove3NeedsADraftSource() {
        String fast = fixtures.completedSource("mj-v8.2", null);
        assertInvalid(http.create(Map.of("model", "mj-v8.2-variation", "model_params", Map.of("task_id", fast,
                "image_number", 4))), "model_params.image_number");
        String draft = fixtures.completedSource("mj-v8.2", "draft");
        assertThat(http.create(Map.of("model", "mj-v8.2-variation", "model_params", Map.of("task_id", draft,
                "image_number", 23))).status()).isEqualTo(200);
    }
}
