package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.minimal;
import static org.camelevolink.component.catalog.TestRequests.rejected;

/** prompt, image_urls, quality (and its conflict with draft) and callback_url. */
class TopLevelFieldsTest {

    static Stream<String> promptRequired() {
        return CATALOG.all().stream().filter(ModelSpec::requiresPrompt).map(ModelSpec::id);
    }

    static Stream<String> promptAccepted() {
        return CATALOG.all().stream().filter(ModelSpec::acceptsPrompt).map(ModelSpec::id);
    }

    static Stream<String> promptRefused() {
        return CATALOG.all().stream().filter(m -> !m.acceptsPrompt()).map(ModelSpec::id);
    }

    static Stream<String> imageUrlsRequired() {
        return CATALOG.all().stream().filter(ModelSpec::requiresImageUrls).map(ModelSpec::id);
    }

    static Stream<String> imageUrlsRefused() {
        return CATALOG.all().stream().filter(m -> !m.acceptsImageUrls()).map(ModelSpec::id);
    }

    // --- prompt

    @ParameterizedTest(name = "{0}")
    @MethodSource("promptRequired")
    void requiredPromptMissingOrBlankFails(String model) {
        assertThat(rejected(minimal(model, b -> b.prompt(null)), "prompt").getRule()).isEqualTo("is required");
        rejected(minimal(model, b -> b.prompt("")), "prompt");
        rejected(minimal(model, b -> b.prompt("   ")), "prompt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promptAccepted")
    void promptLengthIsCappedPerModel(String model) {
        int max = TestRequests.spec(model).promptMaxLength();
        passes(minimal(model, b -> b.prompt("a".repeat(max))));
        String rule = rejected(minimal(model, b -> b.prompt("a".repeat(max + 1))), "prompt").getRule();
        assertThat(rule).contains(String.valueOf(max), String.valueOf(max + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promptRefused")
    void modelsWithoutPromptRefuseIt(String model) {
        assertThat(rejected(minimal(model, b -> b.prompt("make it nicer")), "prompt").getRule())
                .contains("not accepted");
        passes(minimal(model, b -> b.prompt(""))); // an empty prompt is not sent
    }

    @Test
    void optionalPromptsMayBeLeftOut() {
        for (String m : List.of("mj-v7-variation", "mj-v7-inpaint", "mj-v7-outpaint", "mj-v7-pan")) {
            passes(minimal(m, b -> b.prompt(null)));
            passes(minimal(m, b -> b.prompt("a cherry blossom tree")));
        }
    }

    // --- image_urls

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageUrlsRequired")
    void inputImageIsRequiredAndSingle(String model) {
        rejected(minimal(model, b -> b.imageUrls(List.of())), "image_urls");
        String rule = rejected(minimal(model, b -> b.imageUrls(List.of(TestRequests.IMAGE, TestRequests.IMAGE))),
                "image_urls").getRule();
        assertThat(rule).contains("at most 1");
        rejected(minimal(model, b -> b.imageUrls(List.of("ftp://example.com/a.png"))), "image_urls");
        rejected(minimal(model, b -> b.imageUrls(List.of("/tmp/a.png"))), "image_urls");
        rejected(minimal(model, b -> b.imageUrls(List.of("data:image/png;base64,AAAA"))), "image_urls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageUrlsRequired")
    void inputImageFormatsAreJudgedByThePathNotTheQuery(String model) {
        List<String> formats = TestRequests.spec(model).imageFormats();
        for (String f : formats) {
            passes(minimal(model, b -> b.imageUrls(List.of("https://cdn.example.com/in/photo." + f))));
            passes(minimal(model, b -> b.imageUrls(List.of("HTTP://cdn.example.com/in/PHOTO." + f.toUpperCase()
                    + "?sig=abc.tiff#x"))));
        }
        for (String f : List.of("tiff", "heic", "avif", "bmp", "svg")) {
            rejected(minimal(model, b -> b.imageUrls(List.of("https://cdn.example.com/in/photo." + f))),
                    "image_urls");
        }
        rejected(minimal(model, b -> b.imageUrls(List.of("https://cdn.example.com/render?format=png"))),
                "image_urls");
        rejected(minimal(model, b -> b.imageUrls(List.of("https://cdn.example.com/png/photo"))), "image_urls");
    }

    @Test
    void v82RemoveBgTakesOnlyPngAndJpeg() {
        passes(minimal("mj-v8.2-remove-bg", b -> b.imageUrls(List.of("https://example.com/a.jpeg"))));
        rejected(minimal("mj-v8.2-remove-bg", b -> b.imageUrls(List.of("https://example.com/a.webp"))), "image_urls");
        rejected(minimal("mj-v8.2-remove-bg", b -> b.imageUrls(List.of("https://example.com/a.gif"))), "image_urls");
        passes(minimal("mj-v8.1-remove-bg", b -> b.imageUrls(List.of("https://example.com/a.webp"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mj-v8.2-upload-paint", "mj-v8.2-retexture"})
    void v82InputUrlsAreAtMost1024Characters(String model) {
        String base = "https://example.com/";
        String exact = base + "a".repeat(1024 - base.length() - 4) + ".png";
        assertThat(exact).hasSize(1024);
        passes(minimal(model, b -> b.imageUrls(List.of(exact))));
        String rule = rejected(minimal(model, b -> b.imageUrls(List.of("https://example.com/a" + exact.substring(20)))),
                "image_urls").getRule();
        assertThat(rule).contains("1024");
        String v7 = model.replace("v8.2", "v7");
        passes(minimal(v7, b -> b.imageUrls(List.of(base + "a".repeat(3000) + ".png"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageUrlsRefused")
    void modelsWithoutInputImagesRefuseImageUrls(String model) {
        String rule = rejected(minimal(model, b -> b.imageUrl(TestRequests.IMAGE)), "image_urls").getRule();
        if (TestRequests.spec(model).isGeneration()) {
            assertThat(rule).contains("put image prompts at the start of the prompt");
        }
    }

    // --- quality

    @Test
    void qualityIsForV8GenerationOnly() {
        for (String m : List.of("mj-v8.1", "mj-v8.2")) {
            passes(minimal(m, b -> b.quality("standard")));
            passes(minimal(m, b -> b.quality("hd")));
            passes(minimal(m, b -> b.quality("hd").modelParam("speed", "fast")));
            passes(minimal(m, b -> b.quality("standard").modelParam("speed", "draft")));
            passes(minimal(m, b -> b.modelParam("speed", "draft")));
            rejected(minimal(m, b -> b.quality("HD")), "quality");
            rejected(minimal(m, b -> b.quality("4k")), "quality");
        }
        for (ModelSpec m : CATALOG.all()) {
            if (!m.acceptsQuality()) {
                assertThat(rejected(minimal(m.id(), b -> b.quality("standard")), "quality").getRule())
                        .contains("not accepted");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mj-v8.1", "mj-v8.2"})
    void hdAndDraftAreMutuallyExclusive(String model) {
        String rule = rejected(minimal(model, b -> b.quality("hd").modelParam("speed", "draft")), "quality")
                .getRule();
        assertThat(rule).contains("hd", "draft");
    }

    // --- callback_url

    @ParameterizedTest
    @ValueSource(strings = {"https://your-domain.com/webhooks/image-task-completed", "https://8.8.8.8/hook",
        "https://[2001:db8::1]:8443/hook", "HTTPS://Example.COM/hook?token=abc", "https://172.32.0.1/hook",
        "https://11.0.0.1/", "https://localhost.example.com/hook"})
    void publicHttpsCallbacksPass(String url) {
        passes(minimal("mj-v7", b -> b.callbackUrl(url)));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        http://your-domain.com/hook, HTTPS
        ftp://your-domain.com/hook, HTTPS
        /webhooks/done, absolute
        https:///nohost, absolute
        https://127.0.0.1/hook, private
        https://127.1/hook, private
        https://2130706433/hook, private
        https://10.1.2.3/hook, private
        https://172.16.0.1/hook, private
        https://172.31.255.255/hook, private
        https://192.168.1.20/hook, private
        https://169.254.169.254/latest/meta-data, private
        https://100.64.0.1/hook, private
        https://0.0.0.0/hook, private
        https://localhost/hook, private
        https://api.localhost/hook, private
        https://LOCALHOST./hook, private
        https://[::1]/hook, private
        https://[fe80::1]/hook, private
        https://[fd00::1]/hook, private
        https://[::ffff:127.0.0.1]/hook, private
        https://user@10.0.0.1/hook, private
        """)
    void callbacksThatEvolinkRefusesFail(String url, String why) {
        assertThat(rejected(minimal("mj-v7", b -> b.callbackUrl(url)), "callback_url").getRule()).contains(why);
    }

    @Test
    void callbackUrlsAreAtMost2048Characters() {
        String base = "https://example.com/";
        passes(minimal("mj-v7", b -> b.callbackUrl(base + "a".repeat(2048 - base.length()))));
        assertThat(rejected(minimal("mj-v7", b -> b.callbackUrl(base + "a".repeat(2049 - base.length()))),
                "callback_url").getRule()).contains("2048");
    }

    @Test
    void insecureCallbacksPassOnlyWhenAllowedForALocalSimulator() {
        RequestValidator local = new RequestValidator(CATALOG, true);
        for (String url : List.of("http://127.0.0.1:8080/callback", "https://localhost/cb", "http://10.0.0.5/cb")) {
            CreateTaskRequest r = minimal("mj-v7", b -> b.callbackUrl(url));
            assertThatCode(() -> local.validate(r)).doesNotThrowAnyException();
            rejected(r, "callback_url");
        }
        rejected(local, minimal("mj-v7", b -> b.callbackUrl("ftp://127.0.0.1/cb")), "callback_url");
        rejected(local, minimal("mj-v7", b -> b.callbackUrl("http://127.0.0.1/" + "a".repeat(2100))),
                "callback_url");
    }

    private static void passes(CreateTaskRequest request) {
        assertThatCode(() -> VALIDATOR.validate(request)).as(request.toString()).doesNotThrowAnyException();
    }
}
