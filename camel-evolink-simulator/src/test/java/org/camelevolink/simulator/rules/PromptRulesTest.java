package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camelevolink.simulator.rules.RuleAssertions.assertAccepted;
import static org.camelevolink.simulator.rules.RuleAssertions.assertInvalid;
import static org.camelevolink.simulator.rules.RulesFixtures.object;
import static org.camelevolink.simulator.rules.RulesFixtures.set;

/**
 * Prompt rules (§2.2 mj-v7, §2.3, §2.4 of evolink-api.md): image prompts and the image-to-image rule, flag ranges,
 * dependencies and conflicts, unsupported syntax, flags stripped or forbidden per family, and V8.2's flags that
 * fail the task after an accepted create. In the templates {@code IMG}/{@code IMG2} stand for real image URLs.
 */
class PromptRulesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private static final String REF = "https://cdn.example.com/ref.png";

    private RulesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new RulesFixtures(SIM.simulator());
    }

    private SimHttp.Answer generate(String model, String prompt) {
        return fx.create(object("model", model, "prompt", expand(prompt)));
    }

    private SimHttp.Answer generate(String model, String prompt, String speed) {
        return fx.create(set(object("model", model, "prompt", expand(prompt)), "model_params.speed", speed));
    }

    private String expand(String template) {
        return template.replace("IMG2", fx.image("jpg")).replace("IMG", fx.image("png"));
    }

    // ---- image-to-image -------------------------------------------------------------------------------------

    /** §2.2, verbatim: 1 image + no text invalid; 1 image + text, 2+ images, 2+ images + text valid. */
    @ParameterizedTest(name = "{0}: \"{1}\" accepted={2}")
    @CsvSource(delimiter = '|', value = {
        "mj-v7   | IMG                     | false",
        "mj-v7   | IMG --ar 16:9           | false",
        "mj-v7   | IMG a cat in the rain   | true",
        "mj-v7   | IMG IMG2                | true",
        "mj-v7   | IMG IMG2 a cat          | true",
        "mj-v7   | IMG IMG2 IMG IMG2       | true",
        "mj-v8.1 | IMG                     | false",
        "mj-v8.1 | IMG a cat               | true",
        "mj-v8.1 | IMG IMG2                | true",
        "mj-v8.2 | IMG                     | false",
        "mj-v8.2 | IMG IMG2 a cat          | true",
    })
    void imageToImageRule(String model, String prompt, boolean valid) {
        SimHttp.Answer a = generate(model, prompt);
        if (valid) {
            assertAccepted(a, model);
        } else {
            assertInvalid(a, "prompt");
        }
    }

    /** §2.2: at most 20 image prompts. */
    @Test
    void atMostTwentyImagePrompts() {
        String twenty = String.join(" ", Collections.nCopies(20, "IMG"));
        assertAccepted(generate("mj-v7", twenty + " a mosaic"), "mj-v7");
        assertInvalid(generate("mj-v7", twenty + " IMG2 a mosaic"), "prompt");
    }

    /** §2.2: image prompts are .png .gif .webp .jpg .jpeg. */
    @ParameterizedTest(name = ".{0}")
    @ValueSource(strings = {"bmp", "heic", "tiff", "avif", "svg", "mp4"})
    void imagePromptOfAnUnsupportedFormatIsRejected(String ext) {
        assertInvalid(generate("mj-v7", "https://cdn.example.com/in." + ext + " a cat"), "prompt");
        assertInvalid(generate("mj-v7", "IMG https://cdn.example.com/in." + ext + " a cat"), "prompt");
    }

    @ParameterizedTest(name = ".{0}")
    @ValueSource(strings = {"png", "gif", "webp", "jpg", "jpeg"})
    void imagePromptOfASupportedFormatIsAccepted(String ext) {
        assertAccepted(fx.create(object("model", "mj-v7", "prompt", fx.image(ext) + " a cat")), "mj-v7");
    }

    // ---- flags removed or forbidden by the system ----------------------------------------------------------

    /** §2.2: --fast/--turbo/--draft "will be automatically removed"; the price stays that of model_params.speed. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"mj-v7, --fast", "mj-v7, --turbo", "mj-v7, --draft", "mj-v7, --TURBO", "mj-v8.1, --turbo",
            "mj-v8.1, --draft", "mj-v8.2, --fast", "mj-v8.2, --draft"})
    void speedFlagsInThePromptAreSilentlyStripped(String model, String flag) {
        double plain = reserved(generate(model, "a cat"));
        SimHttp.Answer a = generate(model, "a cat " + flag + " --ar 16:9");
        assertAccepted(a, model);
        assertThat(a.json().at("/usage/credits_reserved").asDouble()).isEqualTo(plain, within(0.0001));
        JsonNode done = fx.http().awaitTerminal(a.json().get("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("results")).hasSize(4); // not the 24 sketches of a V8 draft
    }

    /** §2.2: "--v/--version locked to V7, --niji not supported". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--v 7", "--v 6.1", "--version 7", "--niji", "--niji 6", "--V 7", "--NIJI 6"})
    void versionAndNijiFlagsAreRejectedOnV7(String flag) {
        assertInvalid(generate("mj-v7", "a cat " + flag), "prompt");
        assertInvalid(fx.create(set(fx.minimal(RulesFixtures.spec("mj-v7-remix")), "prompt", "a cat " + flag)),
                "prompt");
    }

    /** §2.3 (REPO): on V8.1 "--hd/--q not in prompt": quality is the top-level field. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"mj-v8.1, --hd", "mj-v8.1, --q 2", "mj-v8.1, --quality 2", "mj-v8.2, --hd", "mj-v8.2, --q 4"})
    void hdAndQualityFlagsAreRejectedOnV8(String model, String flag) {
        assertInvalid(generate(model, "a cat " + flag), "prompt");
    }

    // ---- ranges ---------------------------------------------------------------------------------------------

    /** The V7 prompt guide's table (§2.2): every range at and beyond its edges. */
    @ParameterizedTest(name = "\"{0}\" accepted={1}")
    @CsvSource(delimiter = '|', value = {
        "a cat --c 0                         | true",
        "a cat --c 100                       | true",
        "a cat --chaos 100                   | true",
        "a cat --c 101                       | false",
        "a cat --c -1                        | false",
        "a cat --chaos 101                   | false",
        "a cat --c 5.5                       | false",
        "a cat --c many                      | false",
        "a cat --s 0                         | true",
        "a cat --s 1000                      | true",
        "a cat --stylize 1000                | true",
        "a cat --s 1001                      | false",
        "a cat --stylize 1001                | false",
        "a cat --w 0                         | true",
        "a cat --w 3000                      | true",
        "a cat --w 3001                      | false",
        "a cat --weird 3001                  | false",
        "a cat --exp 100                     | true",
        "a cat --exp 101                     | false",
        "a cat --seed 0                      | true",
        "a cat --seed 4294967295             | true",
        "a cat --seed 4294967296             | false",
        "a cat --seed -1                     | false",
        "a cat --q 1                         | true",
        "a cat --q 2                         | true",
        "a cat --q 4                         | true",
        "a cat --quality 4                   | true",
        "a cat --q 3                         | false",
        "a cat --q 0.5                       | false",
        "a cat --ar 16:9                     | true",
        "a cat --ar 1:1                      | true",
        "a cat --aspect 9:16                 | true",
        "a cat --ar 0:1                      | false",
        "a cat --ar 16:0                     | false",
        "a cat --ar 16x9                     | false",
        "a cat --ar 1.5:1                    | false",
        "a cat --ar -16:9                    | false",
        "a cat --ar                          | false",
        "a cat --sref " + REF + " --sw 0     | true",
        "a cat --sref " + REF + " --sw 1000  | true",
        "a cat --sref " + REF + " --sw 1001  | false",
        "a cat --sref " + REF + " --sv 1     | true",
        "a cat --sref " + REF + " --sv 6     | true",
        "a cat --sref " + REF + " --sv 0     | false",
        "a cat --sref " + REF + " --sv 7     | false",
        "a cat --oref " + REF + " --ow 1     | true",
        "a cat --oref " + REF + " --ow 1000  | true",
        "a cat --oref " + REF + " --ow 0     | false",
        "a cat --oref " + REF + " --ow 1001  | false",
        "IMG a cat --iw 0                    | true",
        "IMG a cat --iw 3                    | true",
        "IMG a cat --iw 2.5                  | true",
        "IMG a cat --iw 3.1                  | false",
        "IMG a cat --iw -0.1                 | false",
        "IMG a cat --iw NaN                  | false",
        "IMG a cat --iw Infinity             | false",
        "IMG a cat --iw two                  | false",
        "a cat --raw --tile --no cars,trees  | true",
    })
    void promptParameterRanges(String prompt, boolean valid) {
        SimHttp.Answer a = generate("mj-v7", prompt);
        if (valid) {
            assertAccepted(a, "mj-v7");
        } else {
            assertInvalid(a, "prompt");
        }
    }

    // ---- dependencies and conflicts ------------------------------------------------------------------------

    /** §2.2 dependencies and conflicts, each against the same prompt without the offending part. */
    @ParameterizedTest(name = "\"{0}\" speed={1}")
    @CsvSource(delimiter = '|', value = {
        "a cat --sv 4                               | fast  | --sv needs --sref",
        "a cat --sw 100                             | fast  | --sw needs --sref",
        "a cat --ow 100                             | fast  | --ow needs --oref",
        "a cat --iw 2                               | fast  | --iw needs an image prompt",
        "a cat --oref " + REF + "                   | turbo | --oref only in fast",
        "a cat --oref " + REF + "                   | draft | --oref only in fast",
        "a cat --oref " + REF + " --q 4             | fast  | --oref not with --q 4",
        "IMG IMG2 --sref " + REF + "                | fast  | --sref needs text",
        "IMG IMG2 --oref " + REF + "                | fast  | --oref needs text",
        "IMG IMG2 --s 200                           | fast  | image-only prompt with --s",
        "IMG IMG2 --w 200                           | fast  | image-only prompt with --w",
        "a cat --tile                               | draft | --tile conflicts with draft",
    })
    void dependenciesAndConflicts(String prompt, String speed, String rule) {
        assertInvalid(generate("mj-v7", prompt, speed), "prompt");
    }

    @ParameterizedTest(name = "\"{0}\" speed={1}")
    @CsvSource(delimiter = '|', value = {
        "a cat --sref " + REF + " --sv 4 --sw 100   | fast",
        "a cat --oref " + REF + " --ow 100          | fast",
        "a cat --oref " + REF + " --q 2             | fast",
        "IMG a cat --iw 2                           | fast",
        "IMG IMG2 a cat --sref " + REF + "          | fast",
        "IMG IMG2 a cat --s 200 --w 200             | fast",
        "a cat --tile                               | fast",
        "a cat --tile                               | turbo",
        "a cat --seed 42                            | turbo",
    })
    void theSameFlagsWithTheirDependenciesMetAreAccepted(String prompt, String speed) {
        assertAccepted(generate("mj-v7", prompt, speed), "mj-v7");
    }

    /** §2.2: --oref is "not usable for inpaint/pan/outpaint"; other follow-ups with a prompt take it. */
    @ParameterizedTest(name = "{0} accepted={1}")
    @CsvSource({"mj-v7-inpaint, false", "mj-v7-pan, false", "mj-v7-outpaint, false", "mj-v7-remix, true",
            "mj-v7-variation, true", "mj-v7-edit, true"})
    void objectReferenceIsNotForInpaintPanOrOutpaint(String model, boolean valid) {
        ObjectNode body = set(fx.minimal(RulesFixtures.spec(model)), "prompt", "a cat --oref " + REF);
        SimHttp.Answer a = fx.create(body);
        if (valid) {
            assertAccepted(a, model);
        } else {
            assertInvalid(a, "prompt");
        }
    }

    /** §9: --oref doubles the cost. */
    @Test
    void objectReferenceDoublesThePrice() {
        double plain = reserved(generate("mj-v7", "a cat"));
        double oref = reserved(generate("mj-v7", "a cat --oref " + REF));
        assertThat(oref).isEqualTo(plain * 2, within(0.0001));
    }

    // ---- unsupported syntax ---------------------------------------------------------------------------------

    /** §2.2: --stop, --cref/--cw, --relax, --repeat/--r, --p, {} permutations, --stealth/--public, :: multi-prompts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a cat --stop 50", "a cat --cref " + REF, "a cat --cw 50", "a cat --relax",
            "a cat --repeat 2", "a cat --r 2", "a cat --p", "a cat --stealth", "a cat --public",
            "a {red, blue} cat", "a cat::2 a dog", "space::2 ship"})
    void unsupportedSyntaxIsRejectedOnV7(String prompt) {
        assertInvalid(generate("mj-v7", prompt), "prompt");
    }

    /** :: is allowed only inside the --sref weight syntax (§2.2). */
    @Test
    void doubleColonInsideTheStyleReferenceWeightIsAllowed() {
        assertAccepted(generate("mj-v7", "a cat --sref " + REF + "::2"), "mj-v7");
    }

    // ---- V8.2: unsupported flags pass the create and fail the task -----------------------------------------

    /**
     * §2.4: on mj-v8.2 "--oref, --cref, --stop are passed through and explicitly rejected by the upstream: the task
     * fails with a parameter error (invalid_parameters)" and the reserved credits are refunded (§9).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--oref " + REF, "--cref " + REF, "--stop 50"})
    void v82UnsupportedFlagIsAcceptedThenFailsTheTaskWithARefund(String flag) {
        double before = fx.remainingCredits(fx.http());
        SimHttp.Answer a = generate("mj-v8.2", "a red car " + flag);
        JsonNode created = assertAccepted(a, "mj-v8.2");
        double reserved = created.at("/usage/credits_reserved").asDouble();
        assertThat(reserved).isPositive();
        // the submit was charged (the task may already have failed and been refunded by now: it runs in ms)
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).filteredOn(e -> e.status() == 200)
                .singleElement().satisfies(e -> assertThat(e.charged()).isEqualTo(reserved, within(0.0001)));

        JsonNode done = fx.http().awaitTerminal(created.get("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("failed");
        assertThat(done.at("/error/code").asText()).isEqualTo("invalid_parameters");
        assertThat(done.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(done.path("results").isMissingNode() || done.path("results").isEmpty()).isTrue();
        assertThat(fx.remainingCredits(fx.http())).isEqualTo(before, within(0.0001));
        assertThat(SIM.simulator().credits(SimulatorConfig.DEFAULT_API_KEY).used()).isZero();
    }

    @Test
    void v82WithoutUnsupportedFlagsCompletesAndKeepsItsCharge() {
        double before = fx.remainingCredits(fx.http());
        JsonNode created = assertAccepted(generate("mj-v8.2", "a red car --ar 1:1"), "mj-v8.2");
        JsonNode done = fx.http().awaitTerminal(created.get("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(fx.remainingCredits(fx.http()))
                .isEqualTo(before - created.at("/usage/credits_reserved").asDouble(), within(0.0001));
    }

    /** Follow-up prompts (remix, edit) are read with the same flag rules, without image prompts. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "mj-v7-remix    | a cat --c 101",
        "mj-v7-remix    | a cat --v 7",
        "mj-v7-edit     | a cat --stop 20",
        "mj-v7-variation | a cat --s 1001",
        "mj-v8.1-remix  | a cat --hd",
    })
    void followUpPromptsFollowTheSameFlagRules(String model, String prompt) {
        ObjectNode body = set(fx.minimal(RulesFixtures.spec(model)), "prompt", prompt);
        assertInvalid(fx.create(body), "prompt");
    }

    private static double reserved(SimHttp.Answer a) {
        assertAccepted(a);
        return a.json().at("/usage/credits_reserved").asDouble();
    }
}
