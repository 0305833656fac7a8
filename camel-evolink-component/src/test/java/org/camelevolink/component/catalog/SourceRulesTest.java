package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.minimal;
import static org.camelevolink.component.catalog.TestRequests.spec;

/** The follow-up rules that need the finished source task, checked once the Camel layer has it. */
class SourceRulesTest {

    @ParameterizedTest(name = "{0} from {1} ({2})")
    @CsvSource(textBlock = """
        mj-v7-upscale,     mj-v7,           fast
        mj-v7-upscale,     mj-v7-retexture,
        mj-v7-upscale,     mj-v7-variation,
        mj-v7-upscale,     mj-v7-enhance,
        mj-v7-variation,   mj-v7-upscale,
        mj-v7-variation,   mj-v7,           turbo
        mj-v7-remix,       mj-v7-pan,
        mj-v7-pan,         mj-v7-upscale,
        mj-v7-outpaint,    mj-v7-outpaint,
        mj-v7-inpaint,     mj-v7-edit,
        mj-v7-edit,        mj-v7-upload-paint,
        mj-v7-enhance,     mj-v7,           draft
        mj-v7-enhance,     mj-v7,
        mj-v8.1-variation, mj-v8.1,         draft
        mj-v8.1-remix,     mj-v8.1-edit,
        mj-v8.1-edit,      mj-v8.1-variation,
        mj-v8.2-edit,      mj-v8.2,         fast
        mj-v8.2-edit,      mj-v8.2-remix,
        mj-v8.2-edit,      mj-v8.2-edit,
        mj-v8.2-variation, mj-v8.2-upload-paint,
        """)
    void acceptedSources(String followUp, String source, String speed) {
        assertThat(spec(followUp).acceptsSource(spec(source), speed)).isTrue();
        assertThatCode(() -> VALIDATOR.validateSource(minimal(followUp), source, speed)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} from {1} ({2})")
    @CsvSource(textBlock = """
        mj-v7-upscale,     mj-v7-upscale,   , upscaled image cannot be upscaled again
        mj-v7-variation,   mj-v7-retexture, , only support upscale
        mj-v7-remix,       mj-v7-retexture, , only support upscale
        mj-v7-pan,         mj-v7-retexture, , only support upscale
        mj-v7-enhance,     mj-v7,           fast, draft
        mj-v7-enhance,     mj-v7,           turbo, draft
        mj-v7-enhance,     mj-v7-variation, , generate
        mj-v7-enhance,     mj-v8.1,         draft, v7
        mj-v7-variation,   mj-v8.1,         fast, v7
        mj-v7-upscale,     mj-v8.2,         fast, v7
        mj-v8.1-variation, mj-v7,           fast, v8.1
        mj-v8.1-remix,     mj-v8.2,         fast, v8.1
        mj-v8.2-remix,     mj-v8.1,         fast, v8.2
        mj-v8.2-edit,      mj-v8.2-upload-paint, , generate
        mj-v8.2-edit,      mj-v8.2-retexture, , generate
        mj-v8.1-edit,      mj-v8.1-retexture, , only support upscale
        """)
    void refusedSourcesNameTheTaskId(String followUp, String source, String speed, String why) {
        assertThat(spec(followUp).acceptsSource(spec(source), speed)).isFalse();
        EvolinkValidationException e = refused(minimal(followUp), source, speed);
        assertThat(e.getModel()).isEqualTo(followUp);
        assertThat(e.getField()).isEqualTo("model_params.task_id");
        assertThat(e.getRule()).contains(why);
    }

    @Test
    void modelsWithoutSourceAcceptNone() {
        assertThat(spec("mj-v7").acceptsSource(spec("mj-v7"), "fast")).isFalse();
        assertThat(spec("mj-v7-remove-bg").acceptsSource(spec("mj-v7"), "fast")).isFalse();
        assertThatCode(() -> VALIDATOR.validateSource(minimal("mj-v7-remove-bg"), "mj-v7", "fast"))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownModelsOnEitherSideAreLeftToEvolink() {
        CreateTaskRequest newFollowUp = CreateTaskRequest.builder("mj-v9-upscale").modelParam("task_id", "x").build();
        assertThatCode(() -> VALIDATOR.validateSource(newFollowUp, "mj-v7", "fast")).doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.validateSource(minimal("mj-v7-upscale"), "mj-v9", "fast"))
                .doesNotThrowAnyException();
    }

    @Test
    void retexturedTasksFeedOnlyUpscale() {
        for (ModelSpec followUp : CATALOG.all()) {
            if (followUp.needsSourceTask()) {
                assertThat(followUp.acceptsSource(spec("mj-v7-retexture"), null)).as(followUp.id())
                        .isEqualTo(followUp.id().equals("mj-v7-upscale"));
            }
        }
    }

    @ParameterizedTest(name = "{0} image {1} from {2} ({3}): {4}")
    @CsvSource(textBlock = """
        mj-v8.2-edit,      23, mj-v8.2,           draft, ok
        mj-v8.2-edit,       3, mj-v8.2,           fast,  ok
        mj-v8.2-edit,       4, mj-v8.2,           fast,  not a draft generation
        mj-v8.2-edit,       4, mj-v8.2,           ,      ok
        mj-v8.2-remix,     23, mj-v8.2,           draft, ok
        mj-v8.2-remix,     12, mj-v8.2-variation, ,      not a draft generation
        mj-v8.2-variation,  4, mj-v8.2-remix,     ,      not a draft generation
        mj-v8.2-variation, 23, mj-v8.2,           draft, ok
        mj-v8.1-variation,  3, mj-v8.1,           draft, ok
        mj-v7-upscale,      3, mj-v7,             draft, ok
        mj-v7-upscale,      3, mj-v7-pan,         ,      ok
        mj-v7-variation,    1, mj-v7-upscale,     ,      has 1 image(s)
        mj-v7-upscale,      1, mj-v7-enhance,     ,      has 1 image(s)
        mj-v7-variation,    0, mj-v7-upscale,     ,      ok
        """)
    void imageNumberNamesOneOfTheSourcesImages(String followUp, int image, String source, String speed,
            String outcome) {
        CreateTaskRequest r = minimal(followUp, b -> b.modelParam("image_number", image));
        assertThatCode(() -> VALIDATOR.validate(r)).doesNotThrowAnyException();
        if (outcome.equals("ok")) {
            assertThatCode(() -> VALIDATOR.validateSource(r, source, speed)).doesNotThrowAnyException();
        } else {
            EvolinkValidationException e = refused(r, source, speed);
            assertThat(e.getField()).isEqualTo("model_params.image_number");
            assertThat(e.getRule()).contains(outcome);
        }
    }

    private static EvolinkValidationException refused(CreateTaskRequest r, String source, String speed) {
        EvolinkValidationException e = catchThrowableOfType(EvolinkValidationException.class,
                () -> VALIDATOR.validateSource(r, source, speed));
        assertThat(e).as(r.getModel() + " from " + source).isNotNull();
        assertThat(e.getMessage()).contains(r.getModel(), e.getField(), e.getRule());
        return e;
    }
}
