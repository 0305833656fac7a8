package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.minimal;
import static org.camelevolink.component.catalog.TestRequests.rejected;

/** The rules inside a prompt: image prompts, refused flags, the V7 prompt-guide table and its dependencies. */
class PromptRulesTest {

    private static final String IMG = "https://example.com/ref.png";

    // --- image-to-image (every generation model)

    @ParameterizedTest
    @ValueSource(strings = {"mj-v7", "mj-v8.1", "mj-v8.2"})
    void imageToImageRulesOfTheDocs(String model) {
        assertThat(rejected(prompt(model, IMG), "prompt").getRule()).contains("one image prompt without text");
        rejected(prompt(model, IMG + " --ar 16:9"), "prompt");
        passes(prompt(model, IMG + " a watercolor cat"));
        passes(prompt(model, IMG + " https://example.com/b.jpg"));
        passes(prompt(model, IMG + " https://example.com/b.jpg a watercolor cat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mj-v7", "mj-v8.1", "mj-v8.2"})
    void atMostTwentyImagePrompts(String model) {
        passes(prompt(model, images(20) + " a collage"));
        assertThat(rejected(prompt(model, images(21) + " a collage"), "prompt").getRule()).contains("21", "20");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        https://example.com/a.png, true
        https://example.com/a.JPEG?w=200, true
        https://example.com/a.webp#x, true
        https://example.com/a.gif, true
        https://example.com/a.jpg, true
        https://example.com/a.tiff, false
        https://example.com/a.heic, false
        https://example.com/image?id=3, false
        """)
    void imagePromptFormatsAreJudgedByThePath(String url, boolean valid) {
        CreateTaskRequest r = prompt("mj-v7", url + " a cat in the same style");
        if (valid) {
            passes(r);
        } else {
            rejected(r, "prompt");
        }
    }

    @Test
    void urlsAreImagePromptsOnlyAtTheStartOfAGenerationPrompt() {
        passes(prompt("mj-v7", "a cat like https://example.com/page.html"));
        passes(prompt("mj-v7-remix", "https://example.com/ref.tiff"));
    }

    // --- flags refused per family

    @ParameterizedTest
    @CsvSource(textBlock = """
        mj-v7, --v 6
        mj-v7, --version 7
        mj-v7, --niji 6
        mj-v7, --NIJI
        mj-v7-remix, --v 6
        mj-v7, --relax
        mj-v7, --cref https://example.com/c.png
        mj-v7, --stop 50
        mj-v7, --repeat 3
        mj-v8.1, --hd
        mj-v8.1, --q 2
        mj-v8.2, --oref https://example.com/o.png
        mj-v8.2, --cref https://example.com/c.png
        mj-v8.2, --stop 80
        mj-v8.2-edit, --stop 80
        """)
    void flagsTheFamilyRefuses(String model, String flag) {
        String rule = rejected(prompt(model, "a red teapot " + flag), "prompt").getRule();
        assertThat(rule).contains("must not contain --" + flag.substring(2).split(" ")[0].toLowerCase());
    }

    @Test
    void flagsAreOnlyFlagsAfterWhitespace() {
        passes(prompt("mj-v7", "a teapot--v 6 shaped like a kettle"));
        passes(prompt("mj-v7", "a teapot — v 6"));
        passes(prompt("mj-v8.2", "a teapot --ar 16:9 --s 500"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fast", "--turbo", "--draft"})
    void speedFlagsAreAcceptedBecauseEvolinkStripsThem(String flag) {
        passes(prompt("mj-v7", "a red teapot " + flag));
        passes(prompt("mj-v8.1", "a red teapot " + flag + " --ar 3:2"));
    }

    // --- the V7 prompt-guide table

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        --c 0, --c 100, --c 101, --c -1
        --chaos 50, --chaos 100, --chaos 101, --chaos 1.5
        --s 0, --s 1000, --s 1001, --s high
        --stylize 250, --stylize 1000, --stylize 1001, --stylize -1
        --w 0, --w 3000, --w 3001, --w -1
        --weird 10, --weird 3000, --weird 3001, --weird 1e3
        --exp 0, --exp 100, --exp 101, --exp -1
        --seed 0, --seed 4294967295, --seed 4294967296, --seed -1
        --q 1, --q 4, --q 3, --q 0.5
        --quality 2, --quality 4, --quality 8, --quality 1.0
        --ar 1:1, --ar 21:9, --ar 0:1, --ar 16/9
        --aspect 2:3, --aspect 100:1, --aspect 1.5:1, --aspect 16:9:1
        """)
    void promptGuideRanges(String min, String max, String beyond, String malformed) {
        passes(prompt("mj-v7", "a red teapot " + min));
        passes(prompt("mj-v7", "a red teapot " + max));
        assertThat(rejected(prompt("mj-v7", "a red teapot " + beyond), "prompt").getRule())
                .contains(beyond.split(" ")[0]);
        rejected(prompt("mj-v7", "a red teapot " + malformed), "prompt");
    }

    @Test
    void imageWeightNeedsAnImagePromptAndIsZeroToThree() {
        passes(prompt("mj-v7", IMG + " a cat --iw 0"));
        passes(prompt("mj-v7", IMG + " a cat --iw 3"));
        passes(prompt("mj-v7", IMG + " a cat --iw 1.25"));
        rejected(prompt("mj-v7", IMG + " a cat --iw 3.01"), "prompt");
        assertThat(rejected(prompt("mj-v7", "a cat --iw 2"), "prompt").getRule()).contains("no image prompt");
    }

    @Test
    void styleReferenceFlagsDependOnSref() {
        String sref = " --sref https://example.com/style.png";
        passes(prompt("mj-v7", "a cat" + sref + " --sw 0 --sv 1"));
        passes(prompt("mj-v7", "a cat" + sref + " --sw 1000 --sv 6"));
        rejected(prompt("mj-v7", "a cat" + sref + " --sw 1001"), "prompt");
        rejected(prompt("mj-v7", "a cat" + sref + " --sv 7"), "prompt");
        rejected(prompt("mj-v7", "a cat" + sref + " --sv 0"), "prompt");
        assertThat(rejected(prompt("mj-v7", "a cat --sw 100"), "prompt").getRule()).contains("--sref");
        assertThat(rejected(prompt("mj-v7", "a cat --sv 4"), "prompt").getRule()).contains("--sref");
        assertThat(rejected(prompt("mj-v7", IMG + " https://example.com/b.png" + sref), "prompt").getRule())
                .contains("text");
        rejected(prompt("mj-v7", "a cat --sref"), "prompt");
    }

    @Test
    void objectReferenceRules() {
        String oref = " --oref https://example.com/object.png";
        passes(prompt("mj-v7", "a cat" + oref + " --ow 1"));
        passes(prompt("mj-v7", "a cat" + oref + " --ow 1000 --q 2"));
        rejected(prompt("mj-v7", "a cat" + oref + " --ow 0"), "prompt");
        rejected(prompt("mj-v7", "a cat" + oref + " --ow 1001"), "prompt");
        assertThat(rejected(prompt("mj-v7", "a cat --ow 100"), "prompt").getRule()).contains("--oref");
        assertThat(rejected(prompt("mj-v7", "a cat" + oref + " --q 4"), "prompt").getRule()).contains("--q 4");
        assertThat(rejected(minimal("mj-v7", b -> b.prompt("a cat" + oref).modelParam("speed", "turbo")), "prompt")
                .getRule()).contains("speed", "turbo");
        rejected(minimal("mj-v7", b -> b.prompt("a cat" + oref).modelParam("speed", "draft")), "prompt");
        passes(minimal("mj-v7", b -> b.prompt("a cat" + oref).modelParam("speed", "fast")));
        assertThat(rejected(minimal("mj-v7-pan", b -> b.prompt("a cat" + oref)), "prompt").getRule())
                .contains("pan");
        rejected(minimal("mj-v7-inpaint", b -> b.prompt("a cat" + oref)), "prompt");
        rejected(minimal("mj-v7-outpaint", b -> b.prompt("a cat" + oref)), "prompt");
        passes(minimal("mj-v7-remix", b -> b.prompt("a cat" + oref)));
    }

    @Test
    void textAfterTheParametersIsCaughtByTheValueCheck() {
        assertThat(rejected(prompt("mj-v7", "a cat --s 500 on a roof"), "prompt").getRule())
                .contains("nothing may follow the parameters");
    }

    @Test
    void theGuideTableIsV7s() {
        passes(prompt("mj-v8.1", "a red teapot --s 5000 --c 500"));
        passes(prompt("mj-v8.2", "a red teapot --sv 4"));
        rejected(prompt("mj-v7-remix", "a red teapot --s 5000"), "prompt");
    }

    @Test
    void followUpPromptsGetTheFlagRules() {
        rejected(minimal("mj-v7-variation", b -> b.prompt("stronger --c 200")), "prompt");
        rejected(minimal("mj-v7-edit", b -> b.prompt("fill --niji")), "prompt");
        passes(minimal("mj-v7-edit", b -> b.prompt("fill it with flowers --ar 1:1")));
    }

    @Test
    void anEmptyKeywordValueIsLeftToEvolinkAsNoRuleIsDocumented() {
        passes(prompt("mj-v7-pan", "wider sky --no "));
        passes(prompt("mj-v7", "a red teapot --no"));
    }

    private static String images(int count) {
        return IntStream.range(0, count).mapToObj(i -> "https://example.com/r" + i + ".jpg")
                .collect(Collectors.joining(" "));
    }

    private static CreateTaskRequest prompt(String model, String prompt) {
        return minimal(model, b -> b.prompt(prompt));
    }

    private static void passes(CreateTaskRequest request) {
        assertThatCode(() -> VALIDATOR.validate(request)).as(request.getPrompt()).doesNotThrowAnyException();
    }
}
