package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.completed;
import static org.camelevolink.simulator.behaviour.Support.result;
import static org.camelevolink.simulator.behaviour.Support.task;

/**
 * Results are real PNGs the simulator serves (issue 3 "Real images as results"): their shape follows the prompt and
 * the operation, inputs are read from their URLs, and an unreadable input fails the task (§5
 * {@code image_processing_error}).
 */
class ResultImagesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(256).allowInsecureCallbacks(true));

    private SimHttp http;
    private LoopbackServer outside;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        outside = new LoopbackServer();
    }

    @AfterEach
    void tearDown() {
        outside.close();
    }

    private JsonNode runCompleted(Map<String, Object> body) {
        JsonNode t = http.run(body);
        assertThat(t.get("status").asText()).as(t.toString()).isEqualTo("completed");
        return t;
    }

    private String generation(String prompt) {
        return completed(SIM.simulator(), http, body("model", "mj-v7", "prompt", prompt));
    }

    @ParameterizedTest(name = "--ar {0}")
    @CsvSource({"16:9, 16, 9", "2:3, 2, 3", "1:1, 1, 1", "21:9, 21, 9"})
    void mjV7ReturnsFourPngsShapedByTheAspectRatio(String ar, int w, int h) {
        JsonNode t = runCompleted(body("model", "mj-v7", "prompt", "a wide valley --ar " + ar));
        assertThat(t.get("results")).hasSize(4);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            images.add(result(http, t, i));
        }
        for (BufferedImage img : images) {
            double ratio = (double) img.getWidth() / img.getHeight();
            assertThat(ratio).isCloseTo((double) w / h, within(0.02));
            assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(256);
            if (w > h) {
                assertThat(img.getWidth()).isGreaterThan(img.getHeight());
            } else if (w < h) {
                assertThat(img.getWidth()).isLessThan(img.getHeight());
            }
        }
        assertThat(pixels(images.get(0))).as("four different pictures, not one repeated")
                .isNotEqualTo(pixels(images.get(1)));
    }

    @Test
    void draftImagesAreSmallerThanFastOnes() {
        JsonNode draft = runCompleted(body("model", "mj-v7", "prompt", "a valley --ar 1:1", "model_params",
                Map.of("speed", "draft")));
        assertThat(result(http, draft, 0).getWidth()).isLessThan(256);
    }

    @ParameterizedTest(name = "image_number {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void upscaleIsTheChosenSourceImageAtTwiceItsSize(int imageNumber) {
        String source = generation("four different castles --ar 3:2");
        JsonNode src = task(http, source);
        JsonNode up = runCompleted(body("model", "mj-v7-upscale", "model_params",
                Map.of("task_id", source, "image_number", imageNumber)));
        assertThat(up.get("results")).hasSize(1);
        BufferedImage big = result(http, up, 0);
        BufferedImage chosen = result(http, src, imageNumber);
        assertThat(big.getWidth()).isEqualTo(2 * chosen.getWidth());
        assertThat(big.getHeight()).isEqualTo(2 * chosen.getHeight());
        double[] distances = new double[4];
        for (int i = 0; i < 4; i++) {
            distances[i] = distance(big, result(http, src, i));
        }
        int closest = 0;
        for (int i = 1; i < 4; i++) {
            if (distances[i] < distances[closest]) {
                closest = i;
            }
        }
        assertThat(closest).as("distances %s", Arrays.toString(distances)).isEqualTo(imageNumber);
        assertThat(distances[imageNumber]).as("the upscale is that picture, enlarged").isLessThan(12);
    }

    @Test
    void enhanceOfADraftDoublesTheChosenImage() {
        String draft = completed(SIM.simulator(), http, body("model", "mj-v7", "prompt", "a draft --ar 1:1",
                "model_params", Map.of("speed", "draft")));
        BufferedImage chosen = result(http, task(http, draft), 2);
        JsonNode enhanced = runCompleted(body("model", "mj-v7-enhance", "model_params",
                Map.of("task_id", draft, "image_number", 2)));
        assertThat(enhanced.get("results")).hasSize(1);
        BufferedImage img = result(http, enhanced, 0);
        assertThat(img.getWidth()).isEqualTo(2 * chosen.getWidth());
        assertThat(img.getHeight()).isEqualTo(2 * chosen.getHeight());
    }

    @Test
    void removeBackgroundMakesTheBackgroundTransparentAndKeepsTheSubject() {
        String fileUrl = Support.upload(http, TestImages.png(120, 80));
        JsonNode t = runCompleted(body("model", "mj-v7-remove-bg", "image_urls", List.of(fileUrl)));
        assertThat(t.get("results")).hasSize(1);
        BufferedImage img = result(http, t, 0);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getWidth()).isEqualTo(120);
        assertThat(img.getHeight()).isEqualTo(80);
        int[][] corners = {{0, 0}, {119, 0}, {0, 79}, {119, 79}};
        for (int[] c : corners) {
            assertThat(alpha(img, c[0], c[1])).as("corner %s,%s", c[0], c[1]).isZero();
        }
        assertThat(alpha(img, 60, 40)).as("centre").isEqualTo(255);
        assertThat(img.getRGB(60, 40) & 0xff).as("the subject keeps its blue").isGreaterThan(150);
    }

    @Test
    void outpaintEnlargesBothSidesByTheScale() {
        String source = generation("a small island --ar 1:1");
        JsonNode t = runCompleted(body("model", "mj-v7-outpaint", "model_params",
                Map.of("task_id", source, "image_number", 1, "scale", 1.5)));
        assertThat(t.get("results")).hasSize(4);
        BufferedImage img = result(http, t, 0);
        assertThat(img.getWidth()).isEqualTo(384);
        assertThat(img.getHeight()).isEqualTo(384);
    }

    @ParameterizedTest(name = "pan {0} x{1}")
    @CsvSource({"right, 2.0, 512, 256", "left, 1.5, 384, 256", "up, 2.0, 256, 512", "down, 1.5, 256, 384"})
    void panExtendsTowardsTheDirection(String direction, double scale, int width, int height) {
        String source = generation("a long road --ar 1:1");
        JsonNode t = runCompleted(body("model", "mj-v7-pan", "model_params",
                Map.of("task_id", source, "direction", direction, "scale", scale)));
        BufferedImage img = result(http, t, 0);
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
    }

    @Test
    void editDrawsTheSourceOnACanvasOfTheRequestedSize() {
        String source = generation("a chair --ar 1:1");
        JsonNode t = runCompleted(body("model", "mj-v7-edit", "prompt", "the chair in a room", "model_params",
                Map.of("task_id", source, "canvas", Map.of("width", 400, "height", 300),
                        "img_pos", Map.of("width", 200, "height", 200, "x", 100, "y", 50))));
        assertThat(t.get("results")).hasSize(4);
        BufferedImage img = result(http, t, 0);
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getHeight()).isEqualTo(300);
    }

    @Test
    void uploadPaintReadsTheUploadedFileAndPaintsOnTheCanvas() {
        String fileUrl = Support.upload(http, TestImages.png(100, 100));
        JsonNode t = runCompleted(body("model", "mj-v7-upload-paint", "prompt", "a frame around it",
                "image_urls", List.of(fileUrl),
                "model_params", Map.of(
                        "canvas", Map.of("width", 320, "height", 240),
                        "img_pos", Map.of("width", 100, "height", 100, "x", 110, "y", 70),
                        "mask", Map.of("areas", List.of(Map.of("width", 320, "height", 240,
                                "points", List.of(0, 0, 0, 240, 100, 240, 100, 0)))))));
        BufferedImage img = result(http, t, 0);
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(240);
    }

    @Test
    void inputImagesAreReadOverHttpFromOtherServers() {
        outside.serve("/pictures/cat.png", "image/png", TestImages.png(90, 60));
        JsonNode t = runCompleted(body("model", "mj-v7-retexture", "prompt", "made of glass",
                "image_urls", List.of(outside.url("/pictures/cat.png"))));
        assertThat(outside.received("/pictures/cat.png")).isNotEmpty();
        BufferedImage img = result(http, t, 0);
        assertThat(img.getWidth()).isEqualTo(90);
        assertThat(img.getHeight()).isEqualTo(60);
    }

    @Test
    void resultLinksOfOneTaskServeAsInputsOfAnother() {
        JsonNode gen = task(http, generation("a mug --ar 3:2"));
        String link = gen.get("results").get(3).asText();
        BufferedImage original = result(http, gen, 3);
        JsonNode bg = runCompleted(body("model", "mj-v7-remove-bg", "image_urls", List.of(link)));
        BufferedImage img = result(http, bg, 0);
        assertThat(img.getWidth()).isEqualTo(original.getWidth());
        assertThat(img.getHeight()).isEqualTo(original.getHeight());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simulator-404", "outside-404", "outside-not-an-image"})
    void anUnreadableInputFailsTheTaskWithImageProcessingErrorAndRefunds(String kind) {
        outside.serve("/notes.png", "image/png", "this is text, not a picture".getBytes());
        String url = switch (kind) {
            case "simulator-404" -> SIM.baseUrl() + "/files/nope/missing.png";
            case "outside-404" -> outside.url("/gone.png");
            default -> outside.url("/notes.png");
        };
        double before = Support.credits(http).get("remaining_credits").asDouble();
        SimHttp.Answer created = http.create(body("model", "mj-v7-remove-bg", "image_urls", List.of(url)));
        assertThat(created.status()).as("the URL is well-formed: the submit is accepted").isEqualTo(200);
        assertThat(created.json().at("/usage/credits_reserved").asDouble()).isPositive();
        JsonNode t = http.awaitTerminal(created.json().get("id").asText());
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.at("/error/code").asText()).isEqualTo("image_processing_error");
        assertThat(t.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(t.has("results")).isFalse();
        assertThat(Support.credits(http).get("remaining_credits").asDouble()).as("refunded").isEqualTo(before);
    }

    @Test
    void theSamePromptAndSeedGiveTheSamePictures() {
        JsonNode a = runCompleted(body("model", "mj-v7", "prompt", "a fox --seed 1234"));
        JsonNode b = runCompleted(body("model", "mj-v7", "prompt", "a fox --seed 1234"));
        assertThat(http.get(a.get("results").get(0).asText()).bytes())
                .isEqualTo(http.get(b.get("results").get(0).asText()).bytes());
    }

    @Test
    void unknownIndexOrUnfinishedTaskHasNoImage() {
        JsonNode t = runCompleted(body("model", "mj-v7", "prompt", "four only"));
        String first = t.get("results").get(0).asText();
        assertThat(http.get(first.replace("/0.png", "/4.png")).status()).isEqualTo(404);
        assertThat(http.get(SIM.baseUrl() + "/media/task-unified-1-unknown0/0.png").status()).isEqualTo(404);
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1); // still running when failed
        String failed = Support.create(http, body("model", "mj-v7", "prompt", "will fail"));
        assertThat(SIM.simulator().failTask(failed, "service_error")).isTrue();
        assertThat(http.get(SIM.baseUrl() + "/media/" + failed + "/0.png").status()).isEqualTo(404);
    }

    private static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Mean channel difference between {@code big} sampled at every second pixel and {@code small}. */
    private static double distance(BufferedImage big, BufferedImage small) {
        if (big.getWidth() != 2 * small.getWidth() || big.getHeight() != 2 * small.getHeight()) {
            return Double.MAX_VALUE;
        }
        long sum = 0;
        long n = 0;
        for (int y = 0; y < small.getHeight(); y += 3) {
            for (int x = 0; x < small.getWidth(); x += 3) {
                int a = big.getRGB(2 * x, 2 * y);
                int b = small.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
                    n++;
                }
            }
        }
        return (double) sum / n;
    }
}
