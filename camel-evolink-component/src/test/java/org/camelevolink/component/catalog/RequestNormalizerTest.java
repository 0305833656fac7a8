package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.minimal;

/** --fast/--turbo/--draft: EvoLink removes them, so the component does too and says where the speed goes. */
class RequestNormalizerTest {

    private final RequestNormalizer normalizer = new RequestNormalizer(CATALOG);

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        mj-v7         | a red teapot --turbo                      | a red teapot
        mj-v7         | a red teapot --fast --ar 16:9             | a red teapot --ar 16:9
        mj-v7         | --draft a red teapot                      | a red teapot
        mj-v7         | a red teapot --ar 16:9 --DRAFT --s 500    | a red teapot --ar 16:9 --s 500
        mj-v7         | a teapot --turbo --fast --draft           | a teapot
        mj-v7-remix   | in autumn --turbo                         | in autumn
        mj-v8.1       | https://example.com/a.png a cat --fast    | https://example.com/a.png a cat
        """)
    void speedFlagsAreRemoved(String model, String prompt, String expected) {
        NormalizedRequest n = normalizer.normalize(minimal(model, b -> b.prompt(prompt)));
        assertThat(n.request().getPrompt()).isEqualTo(expected);
        assertThat(n.changed()).isTrue();
        assertThat(n.notices()).allSatisfy(s -> assertThat(s).contains("model_params.speed"));
        assertThat(n.request().getModelParams()).isEqualTo(minimal(model).getModelParams());
        assertThatCode(() -> VALIDATOR.validate(n.request())).doesNotThrowAnyException();
    }

    @Test
    void theNoticeSaysWhichSpeedTheModelHas() {
        assertThat(normalizer.normalize(minimal("mj-v7", b -> b.prompt("a cat --turbo"))).notices())
                .containsExactly("removed --turbo from the prompt: EvoLink removes speed flags from prompts itself, "
                        + "the speed is model_params.speed (set model_params.speed=turbo instead)");
        assertThat(normalizer.normalize(minimal("mj-v8.1", b -> b.prompt("a cat --turbo"))).notices().get(0))
                .contains("mj-v8.1's model_params.speed is one of [draft, fast]");
    }

    @Test
    void otherPromptsAndFieldsAreUntouched() {
        CreateTaskRequest r = minimal("mj-v7", b -> b.prompt("a fast car --ar 16:9 --s 500 --fastest")
                .callbackUrl("https://example.com/cb"));
        NormalizedRequest n = normalizer.normalize(r);
        assertThat(n.request()).isSameAs(r);
        assertThat(n.notices()).isEmpty();
        CreateTaskRequest upscale = minimal("mj-v7-upscale");
        assertThat(normalizer.normalize(upscale).request()).isSameAs(upscale);
    }

    @Test
    void keepsEverythingElseOfTheRequest() {
        CreateTaskRequest r = minimal("mj-v8.2", b -> b.prompt("a cat --draft").quality("hd")
                .callbackUrl("https://example.com/cb").modelParam("speed", "fast"));
        CreateTaskRequest out = normalizer.normalize(r).request();
        assertThat(out.getPrompt()).isEqualTo("a cat");
        assertThat(out.getQuality()).isEqualTo("hd");
        assertThat(out.getCallbackUrl()).isEqualTo("https://example.com/cb");
        assertThat(out.getModelParams()).containsEntry("speed", "fast");
    }
}
