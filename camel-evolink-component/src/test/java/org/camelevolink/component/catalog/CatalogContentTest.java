package org.camelevolink.component.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.spec;

/**
 * The catalog's data against evolink-api.md section 2, written out a second time by hand so a slip in the JSON
 * shows up here. Lists are '|'-separated; '-' means none.
 */
class CatalogContentTest {

    private static final String FMT = "png|gif|webp|jpg|jpeg";

    @Test
    void hasTheTwentySixMidjourneyModelsInThreeFamilies() {
        assertThat(CATALOG.all()).hasSize(26);
        assertThat(CATALOG.all().stream().filter(m -> m.family().equals("v7"))).hasSize(12);
        assertThat(CATALOG.all().stream().filter(m -> m.family().equals("v8.1"))).hasSize(7);
        assertThat(CATALOG.all().stream().filter(m -> m.family().equals("v8.2"))).hasSize(7);
        assertThat(CATALOG.find("mj-v8.1-upscale")).as("V8.x has no upscale [DOC-GEN]").isEmpty();
        assertThat(CATALOG.find("midjourney-v7")).isEmpty();
        assertThat(CATALOG.find(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        # id                ; family; operation   ; prompt  ; max ; image_urls; formats         ; url max; quality    ; results; draft results; source operations
        mj-v7               ; v7    ; generate    ; required; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; -
        mj-v7-upscale       ; v7    ; upscale     ; none    ; 0   ; none      ; -               ; -      ; -          ; 1 ; 1  ; generate|variation|remix|inpaint|outpaint|pan|edit|upload-paint|retexture|enhance|remove-bg
        mj-v7-variation     ; v7    ; variation   ; optional; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|upscale|variation|remix|inpaint|outpaint|pan|edit|upload-paint|enhance|remove-bg
        mj-v7-remix         ; v7    ; remix       ; required; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|upscale|variation|remix|inpaint|outpaint|pan|edit|upload-paint|enhance|remove-bg
        mj-v7-inpaint       ; v7    ; inpaint     ; optional; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|upscale|variation|remix|inpaint|outpaint|pan|edit|upload-paint|enhance|remove-bg
        mj-v7-outpaint      ; v7    ; outpaint    ; optional; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|upscale|variation|remix|inpaint|outpaint|pan|edit|upload-paint|enhance|remove-bg
        mj-v7-pan           ; v7    ; pan         ; optional; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|upscale|variation|remix|inpaint|outpaint|pan|edit|upload-paint|enhance|remove-bg
        mj-v7-edit          ; v7    ; edit        ; required; 8192; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|upscale|variation|remix|inpaint|outpaint|pan|edit|upload-paint|enhance|remove-bg
        mj-v7-upload-paint  ; v7    ; upload-paint; required; 8192; required  ; png|gif|webp|jpg|jpeg; -; -          ; 4 ; 4  ; -
        mj-v7-retexture     ; v7    ; retexture   ; required; 8192; required  ; png|gif|webp|jpg|jpeg; -; -          ; 4 ; 4  ; -
        mj-v7-enhance       ; v7    ; enhance     ; none    ; 0   ; none      ; -               ; -      ; -          ; 1 ; 1  ; generate
        mj-v7-remove-bg     ; v7    ; remove-bg   ; none    ; 0   ; required  ; png|gif|webp|jpg|jpeg; -; -          ; 1 ; 1  ; -
        mj-v8.1             ; v8.1  ; generate    ; required; 1024; none      ; -               ; -      ; standard|hd; 4 ; 24 ; -
        mj-v8.1-variation   ; v8.1  ; variation   ; none    ; 0   ; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|variation|remix|edit|upload-paint|remove-bg
        mj-v8.1-remix       ; v8.1  ; remix       ; required; 1024; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|variation|remix|edit|upload-paint|remove-bg
        mj-v8.1-edit        ; v8.1  ; edit        ; required; 1024; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|variation|remix|edit|upload-paint|remove-bg
        mj-v8.1-upload-paint; v8.1  ; upload-paint; required; 1024; required  ; png|gif|webp|jpg|jpeg; -; -          ; 4 ; 4  ; -
        mj-v8.1-retexture   ; v8.1  ; retexture   ; required; 1024; required  ; png|gif|webp|jpg|jpeg; -; -          ; 4 ; 4  ; -
        mj-v8.1-remove-bg   ; v8.1  ; remove-bg   ; none    ; 0   ; required  ; png|gif|webp|jpg|jpeg; -; -          ; 1 ; 1  ; -
        mj-v8.2             ; v8.2  ; generate    ; required; 2048; none      ; -               ; -      ; standard|hd; 4 ; 24 ; -
        mj-v8.2-variation   ; v8.2  ; variation   ; none    ; 0   ; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|variation|remix|edit|upload-paint|remove-bg
        mj-v8.2-remix       ; v8.2  ; remix       ; required; 8100; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|variation|remix|edit|upload-paint|remove-bg
        mj-v8.2-edit        ; v8.2  ; edit        ; required; 8100; none      ; -               ; -      ; -          ; 4 ; 4  ; generate|variation|remix|edit
        mj-v8.2-upload-paint; v8.2  ; upload-paint; required; 8100; required  ; png|gif|webp|jpg|jpeg; 1024; -       ; 4 ; 4  ; -
        mj-v8.2-retexture   ; v8.2  ; retexture   ; required; 8100; required  ; png|gif|webp|jpg|jpeg; 1024; -       ; 4 ; 4  ; -
        mj-v8.2-remove-bg   ; v8.2  ; remove-bg   ; none    ; 0   ; required  ; png|jpg|jpeg    ; -      ; -          ; 1 ; 1  ; -
        """)
    void modelMatchesTheDocs(String id, String family, String operation, String prompt, int promptMax,
            String imageUrls, String formats, String urlMax, String quality, int results, int draftResults,
            String sources) {
        ModelSpec m = spec(id);
        assertThat(m.family()).isEqualTo(family);
        assertThat(m.operation()).isEqualTo(operation);
        assertThat(m.promptUse()).isEqualTo(Use.of(prompt));
        assertThat(m.promptMaxLength()).isEqualTo(promptMax);
        assertThat(m.imageUrlsUse()).isEqualTo(Use.of(imageUrls));
        assertThat(m.maxImageUrls()).isEqualTo(imageUrls.equals("none") ? 0 : 1);
        assertThat(m.imageFormats()).isEqualTo(list(formats));
        assertThat(m.maxImageUrlLength().isPresent() ? String.valueOf(m.maxImageUrlLength().getAsInt()) : "-")
                .isEqualTo(urlMax);
        assertThat(m.qualityValues()).isEqualTo(list(quality));
        assertThat(m.defaultQuality().isPresent()).isEqualTo(m.acceptsQuality());
        assertThat(m.expectedResults("fast")).isEqualTo(results);
        assertThat(m.expectedResults("draft")).isEqualTo(draftResults);
        assertThat(m.expectedResults()).isEqualTo(results);
        assertThat(m.needsSourceTask()).isEqualTo(!sources.equals("-"));
        assertThat(m.sourceRule().map(SourceRule::operations).orElse(List.of())).isEqualTo(list(sources));
        m.sourceRule().ifPresent(r -> assertThat(r.families()).containsExactly(family));
        assertThat(m.familyRules().generationModel()).isEqualTo(family.equals("v7") ? "mj-v7" : "mj-" + family);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', textBlock = """
        # model             ; param        ; type     ; required; values or min-max     ; default
        mj-v7               ; speed        ; enum     ; false   ; draft|fast|turbo      ; fast
        mj-v7-upscale       ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-upscale       ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-upscale       ; type         ; enum     ; false   ; standard|creative     ; standard
        mj-v7-variation     ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-variation     ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-variation     ; type         ; enum     ; false   ; subtle|strong         ; subtle
        mj-v7-variation     ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-remix         ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-remix         ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-remix         ; mode         ; enum     ; false   ; strong|subtle         ; strong
        mj-v7-remix         ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-inpaint       ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-inpaint       ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-inpaint       ; mask         ; mask     ; true    ; -                     ; -
        mj-v7-inpaint       ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-outpaint      ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-outpaint      ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-outpaint      ; scale        ; number   ; false   ; 1.1-2                 ; 1.5
        mj-v7-outpaint      ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-pan           ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-pan           ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-pan           ; direction    ; enum     ; false   ; down|right|up|left    ; down
        mj-v7-pan           ; scale        ; number   ; false   ; 1.1-3                 ; 1.5
        mj-v7-pan           ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-edit          ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-edit          ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v7-edit          ; canvas       ; canvas   ; true    ; -                     ; -
        mj-v7-edit          ; img_pos      ; img_pos  ; true    ; -                     ; -
        mj-v7-edit          ; mask         ; mask     ; false   ; -                     ; -
        mj-v7-edit          ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-upload-paint  ; mask         ; mask     ; true    ; -                     ; -
        mj-v7-upload-paint  ; canvas       ; canvas   ; true    ; -                     ; -
        mj-v7-upload-paint  ; img_pos      ; img_pos  ; true    ; -                     ; -
        mj-v7-upload-paint  ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-retexture     ; speed        ; enum     ; false   ; fast|turbo            ; fast
        mj-v7-enhance       ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v7-enhance       ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v8.1             ; speed        ; enum     ; false   ; draft|fast            ; fast
        mj-v8.1-variation   ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v8.1-variation   ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v8.1-variation   ; type         ; enum     ; false   ; subtle|strong         ; subtle
        mj-v8.1-remix       ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v8.1-remix       ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v8.1-remix       ; mode         ; enum     ; false   ; strong|subtle         ; strong
        mj-v8.1-remix       ; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.1-edit        ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v8.1-edit        ; image_number ; integer  ; false   ; 0-3                   ; 0
        mj-v8.1-edit        ; canvas       ; canvas   ; true    ; -                     ; -
        mj-v8.1-edit        ; img_pos      ; img_pos  ; true    ; -                     ; -
        mj-v8.1-edit        ; mask         ; mask     ; false   ; -                     ; -
        mj-v8.1-edit        ; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.1-upload-paint; mask         ; mask     ; true    ; -                     ; -
        mj-v8.1-upload-paint; canvas       ; canvas   ; true    ; -                     ; -
        mj-v8.1-upload-paint; img_pos      ; img_pos  ; true    ; -                     ; -
        mj-v8.1-upload-paint; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.1-retexture   ; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.2             ; speed        ; enum     ; false   ; draft|fast            ; fast
        mj-v8.2-variation   ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v8.2-variation   ; image_number ; integer  ; false   ; 0-23                  ; 0
        mj-v8.2-variation   ; type         ; enum     ; false   ; subtle|strong         ; subtle
        mj-v8.2-remix       ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v8.2-remix       ; image_number ; integer  ; false   ; 0-23                  ; 0
        mj-v8.2-remix       ; mode         ; enum     ; false   ; strong|subtle         ; strong
        mj-v8.2-remix       ; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.2-edit        ; task_id      ; task_id  ; true    ; -                     ; -
        mj-v8.2-edit        ; image_number ; integer  ; false   ; 0-23                  ; 0
        mj-v8.2-edit        ; canvas       ; canvas   ; true    ; -                     ; -
        mj-v8.2-edit        ; img_pos      ; img_pos  ; true    ; -                     ; -
        mj-v8.2-edit        ; mask         ; mask     ; false   ; -                     ; -
        mj-v8.2-edit        ; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.2-upload-paint; mask         ; mask     ; false   ; -                     ; -
        mj-v8.2-upload-paint; canvas       ; canvas   ; true    ; -                     ; -
        mj-v8.2-upload-paint; img_pos      ; img_pos  ; true    ; -                     ; -
        mj-v8.2-upload-paint; speed        ; enum     ; false   ; fast                  ; fast
        mj-v8.2-retexture   ; speed        ; enum     ; false   ; fast                  ; fast
        """)
    void paramMatchesTheDocs(String model, String name, String type, boolean required, String range, String dflt) {
        ParamSpec p = spec(model).param(name);
        assertThat(p).as(model + " takes " + name).isNotNull();
        assertThat(p.type().catalogName()).isEqualTo(type);
        assertThat(p.required()).isEqualTo(required);
        if (type.equals("enum")) {
            assertThat(p.values()).isEqualTo(list(range));
        } else if (!range.equals("-")) {
            assertThat(ParamRules.bounds(p)).isEqualTo(range);
        } else {
            assertThat(p.min()).isNull();
            assertThat(p.max()).isNull();
        }
        assertThat(p.defaultValue() == null ? "-" : p.defaultValue().toString().replaceAll("\\.0$", ""))
                .isEqualTo(dflt);
    }

    /** The table above lists every param of every model, and no model takes one it does not list. */
    @Test
    void theParamTableIsComplete() {
        int listed = 76;
        assertThat(CATALOG.all().stream().mapToInt(m -> m.paramNames().size()).sum()).isEqualTo(listed);
        assertThat(spec("mj-v7-remove-bg").paramNames()).isEmpty();
        assertThat(spec("mj-v8.1-remove-bg").paramNames()).isEmpty();
        assertThat(spec("mj-v8.2-remove-bg").paramNames()).isEmpty();
    }

    @Test
    void imageNumberOfV82FollowUpsIsThreeUnlessTheSourceIsADraft() {
        for (String m : List.of("mj-v8.2-variation", "mj-v8.2-remix", "mj-v8.2-edit")) {
            assertThat(spec(m).param("image_number").maxUnlessDraftSource()).as(m).isEqualTo(3);
        }
        CATALOG.all().stream().filter(m -> !m.family().equals("v8.2")).map(m -> m.param("image_number"))
                .filter(p -> p != null).forEach(p -> assertThat(p.maxUnlessDraftSource()).isNull());
    }

    @Test
    void followUpsAreTheModelsWithATaskIdAndNeedModelParams() {
        for (ModelSpec m : CATALOG.all()) {
            assertThat(m.needsSourceTask()).as(m.id()).isEqualTo(m.acceptsParam("task_id"));
            boolean documentedRequired = m.needsSourceTask() || m.operation().equals("upload-paint");
            assertThat(m.requiresModelParams()).as(m.id()).isEqualTo(documentedRequired);
        }
    }

    @Test
    void enhanceTakesOnlyDraftGenerationsAndRetextureFeedsOnlyUpscale() {
        assertThat(spec("mj-v7-enhance").sourceRule().orElseThrow().speeds()).containsExactly("draft");
        for (ModelSpec m : CATALOG.all()) {
            List<String> ops = m.sourceRule().map(SourceRule::operations).orElse(List.of());
            assertThat(ops.contains("retexture")).as(m.id()).isEqualTo(m.operation().equals("upscale"));
            if (m.operation().equals("upscale")) {
                assertThat(ops).doesNotContain("upscale");
            }
        }
    }

    @Test
    void onlyV8GenerationTakesQualityWithTheDraftConflict() {
        for (ModelSpec m : CATALOG.all()) {
            boolean v8Generation = m.isGeneration() && !m.family().equals("v7");
            assertThat(m.acceptsQuality()).as(m.id()).isEqualTo(v8Generation);
            assertThat(m.conflicts()).as(m.id()).hasSize(v8Generation ? 1 : 0);
        }
        Conflict c = spec("mj-v8.1").conflicts().get(0);
        assertThat(c.when()).containsEntry("quality", "hd").containsEntry("model_params.speed", "draft");
        assertThat(c.field()).isEqualTo("quality");
    }

    @Test
    void familiesCarryTheirPromptRules() {
        FamilySpec v7 = spec("mj-v7").familyRules();
        assertThat(v7.rejectedPromptFlags()).containsKeys("v", "version", "niji");
        assertThat(v7.strippedPromptFlags()).containsExactly("fast", "turbo", "draft");
        assertThat(v7.promptFlag("chaos")).map(PromptFlag::name).contains("c");
        assertThat(v7.promptFlag("stylize")).map(PromptFlag::name).contains("s");
        assertThat(v7.maxImagePrompts()).isEqualTo(20);
        assertThat(v7.resultLinkHours()).isEqualTo(24);
        assertThat(v7.maskUrlDataUri()).isFalse();
        FamilySpec v82 = spec("mj-v8.2").familyRules();
        assertThat(v82.maskUrlDataUri()).isTrue();
        assertThat(v82.rejectedPromptFlags()).containsKeys("oref", "cref", "stop");
        assertThat(v82.promptFlags()).isEmpty();
        assertThat(v82.resultLinkHours()).isNull();
    }

    /** Every choice between disagreeing sources (evolink-api.md section 11) is written down where it was made. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', textBlock = """
        mj-v7-inpaint       ; REPO says required
        mj-v7-upscale       ; REPO lists it as required
        mj-v7-remix         ; REPO lists them as required
        mj-v8.1             ; REPO says 8192
        mj-v8.1             ; REPO adds turbo
        mj-v8.1-remix       ; REPO says fast|turbo
        mj-v8.1-variation   ; REPO lists an optional prompt
        mj-v8.2-upload-paint; mask is optional here
        mj-v7               ; image_urls is not used
        """)
    void choicesAreNoted(String model, String note) {
        assertThat(String.join("\n", spec(model).notes())).contains(note);
    }

    @Test
    void notesOfTheFamiliesRecordTheStrippedFlagsChoice() {
        assertThat(String.join("\n", spec("mj-v7").familyRules().notes())).contains("DOC wins");
    }

    @Test
    void aModelIsAddedByAnEntryAlone() throws IOException {
        String json = """
            {"families": {"v9": {"generationModel": "mj-v9", "promptFlags": {}}},
             "models": [{"id": "mj-v9", "family": "v9", "operation": "generate",
                         "prompt": {"use": "required", "maxLength": 100},
                         "modelParams": {"speed": {"type": "enum", "values": ["fast"], "default": "fast"}}}]}
            """;
        ModelCatalog catalog = ModelCatalog.load(stream(json));
        ModelSpec v9 = catalog.find("mj-v9").orElseThrow();
        assertThat(v9.requiresPrompt()).isTrue();
        assertThat(v9.paramNames()).containsExactly("speed");
        RequestValidator validator = new RequestValidator(catalog);
        validator.validate(org.camelevolink.component.client.CreateTaskRequest.builder("mj-v9").prompt("x").build());
        TestRequests.rejected(validator, org.camelevolink.component.client.CreateTaskRequest.builder("mj-v9")
                .prompt("x").modelParam("speed", "turbo").build(), "model_params.speed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        {"families": {"v7": {}}, "models": [{"id": "a", "family": "v7", "operation": "generate", "promt": {}}]}                           ; unknown key 'promt'
        {"families": {"v7": {}}, "models": [{"id": "a", "family": "v6", "operation": "generate"}]}                                       ; unknown family
        {"families": {"v7": {}}, "models": [{"id": "a", "family": "v7", "operation": "zoom"}]}                                           ; unknown operation 'zoom'
        {"families": {"v7": {}}, "models": [{"id": "a", "family": "v7", "operation": "upscale", "modelParams": {"x": {"type": "float"}}}]} ; unknown model_params type 'float'
        {"families": {"v7": {}}, "models": [{"id": "a", "family": "v7", "operation": "upscale", "modelParams": {}, "source": {}}]}         ; a 'source' goes with a task_id parameter
        {"families": {"v7": {"promptFlags": {"c": {"type": "int"}}}}, "models": []}                                                      ; unknown type 'int'
        {"families": {"v7": {}}, "models": [{"id": "a", "family": "v7", "operation": "generate"}, {"id": "a", "family": "v7", "operation": "generate"}]} ; listed twice
        """)
    void aSlipInTheDataFailsTheLoadNamingWhere(String json, String message) {
        assertThatThrownBy(() -> ModelCatalog.load(stream(json))).hasMessageContaining(message);
    }

    @Test
    void specsAreImmutable() {
        ModelSpec m = spec("mj-v7-pan");
        assertThatThrownBy(() -> m.params().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.paramNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.notes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.param("direction").values().add("north"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(m.toString()).contains("mj-v7-pan", "pan");
    }

    private static List<String> list(String s) {
        return s.equals("-") ? List.of() : Arrays.asList(s.split("\\|"));
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
