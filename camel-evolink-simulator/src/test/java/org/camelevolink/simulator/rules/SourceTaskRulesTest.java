package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.camelevolink.simulator.model.ModelSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.rules.RuleAssertions.assertAccepted;
import static org.camelevolink.simulator.rules.RuleAssertions.assertError;
import static org.camelevolink.simulator.rules.RuleAssertions.assertInvalid;
import static org.camelevolink.simulator.rules.RulesFixtures.CATALOG;
import static org.camelevolink.simulator.rules.RulesFixtures.object;
import static org.camelevolink.simulator.rules.RulesFixtures.set;
import static org.camelevolink.simulator.rules.RulesFixtures.spec;

/**
 * Rules on {@code model_params.task_id} (§2.2, §4, §6, §13 of evolink-api.md): the source must exist, belong to the
 * caller, be completed and of the same family; an upscale is never upscaled again (403), enhance needs a draft,
 * retextured tasks only take upscale, and image_number must name an image the source really returned.
 */
class SourceTaskRulesTest {

    private static final String OTHER_KEY = "sk-other-key-1234";
    private static final String TASK_ID = "model_params.task_id";

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(SimulatorConfig.builder()
            .timeScale(0.0005).imageBaseSize(64).apiKey(SimulatorConfig.DEFAULT_API_KEY).apiKey(OTHER_KEY));

    private RulesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new RulesFixtures(SIM.simulator());
    }

    static Stream<String> followUpModels() {
        return CATALOG.all().stream().filter(ModelSpec::needsSourceTask).map(ModelSpec::id);
    }

    @Test
    void fourteenModelsWorkOnASourceTask() {
        assertThat(followUpModels()).containsExactlyInAnyOrder("mj-v7-upscale", "mj-v7-variation", "mj-v7-remix",
                "mj-v7-inpaint", "mj-v7-outpaint", "mj-v7-pan", "mj-v7-edit", "mj-v7-enhance", "mj-v8.1-variation",
                "mj-v8.1-remix", "mj-v8.1-edit", "mj-v8.2-variation", "mj-v8.2-remix", "mj-v8.2-edit");
    }

    // ---- existence, format, ownership ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("followUpModels")
    void unknownSourceTaskIsNotFound(String model) {
        ObjectNode body = set(fx.minimal(spec(model)), TASK_ID, "task-unified-1757165031-nosuchid");
        assertError(fx.create(body), 404, "task_not_found", "invalid_request_error", TASK_ID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("followUpModels")
    void malformedSourceTaskIdIsInvalidTaskId(String model) {
        ObjectNode body = set(fx.minimal(spec(model)), TASK_ID, "1757165031-mjv7");
        assertError(fx.create(body), 400, "invalid_task_id", "invalid_request_error", TASK_ID);
    }

    /** "must belong to the current user" (§2.2): another key's completed task is 403 permission_denied. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("followUpModels")
    void anotherKeysTaskIsForbidden(String model) {
        ModelSpec spec = spec(model);
        SimHttp other = fx.http().withKey(OTHER_KEY);
        ObjectNode source = object("model", RulesFixtures.generationModelOf(spec), "prompt", "a lighthouse");
        if (spec.operation().equals("enhance")) {
            source.putObject("model_params").put("speed", "draft");
        }
        SimHttp.Answer created = other.post(RulesFixtures.CREATE, source);
        assertThat(created.status()).isEqualTo(200);
        String foreign = created.json().get("id").asText();
        SIM.simulator().completeTask(foreign);

        ObjectNode body = fx.followUp(model, foreign);
        double before = fx.remainingCredits(fx.http());
        assertError(fx.create(body), 403, "permission_denied", "invalid_request_error", TASK_ID);
        assertThat(fx.remainingCredits(fx.http())).isEqualTo(before);
        // the owner may use it
        assertAccepted(other.post(RulesFixtures.CREATE, body), model);
    }

    @Test
    void anotherKeysTaskCannotBeReadEither() {
        String foreign = fx.http().withKey(OTHER_KEY).post(RulesFixtures.CREATE,
                object("model", "mj-v7", "prompt", "a lighthouse")).json().get("id").asText();
        assertError(fx.http().get("/v1/tasks/" + foreign), 403, "permission_denied", "invalid_request_error",
                "task_id");
    }

    // ---- state of the source -------------------------------------------------------------------------------

    /** "must be a completed mj-v7 series task" (§2.2): a task still running is not a source. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("followUpModels")
    void sourceStillRunningIsRejected(String model) {
        ModelSpec spec = spec(model);
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        ObjectNode source = object("model", RulesFixtures.generationModelOf(spec), "prompt", "a lighthouse");
        if (spec.operation().equals("enhance")) {
            source.putObject("model_params").put("speed", "draft");
        }
        String running = fx.created(source);
        assertInvalid(fx.create(fx.followUp(model, running)), TASK_ID);
        assertThat(fx.http().get("/v1/tasks/" + running).json().path("status").asText()).isNotEqualTo("completed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("followUpModels")
    void failedSourceIsRejected(String model) {
        ModelSpec spec = spec(model);
        ObjectNode source = object("model", RulesFixtures.generationModelOf(spec), "prompt", "a lighthouse");
        if (spec.operation().equals("enhance")) {
            source.putObject("model_params").put("speed", "draft");
        }
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        String failed = fx.created(source);
        assertThat(SIM.simulator().failTask(failed, "content_policy_violation")).isTrue();
        assertInvalid(fx.create(fx.followUp(model, failed)), TASK_ID);
    }

    // ---- family --------------------------------------------------------------------------------------------

    /** A follow-up needs "a completed mj-v7 series task" of its own family (§2.2, §2.3, §2.4). */
    @ParameterizedTest(name = "{0} on a {1} task")
    @CsvSource({"mj-v7-variation, mj-v8.1", "mj-v7-variation, mj-v8.2", "mj-v7-upscale, mj-v8.1",
            "mj-v7-upscale, mj-v8.2", "mj-v7-remix, mj-v8.2", "mj-v7-inpaint, mj-v8.1", "mj-v7-pan, mj-v8.2",
            "mj-v7-outpaint, mj-v8.1", "mj-v7-edit, mj-v8.2", "mj-v8.1-variation, mj-v7", "mj-v8.1-remix, mj-v8.2",
            "mj-v8.1-edit, mj-v8.2", "mj-v8.2-variation, mj-v8.1", "mj-v8.2-edit, mj-v7", "mj-v8.2-remix, mj-v7"})
    void sourceOfAnotherFamilyIsRejected(String model, String sourceModel) {
        String source = fx.completedGeneration(sourceModel, null);
        assertInvalid(fx.create(fx.followUp(model, source)), TASK_ID);
    }

    @Test
    void enhanceOfAV8DraftIsRejected() {
        String v8Draft = fx.completedGeneration("mj-v8.1", "draft");
        assertInvalid(fx.create(fx.followUp("mj-v7-enhance", v8Draft)), TASK_ID);
    }

    /** mj-v8.2-edit: "completed mj-v8.2 series task (image generation, variation, remix or edit)" (§2.4). */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"mj-v8.2-edit, mj-v8.2-variation", "mj-v8.2-edit, mj-v8.2-remix", "mj-v8.2-edit, mj-v8.2-edit",
            "mj-v8.2-variation, mj-v8.2-remix", "mj-v7-variation, mj-v7-remix", "mj-v7-upscale, mj-v7-variation",
            "mj-v7-upscale, mj-v7-pan", "mj-v7-variation, mj-v7-upscale", "mj-v8.1-remix, mj-v8.1-variation"})
    void followUpsChainWithinAFamily(String model, String sourceModel) {
        String source = fx.completedOf(sourceModel);
        assertAccepted(fx.create(fx.followUp(model, source)), model);
    }

    /** The list of §2.4 is closed: an upload-paint (or retexture, remove-bg) task is no source for V8.2 edit. */
    @ParameterizedTest(name = "mj-v8.2-edit on {0}")
    @ValueSource(strings = {"mj-v8.2-upload-paint", "mj-v8.2-retexture", "mj-v8.2-remove-bg"})
    void v82EditTakesOnlyTheDocumentedSources(String sourceModel) {
        String source = fx.completedOf(sourceModel);
        assertInvalid(fx.create(fx.followUp("mj-v8.2-edit", source)), TASK_ID);
    }

    // ---- operation rules -----------------------------------------------------------------------------------

    /** §2.2 mj-v7-upscale: "Already upscaled images cannot be upscaled again (will return 403 error)". */
    @ParameterizedTest(name = "upscale of a {0} upscale")
    @ValueSource(strings = {"standard", "creative"})
    void reUpscaleIsForbidden(String type) {
        String generation = fx.completedGeneration("mj-v7", null);
        ObjectNode upscale = set(fx.followUp("mj-v7-upscale", generation), "model_params.type", type);
        String upscaled = fx.completed(upscale);
        double before = fx.remainingCredits(fx.http());
        SimHttp.Answer again = fx.create(fx.followUp("mj-v7-upscale", upscaled));
        assertError(again, 403, "permission_denied", "invalid_request_error", TASK_ID);
        assertThat(fx.remainingCredits(fx.http())).isEqualTo(before);
    }

    /** §2.2 mj-v7-enhance: "Only supports source tasks generated in draft mode". */
    @ParameterizedTest(name = "source speed {0} accepted={1}")
    @CsvSource({"draft, true", "fast, false", "turbo, false"})
    void enhanceOnlyFromADraftGeneration(String speed, boolean valid) {
        String source = fx.completedGeneration("mj-v7", speed);
        SimHttp.Answer a = fx.create(fx.followUp("mj-v7-enhance", source));
        if (valid) {
            assertAccepted(a, "mj-v7-enhance");
        } else {
            assertInvalid(a, TASK_ID);
        }
    }

    @Test
    void enhanceOfAFollowUpOfADraftIsRejected() {
        String draft = fx.completedGeneration("mj-v7", "draft");
        String upscaled = fx.completed(fx.followUp("mj-v7-upscale", draft));
        assertInvalid(fx.create(fx.followUp("mj-v7-enhance", upscaled)), TASK_ID);
        String enhanced = fx.completed(fx.followUp("mj-v7-enhance", draft));
        assertInvalid(fx.create(fx.followUp("mj-v7-enhance", enhanced)), TASK_ID);
    }

    /** §2.2 mj-v7-retexture: "Retextured tasks only support upscale as follow-up". */
    @ParameterizedTest(name = "{0} of a retexture")
    @ValueSource(strings = {"mj-v7-upscale", "mj-v7-variation", "mj-v7-remix", "mj-v7-inpaint", "mj-v7-outpaint",
            "mj-v7-pan", "mj-v7-edit", "mj-v7-enhance"})
    void retexturedTasksOnlyTakeUpscale(String model) {
        String retextured = fx.completedOf("mj-v7-retexture");
        SimHttp.Answer a = fx.create(fx.followUp(model, retextured));
        if (model.equals("mj-v7-upscale")) {
            assertAccepted(a, model);
        } else {
            assertInvalid(a, TASK_ID);
        }
    }

    @ParameterizedTest(name = "{0} of a {1} retexture")
    @CsvSource({"mj-v8.1-variation, mj-v8.1-retexture", "mj-v8.1-remix, mj-v8.1-retexture",
            "mj-v8.2-edit, mj-v8.2-retexture", "mj-v8.2-variation, mj-v8.2-retexture"})
    void v8RetexturedTasksTakeNoFollowUpAtAll(String model, String sourceModel) {
        String retextured = fx.completedOf(sourceModel);
        assertInvalid(fx.create(fx.followUp(model, retextured)), TASK_ID);
    }

    @ParameterizedTest(name = "{0} of a {1}")
    @CsvSource({"mj-v7-upscale, mj-v7-remove-bg", "mj-v7-variation, mj-v7-remove-bg",
            "mj-v8.2-edit, mj-v8.2-remove-bg"})
    void removedBackgroundsAreNoSource(String model, String sourceModel) {
        String cutout = fx.completedOf(sourceModel);
        assertInvalid(fx.create(fx.followUp(model, cutout)), TASK_ID);
    }

    // ---- image_number against what the source returned ----------------------------------------------------

    /** Moderation may leave 1–4 images (§2.2): image_number must pick one that is really there. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v7-upscale", "mj-v7-variation", "mj-v7-pan", "mj-v8.1-remix", "mj-v8.2-edit"})
    void imageNumberBeyondAModeratedSourcesResultsIsRejected(String model) {
        ModelSpec spec = spec(model);
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.moderated(2), 1);
        String moderated = fx.completedGeneration(RulesFixtures.generationModelOf(spec), null);
        assertThat(fx.http().get("/v1/tasks/" + moderated).json().path("results")).hasSize(2);
        ObjectNode body = fx.followUp(model, moderated);
        assertAccepted(fx.create(set(body, "model_params.image_number", 1)), model);
        assertInvalid(fx.create(set(body, "model_params.image_number", 2)), "model_params.image_number");
        assertInvalid(fx.create(set(body, "model_params.image_number", 3)), "model_params.image_number");
    }

    @Test
    void imageNumberBeyondASingleImageSourceIsRejected() {
        String upscaled = fx.completedOf("mj-v7-upscale");
        ObjectNode variation = fx.followUp("mj-v7-variation", upscaled);
        assertAccepted(fx.create(set(variation, "model_params.image_number", 0)), "mj-v7-variation");
        assertInvalid(fx.create(set(variation, "model_params.image_number", 1)), "model_params.image_number");
    }

    /** §2.4: V8.2 image_number is "0-3 for a fast source task, 0-23 for a draft source task". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v8.2-variation", "mj-v8.2-remix", "mj-v8.2-edit"})
    void v82ImageNumberDependsOnTheSourcesSpeed(String model) {
        ObjectNode onDraft = fx.followUp(model, fx.completedGeneration("mj-v8.2", "draft"));
        assertAccepted(fx.create(set(onDraft, "model_params.image_number", 23)), model);
        assertAccepted(fx.create(set(onDraft, "model_params.image_number", 4)), model);
        assertInvalid(fx.create(set(onDraft, "model_params.image_number", 24)), "model_params.image_number");

        ObjectNode onFast = fx.followUp(model, fx.completedGeneration("mj-v8.2", null));
        assertAccepted(fx.create(set(onFast, "model_params.image_number", 3)), model);
        assertInvalid(fx.create(set(onFast, "model_params.image_number", 4)), "model_params.image_number");
        assertInvalid(fx.create(set(onFast, "model_params.image_number", 23)), "model_params.image_number");
    }

    /** V8.1 keeps 0–3 even on a 24-sketch draft source (§2.3). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v8.1-variation", "mj-v8.1-remix", "mj-v8.1-edit"})
    void v81ImageNumberStaysWithinZeroToThree(String model) {
        String draft = fx.completedGeneration("mj-v8.1", "draft");
        assertThat(fx.http().get("/v1/tasks/" + draft).json().path("results")).hasSize(24);
        ObjectNode body = fx.followUp(model, draft);
        assertAccepted(fx.create(set(body, "model_params.image_number", 3)), model);
        assertInvalid(fx.create(set(body, "model_params.image_number", 4)), "model_params.image_number");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("followUpModels")
    void rejectedFollowUpsChargeNothing(String model) {
        ObjectNode body = fx.followUp(model, "task-unified-1757165031-missing");
        double before = fx.remainingCredits(fx.http());
        assertThat(fx.create(body).status()).isEqualTo(404);
        assertThat(fx.create(set(body, TASK_ID, "bad")).status()).isEqualTo(400);
        assertThat(fx.remainingCredits(fx.http())).isEqualTo(before);
        assertThat(fx.http().get("/v1/tasks").json().path("total").asInt()).isZero();
    }
}
