package org.camelevolink.component.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camelevolink.component.Waiting.waitingFor;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;

/**
 * The catalog is one reading of evolink-api.md, the simulator another, written apart. Over real HTTP: what the
 * catalog accepts the simulator accepts, and what the catalog refuses the simulator refuses with 400 naming the
 * same field in {@code error.param}. A failure here is a disagreement between the readings, to be settled
 * against the docs, not by copying one into the other.
 */
class SimulatorAgreementTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-simulator";

    static Stream<String> models() {
        return CATALOG.all().stream().map(ModelSpec::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void minimalRequestIsAcceptedByBoth(String model) throws Exception {
        ModelSpec spec = TestRequests.spec(model);
        CreateTaskRequest request = TestRequests.minimal(spec, source(spec));
        accepted(request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void requestWithEveryFieldIsAcceptedByBoth(String model) throws Exception {
        ModelSpec spec = TestRequests.spec(model);
        CreateTaskRequest request = TestRequests.rich(spec, source(spec));
        accepted(request);
    }

    /**
     * Was a disagreement (simulator fixed): the simulator required model_params.mask on mj-v8.2-upload-paint.
     * evolink-api.md 2.4 says of
     * mj-v8.2-upload-paint "Mask, canvas and img_pos as for v8.2-edit", and of mj-v8.2-edit "`mask` optional";
     * it says "mask required" only for the V7 and V8.1 upload-paint. The catalog reads the V8.2 line as written.
     */
    @Test
    void v82UploadPaintWithoutMask() throws Exception {
        accepted(TestRequests.minimal(TestRequests.spec("mj-v8.2-upload-paint"), TestRequests.TASK_ID));
    }

    /**
     * Was a disagreement (simulator fixed): the simulator ran mj-v8.2-edit on an mj-v8.2-upload-paint task.
     * evolink-api.md 2.4, mj-v8.2-edit: "`task_id`: completed mj-v8.2 series task (image generation, variation,
     * remix or edit)" - upload-paint is none of the four.
     */
    @Test
    void v82EditFromAnUploadPaintTask() throws Exception {
        sourceRulesRefusedByBoth("mj-v8.2-edit", "mj-v8.2-upload-paint", null, null);
    }

    /*
     * Where the docs are silent the readings may differ without either being wrong; these are reported, not tested:
     * - flag ranges in V8.x prompts: the catalog checks the prompt-guide table for V7 only (the guide is
     *   "midjourney-v7-prompt-guide"; 2.3 carries over only "the same image-to-image rules" to V8.1); the
     *   simulator applies the V7 ranges to V8.1 too ("a cat --s 5000" on mj-v8.1: 400 prompt).
     * - remove-bg results as a source: nothing in the docs; the catalog lets EvoLink judge, the simulator refuses
     *   them for every follow-up (400 model_params.task_id "remove-bg results cannot be used as a source task").
     */

    /**
     * Flags V8.2 does not support: "passed through and explicitly rejected by the upstream: the task fails with
     * a parameter error (invalid_parameters)" (evolink-api.md 2.4). The catalog refuses them before sending; the
     * simulator refuses --cref and --stop at create and, like EvoLink, fails the task for --oref.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--oref https://example.com/o.png", "--cref https://example.com/c.png", "--stop 80"})
    void v82UnsupportedFlagsRefusedByBoth(String flag) throws Exception {
        CreateTaskRequest request = TestRequests.minimal("mj-v8.2", b -> b.prompt("a cat " + flag));
        EvolinkValidationException ours = catchThrowableOfType(EvolinkValidationException.class,
                () -> VALIDATOR.validate(request));
        assertThat(ours).isNotNull();
        assertThat(ours.getField()).isEqualTo("prompt");
        assertRefusedBySimulator(request, "prompt");
    }

    /** (name, model, change to the minimal request, the field both must name) */
    static Stream<Arguments> refusals() {
        String longUrl = "https://example.com/" + "a".repeat(1010) + ".png";
        String images21 = IntStream.range(0, 21).mapToObj(i -> "https://example.com/r" + i + ".png")
                .collect(Collectors.joining(" "));
        Map<String, Object> bothMasks = new HashMap<>(TestRequests.areas());
        bothMasks.put("url", "https://example.com/mask.png");
        return Stream.of(
                refusal("prompt missing", "mj-v7", b -> b.prompt(null), "prompt"),
                refusal("prompt over 8192", "mj-v7", b -> b.prompt("a".repeat(8193)), "prompt"),
                refusal("V8.1 prompt over 1024", "mj-v8.1", b -> b.prompt("a".repeat(1025)), "prompt"),
                refusal("V8.2 prompt over 2048", "mj-v8.2", b -> b.prompt("a".repeat(2049)), "prompt"),
                refusal("remix prompt missing", "mj-v7-remix", b -> b.prompt(null), "prompt"),
                refusal("prompt on upscale", "mj-v7-upscale", b -> b.prompt("sharper"), "prompt"),
                refusal("prompt on remove-bg", "mj-v7-remove-bg", b -> b.prompt("cut out"), "prompt"),
                refusal("prompt on V8.1 variation", "mj-v8.1-variation", b -> b.prompt("stronger"), "prompt"),
                refusal("one image prompt without text", "mj-v7", b -> b.prompt("https://example.com/a.png"),
                        "prompt"),
                refusal("21 image prompts", "mj-v7", b -> b.prompt(images21 + " a collage"), "prompt"),
                refusal("--niji in V7", "mj-v7", b -> b.prompt("a cat --niji 6"), "prompt"),
                refusal("--c 101", "mj-v7", b -> b.prompt("a cat --c 101"), "prompt"),
                refusal("image_urls on mj-v7", "mj-v7", b -> b.imageUrl(TestRequests.IMAGE), "image_urls"),
                refusal("upload-paint without image", "mj-v7-upload-paint", b -> b.imageUrls(List.of()),
                        "image_urls"),
                refusal("remove-bg two images", "mj-v7-remove-bg", b -> b.imageUrl(TestRequests.IMAGE),
                        "image_urls"),
                refusal("remove-bg tiff", "mj-v7-remove-bg",
                        b -> b.imageUrls(List.of("https://example.com/a.tiff")), "image_urls"),
                refusal("V8.2 remove-bg webp", "mj-v8.2-remove-bg",
                        b -> b.imageUrls(List.of("https://example.com/a.webp")), "image_urls"),
                refusal("V8.2 upload-paint URL over 1024", "mj-v8.2-upload-paint",
                        b -> b.imageUrls(List.of(longUrl)), "image_urls"),
                refusal("quality on V7", "mj-v7", b -> b.quality("standard"), "quality"),
                refusal("quality hd with draft", "mj-v8.1", b -> b.quality("hd").modelParam("speed", "draft"),
                        "quality"),
                refusal("quality 4k", "mj-v8.2", b -> b.quality("4k"), "quality"),
                refusal("V7 speed relax", "mj-v7", b -> b.modelParam("speed", "relax"), "model_params.speed"),
                refusal("V8.1 speed turbo", "mj-v8.1", b -> b.modelParam("speed", "turbo"), "model_params.speed"),
                refusal("V8.2 remix speed turbo", "mj-v8.2-remix", b -> b.modelParam("speed", "turbo"),
                        "model_params.speed"),
                refusal("speed on enhance", "mj-v7-enhance", b -> b.modelParam("speed", "fast"),
                        "model_params.speed"),
                refusal("image_number 4", "mj-v7-upscale", b -> b.modelParam("image_number", 4),
                        "model_params.image_number"),
                refusal("image_number as a string", "mj-v7-variation", b -> b.modelParam("image_number", "1"),
                        "model_params.image_number"),
                refusal("V8.2 image_number 24", "mj-v8.2-variation", b -> b.modelParam("image_number", 24),
                        "model_params.image_number"),
                refusal("upscale type fast", "mj-v7-upscale", b -> b.modelParam("type", "fast"),
                        "model_params.type"),
                refusal("outpaint scale 2.5", "mj-v7-outpaint", b -> b.modelParam("scale", 2.5),
                        "model_params.scale"),
                refusal("pan scale 1.0", "mj-v7-pan", b -> b.modelParam("scale", 1.0), "model_params.scale"),
                refusal("pan direction north", "mj-v7-pan", b -> b.modelParam("direction", "north"),
                        "model_params.direction"),
                refusal("unknown model_params key", "mj-v7-upscale", b -> b.modelParam("zoom", 2),
                        "model_params.zoom"),
                refusal("task_id format", "mj-v7-upscale", b -> b.modelParam("task_id", "abc123"),
                        "model_params.task_id"),
                refusal("inpaint without mask", "mj-v7-inpaint", b -> b.modelParam("mask", null),
                        "model_params.mask"),
                refusal("mask with areas and url", "mj-v7-inpaint", b -> b.modelParam("mask", bothMasks),
                        "model_params.mask"),
                refusal("V7 mask data URI", "mj-v7-inpaint",
                        b -> b.modelParam("mask", Map.of("url", "data:image/png;base64,iVBORw0KGgo=")),
                        "model_params.mask.url"),
                refusal("edit without canvas", "mj-v7-edit", b -> b.modelParam("canvas", null),
                        "model_params.canvas"),
                refusal("canvas width 0", "mj-v7-edit",
                        b -> b.modelParam("canvas", Map.of("width", 0, "height", 1024)), "model_params.canvas.width"),
                refusal("callback over http", "mj-v7", b -> b.callbackUrl("http://example.com/hook"),
                        "callback_url"),
                refusal("callback to loopback", "mj-v7", b -> b.callbackUrl("https://127.0.0.1/hook"),
                        "callback_url"),
                refusal("callback over 2048 characters", "mj-v7",
                        b -> b.callbackUrl("https://example.com/" + "a".repeat(2029)), "callback_url"),
                refusal("--v 6 in V7", "mj-v7", b -> b.prompt("a cat --v 6"), "prompt"),
                refusal("--stop in V7", "mj-v7", b -> b.prompt("a cat --stop 50"), "prompt"),
                refusal("--hd in a V8.1 prompt", "mj-v8.1", b -> b.prompt("a cat --hd"), "prompt"),
                refusal("--sw without --sref", "mj-v7", b -> b.prompt("a cat --sw 100"), "prompt"),
                refusal("--iw without an image prompt", "mj-v7", b -> b.prompt("a cat --iw 2"), "prompt"),
                refusal("--oref at turbo", "mj-v7", b -> b.prompt("a cat --oref https://example.com/o.png")
                        .modelParam("speed", "turbo"), "prompt"),
                refusal("--ar 0:1", "mj-v7", b -> b.prompt("a cat --ar 0:1"), "prompt"),
                refusal("--q 3", "mj-v7", b -> b.prompt("a cat --q 3"), "prompt"),
                refusal("--seed 4294967296", "mj-v7", b -> b.prompt("a cat --seed 4294967296"), "prompt"),
                refusal("tiff image prompt", "mj-v7", b -> b.prompt("https://example.com/a.tiff a cat"), "prompt"),
                refusal("upload-paint bmp", "mj-v7-upload-paint",
                        b -> b.imageUrls(List.of("https://example.com/a.bmp")), "image_urls"),
                refusal("mask of an odd count of coordinates", "mj-v7-inpaint", b -> b.modelParam("mask",
                        Map.of("areas", List.of(Map.of("width", 100, "height", 100, "points", List.of(10, 10, 90))))),
                        "model_params.mask.areas[0].points"),
                refusal("mask coordinate not a whole number", "mj-v7-inpaint", b -> b.modelParam("mask",
                        Map.of("areas", List.of(Map.of("width", 100, "height", 100,
                                "points", List.of(10, 10, 10, 50.5, 90, 90))))),
                        "model_params.mask.areas[0].points"),
                refusal("img_pos without y", "mj-v7-edit",
                        b -> b.modelParam("img_pos", Map.of("width", 512, "height", 512, "x", 0)),
                        "model_params.img_pos.y"));
    }

    /** (name, model, change) edges the catalog accepts: the simulator must too. */
    static Stream<Arguments> acceptedEdges() {
        String images20 = IntStream.range(0, 20).mapToObj(i -> "https://example.com/r" + i + ".jpg")
                .collect(Collectors.joining(" "));
        return Stream.of(
                Arguments.of("20 image prompts", "mj-v7", change(b -> b.prompt(images20 + " a collage"))),
                Arguments.of("two image prompts, no text", "mj-v7",
                        change(b -> b.prompt("https://example.com/a.png https://example.com/b.webp"))),
                Arguments.of("guide maxima", "mj-v7", change(b -> b.prompt("a cat --ar 21:9 --c 100 --s 1000 "
                        + "--w 3000 --exp 100 --q 4 --seed 4294967295 --raw --tile --no dogs, birds"))),
                Arguments.of("style reference maxima", "mj-v7",
                        change(b -> b.prompt("a cat --sref https://example.com/s.png --sw 1000 --sv 6"))),
                Arguments.of("object reference at fast", "mj-v7",
                        change(b -> b.prompt("a cat --oref https://example.com/o.png --ow 1000"))),
                Arguments.of("image weight 3", "mj-v7", change(b -> b.prompt("https://example.com/a.png a cat --iw 3"))),
                Arguments.of("--turbo in a prompt (EvoLink strips it)", "mj-v7", change(b -> b.prompt("a cat --turbo"))),
                Arguments.of("V8.1 quality standard at draft", "mj-v8.1",
                        change(b -> b.quality("standard").modelParam("speed", "draft"))),
                Arguments.of("V8.2 mask data URI", "mj-v8.2-edit", change(b -> b.modelParam("mask",
                        Map.of("url", "data:image/png;base64,iVBORw0KGgo=")))),
                // polygon limits are not documented (evolink-api.md 2.2 [NF]); both once refused these
                Arguments.of("mask point outside its area (as in EvoLink's inpaint example)", "mj-v7-inpaint",
                        change(b -> b.modelParam("mask", Map.of("areas", List.of(Map.of("width", 200, "height", 200,
                                "points", List.of(50, 50, 50, 250, 250, 250, 250, 50))))))),
                Arguments.of("mask of two points", "mj-v7-inpaint", change(b -> b.modelParam("mask", Map.of("areas",
                        List.of(Map.of("width", 100, "height", 100, "points", List.of(10, 10, 90, 90))))))),
                Arguments.of("mask area of zero width and negative coordinates", "mj-v7-edit",
                        change(b -> b.modelParam("mask", Map.of("areas", List.of(Map.of("width", 0, "height", 100,
                                "points", List.of(-10, 0, 50, 0, 50, 120))))))),
                Arguments.of("V7 mask image url", "mj-v7-inpaint",
                        change(b -> b.modelParam("mask", Map.of("url", "https://example.com/mask.png")))),
                Arguments.of("V8.1 upload-paint mask url", "mj-v8.1-upload-paint",
                        change(b -> b.modelParam("mask", Map.of("url", "https://example.com/mask.png")))),
                Arguments.of("upper-case extension and a query", "mj-v7-remove-bg",
                        change(b -> b.imageUrls(List.of("https://example.com/a.PNG?x=1.tiff")))),
                Arguments.of("pan scale 1.1", "mj-v7-pan", change(b -> b.modelParam("scale", 1.1))),
                Arguments.of("pan scale 3", "mj-v7-pan", change(b -> b.modelParam("scale", 3))),
                Arguments.of("outpaint scale 2.0", "mj-v7-outpaint", change(b -> b.modelParam("scale", 2.0))),
                Arguments.of("negative img_pos offsets", "mj-v7-edit",
                        change(b -> b.modelParam("img_pos", Map.of("width", 512, "height", 512, "x", -100, "y", -5)))),
                Arguments.of("variation prompt with turbo", "mj-v7-variation",
                        change(b -> b.prompt("more dramatic").modelParam("speed", "turbo"))),
                Arguments.of("speed without prompt on pan", "mj-v7-pan", change(b -> b.modelParam("speed", "turbo"))),
                Arguments.of("callback of 2048 characters", "mj-v7",
                        change(b -> b.callbackUrl("https://example.com/" + "a".repeat(2028)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedEdges")
    void edgesAcceptedByBoth(String name, String model, Consumer<CreateTaskRequest.Builder> change) throws Exception {
        ModelSpec spec = TestRequests.spec(model);
        CreateTaskRequest.Builder b = TestRequests.minimal(spec, source(spec)).toBuilder();
        change.accept(b);
        accepted(b.build());
    }

    /** (follow-up, source model, source speed, image_number or null) the catalog accepts once it knows the source. */
    static Stream<Arguments> sourceAcceptances() {
        return Stream.of(
                Arguments.of("mj-v7-upscale", "mj-v7-retexture", null, null),
                Arguments.of("mj-v7-upscale", "mj-v7-variation", null, 3),
                Arguments.of("mj-v7-upscale", "mj-v7-enhance", null, null),
                Arguments.of("mj-v7-variation", "mj-v7-upscale", null, null),
                Arguments.of("mj-v7-pan", "mj-v7-upscale", null, null),
                Arguments.of("mj-v7-remix", "mj-v7-upload-paint", null, null),
                Arguments.of("mj-v7-inpaint", "mj-v7-pan", null, null),
                Arguments.of("mj-v7-enhance", "mj-v7", "draft", 3),
                Arguments.of("mj-v8.1-remix", "mj-v8.1-upload-paint", null, null),
                Arguments.of("mj-v8.1-variation", "mj-v8.1", "draft", 3),
                Arguments.of("mj-v8.2-edit", "mj-v8.2-edit", null, null),
                Arguments.of("mj-v8.2-variation", "mj-v8.2", "draft", 23),
                Arguments.of("mj-v8.2-remix", "mj-v8.2", "draft", 23),
                Arguments.of("mj-v8.2-edit", "mj-v8.2", "draft", 23));
    }

    @ParameterizedTest(name = "{0} from {1} ({2}) image {3}")
    @MethodSource("sourceAcceptances")
    void sourcesAcceptedByBoth(String followUp, String sourceModel, String sourceSpeed, Integer image)
            throws Exception {
        String sourceId = finishedTask(sourceModel, sourceSpeed);
        CreateTaskRequest request = TestRequests.minimal(TestRequests.spec(followUp), sourceId).toBuilder()
                .modelParam("image_number", image).build();
        assertThatCode(() -> VALIDATOR.validateSource(request, sourceModel, sourceSpeed)).doesNotThrowAnyException();
        accepted(request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedByBothNamingTheSameField(String name, String model, Consumer<CreateTaskRequest.Builder> change,
            String field) throws Exception {
        ModelSpec spec = TestRequests.spec(model);
        CreateTaskRequest.Builder b = TestRequests.minimal(spec, source(spec)).toBuilder();
        change.accept(b);
        CreateTaskRequest request = b.build();
        EvolinkValidationException ours = catchThrowableOfType(EvolinkValidationException.class,
                () -> VALIDATOR.validate(request));
        assertThat(ours).as("the catalog refuses " + name).isNotNull();
        assertThat(ours.getField()).isEqualTo(field);
        HttpResponse<String> theirs = post(request);
        assertThat(theirs.statusCode()).as("the simulator answers %s with: %s", name, theirs.body()).isEqualTo(400);
        assertThat(JSON.readTree(theirs.body()).path("error").path("param").asText(null))
                .as("the simulator's error.param for %s: %s", name, theirs.body()).isEqualTo(field);
    }

    /** (follow-up, source model, source speed, image_number or null) the catalog refuses once it knows the source. */
    static Stream<Arguments> sourceRefusals() {
        return Stream.of(
                Arguments.of("mj-v7-upscale", "mj-v7-upscale", null, null),
                Arguments.of("mj-v7-enhance", "mj-v7", "fast", null),
                Arguments.of("mj-v7-enhance", "mj-v7-variation", null, null),
                Arguments.of("mj-v7-variation", "mj-v7-retexture", null, null),
                Arguments.of("mj-v7-pan", "mj-v7-retexture", null, null),
                Arguments.of("mj-v7-variation", "mj-v8.1", "fast", null),
                Arguments.of("mj-v8.1-remix", "mj-v7", "fast", null),
                Arguments.of("mj-v8.2-edit", "mj-v8.2", "fast", 4),
                Arguments.of("mj-v7-variation", "mj-v7-upscale", null, 1),
                Arguments.of("mj-v8.2-variation", "mj-v8.2-remix", null, 4));
    }

    @ParameterizedTest(name = "{0} from {1} ({2}) image {3}")
    @MethodSource("sourceRefusals")
    void sourceRulesRefusedByBoth(String followUp, String sourceModel, String sourceSpeed, Integer image)
            throws Exception {
        String sourceId = finishedTask(sourceModel, sourceSpeed);
        CreateTaskRequest request = TestRequests.minimal(TestRequests.spec(followUp), sourceId).toBuilder()
                .modelParam("image_number", image).build();
        assertThatCode(() -> VALIDATOR.validate(request)).doesNotThrowAnyException();
        EvolinkValidationException ours = catchThrowableOfType(EvolinkValidationException.class,
                () -> VALIDATOR.validateSource(request, sourceModel, sourceSpeed));
        assertThat(ours).as("the catalog refuses the source").isNotNull();
        assertRefusedBySimulator(request, ours.getField());
    }

    /** A finished task of {@code model}, itself fed by a finished source where it needs one; masks included. */
    private static String finishedTask(String model, String speed) {
        ModelSpec spec = TestRequests.spec(model);
        return finished(TestRequests.minimal(spec, source(spec)).toBuilder()
                .modelParam("speed", speed)
                .modelParam("mask", spec.acceptsParam("mask") ? TestRequests.areas() : null)
                .imageUrls(spec.requiresImageUrls() ? List.of(uploadedImage()) : List.of()).build());
    }

    /**
     * An input image the simulator can fetch: uploaded through its files API. Square, as the square canvas and
     * img_pos of the minimal requests: V8.x upload-paint fails a task whose image has another aspect ratio, so a
     * 4:3 image made a source task fail or complete depending on whether completeTask came before the image was read.
     */
    private static String uploadedImage() {
        try {
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            String body = JSON.writeValueAsString(Map.of("base64_data", "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(png.toByteArray()), "file_name", "input.png"));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SIM.simulator().filesBaseUrl()
                    + "/api/v1/files/upload/base64")).header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body()).path("data").path("file_url").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Consumer<CreateTaskRequest.Builder> change(Consumer<CreateTaskRequest.Builder> change) {
        return change;
    }

    private static Arguments refusal(String name, String model, Consumer<CreateTaskRequest.Builder> change,
            String field) {
        return Arguments.of(name, model, change, field);
    }

    /**
     * Refused either at create (400 naming {@code field}) or, as EvoLink documents for what only the upstream
     * judges, accepted and then failed with invalid_parameters: same verdict, nothing charged either way.
     */
    private static void assertRefusedBySimulator(CreateTaskRequest request, String field) throws Exception {
        HttpResponse<String> theirs = post(request);
        if (theirs.statusCode() == 200) {
            JsonNode task = terminal(JSON.readTree(theirs.body()).path("id").asText());
            assertThat(task.path("status").asText()).as("the simulator accepted, then: %s", task).isEqualTo("failed");
            assertThat(task.path("error").path("code").asText()).isEqualTo("invalid_parameters");
            return;
        }
        assertThat(theirs.statusCode()).as("the simulator answers: %s", theirs.body()).isBetween(400, 499);
        if (theirs.statusCode() == 400) {
            assertThat(JSON.readTree(theirs.body()).path("error").path("param").asText(null))
                    .as("the simulator's error.param: %s", theirs.body()).isEqualTo(field);
        }
    }

    private static void accepted(CreateTaskRequest request) throws Exception {
        assertThatCode(() -> VALIDATOR.validate(request)).as("the catalog accepts " + request)
                .doesNotThrowAnyException();
        HttpResponse<String> response = post(request);
        assertThat(response.statusCode()).as("the simulator answers %s with: %s", JSON.writeValueAsString(request),
                response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("id").asText()).startsWith("task-unified-");
    }

    /** A finished task the follow-up accepts: the family's generation (a draft one for enhance). */
    private static String source(ModelSpec followUp) {
        if (!followUp.needsSourceTask()) {
            return TestRequests.TASK_ID;
        }
        SourceRule rule = followUp.sourceRule().orElseThrow();
        String generation = followUp.familyRules().generationModel();
        return finished(TestRequests.minimal(generation, b -> {
            if (rule.speeds().contains("draft")) {
                b.modelParam("speed", "draft");
            }
        }));
    }

    private static String finished(CreateTaskRequest request) {
        try {
            HttpResponse<String> created = post(request);
            assertThat(created.statusCode()).as("source task: %s", created.body()).isEqualTo(200);
            String id = JSON.readTree(created.body()).path("id").asText();
            SIM.simulator().completeTask(id);
            JsonNode task = terminal(id);
            assertThat(task.path("status").asText()).as("source task %s", task).isEqualTo("completed");
            return id;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task once it has ended, read through the task API. */
    private static JsonNode terminal(String id) {
        return waitingFor("task " + id + " to end").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> read(id), task -> List.of("completed", "failed").contains(task.path("status").asText()));
    }

    private static JsonNode read(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/v1/tasks/" + id))
                .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> post(CreateTaskRequest request) throws IOException, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/v1/images/generations"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build();
        return HTTP.send(http, HttpResponse.BodyHandlers.ofString());
    }

}
