package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.minimal;
import static org.camelevolink.component.catalog.TestRequests.rejected;

/** mask (areas or url), canvas and img_pos on every model that takes them. */
class ShapeRulesTest {

    static Stream<String> maskModels() {
        return CATALOG.all().stream().filter(m -> m.acceptsParam("mask")).map(ModelSpec::id);
    }

    static Stream<String> canvasModels() {
        return CATALOG.all().stream().filter(m -> m.acceptsParam("canvas")).map(ModelSpec::id);
    }

    @Test
    void theMaskModelsAreInpaintEditAndUploadPaint() {
        assertThat(maskModels()).containsExactlyInAnyOrder("mj-v7-inpaint", "mj-v7-edit", "mj-v7-upload-paint",
                "mj-v8.1-edit", "mj-v8.1-upload-paint", "mj-v8.2-edit", "mj-v8.2-upload-paint");
        assertThat(canvasModels()).containsExactlyInAnyOrder("mj-v7-edit", "mj-v7-upload-paint", "mj-v8.1-edit",
                "mj-v8.1-upload-paint", "mj-v8.2-edit", "mj-v8.2-upload-paint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskModels")
    void maskTakesExactlyOneOfAreasOrUrl(String model) {
        passes(mask(model, TestRequests.areas()));
        passes(mask(model, Map.of("url", "https://example.com/mask.png")));
        passes(mask(model, Map.of("areas", List.of(area(200, 200, 50, 50, 50, 250 - 50, 150, 150),
                area(10, 10, 0, 0, 10, 0, 10, 10, 0, 10)))));
        Map<String, Object> both = new HashMap<>(TestRequests.areas());
        both.put("url", "https://example.com/mask.png");
        assertThat(rejected(mask(model, both), "model_params.mask").getRule()).contains("not both");
        assertThat(rejected(mask(model, Map.of()), "model_params.mask").getRule()).contains("not neither");
        rejected(mask(model, Map.of("url", "https://example.com/mask.png", "invert", true)), "model_params.mask");
        rejected(mask(model, "https://example.com/mask.png"), "model_params.mask");
        rejected(mask(model, List.of(TestRequests.areas())), "model_params.mask");
    }

    /**
     * What the docs show of an area: integer width, height and points (x1,y1,x2,y2,...). Its limits (point count,
     * frame size, where the points lie) are not documented (evolink-api.md 2.2 [NF]) and left to EvoLink.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("maskModels")
    void maskAreasAreIntegerPolygons(String model) {
        String f = "model_params.mask.areas";
        String p = f + "[0].points";
        rejected(mask(model, Map.of("areas", List.of())), f);
        rejected(mask(model, Map.of("areas", "10,10,10,100")), f);
        rejected(mask(model, Map.of("areas", List.of("a polygon"))), f + "[0]");
        assertThat(rejected(mask(model, Map.of("areas", List.of(area(100, 100, 10, 10, 10, 100, 100)))), p)
                .getRule()).contains("even"); // odd count: not x,y pairs
        assertThat(rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 100,
                "points", List.of(10, 10, 10.5, 100, 100, 100))))), p).getRule()).contains("coordinate 2");
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 100,
                "points", List.of(10, 10, "10", 100, 100, 100))))), p);
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 100,
                "points", List.of(10, 10, 10, 100, 100, 3_000_000_000L))))), p);
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 100,
                "points", "10,10,10,100,100,100")))), p);
        assertThat(rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 100)))), p)
                .getRule()).contains("x,y");
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", "100", "height", 100,
                "points", List.of(10, 10, 10, 100, 100, 100))))), f + "[0].width");
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 10.5,
                "points", List.of(10, 10, 10, 100, 100, 100))))), f + "[0].height");
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", 3_000_000_000L, "height", 100,
                "points", List.of(10, 10, 10, 100, 100, 100))))), f + "[0].width");
        assertThat(rejected(mask(model, Map.of("areas", List.of(Map.of("height", 100,
                "points", List.of(10, 10, 10, 100, 100, 100))))), f + "[0].width").getRule()).isEqualTo("is required");
        rejected(mask(model, Map.of("areas", List.of(Map.of("width", 100, "height", 100, "closed", true,
                "points", List.of(10, 10, 10, 100, 100, 100))))), f + "[0]");
        rejected(mask(model, Map.of("areas", List.of(area(10, 10, 0, 0, 10, 0, 10, 10),
                area(10, 10, 0, 0, 20, 0, 10)))), f + "[1].points");
    }

    /** Was refused ("coordinate 3 must be ... within 0-200"): EvoLink's own mj-v7-inpaint example. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("maskModels")
    void undocumentedPolygonLimitsAreLeftToEvoLink(String model) {
        passes(mask(model, Map.of("areas", List.of(area(200, 200, 50, 50, 50, 250, 250, 250, 250, 50)))));
        passes(mask(model, Map.of("areas", List.of(area(100, 100, 10, 10, 10, 101, 100, 100))))); // y past height
        passes(mask(model, Map.of("areas", List.of(area(100, 100, 101, 10, 10, 100, 100, 100))))); // x past width
        passes(mask(model, Map.of("areas", List.of(area(100, 100, -1, 10, 10, 100, 100, 100))))); // negative
        passes(mask(model, Map.of("areas", List.of(area(100, 100, 10, 10, 10, 100))))); // two points
        passes(mask(model, Map.of("areas", List.of(area(100, 100))))); // no points
        passes(mask(model, Map.of("areas", List.of(area(0, 100, 0, 0, 0, 10, 0, 20))))); // zero width
        passes(mask(model, Map.of("areas", List.of(area(100, -5, 0, 0, 10, 0, 10, 0))))); // negative height
        passes(mask(model, Map.of("areas", List.of(area(8193, 100_000, 0, 0, 8193, 0, 8193, 100_000)))));
        passes(mask(model, Map.of("areas", List.of(area(10, 10, 0, 0, 10, 0, 10, 10),
                area(10, 10, 0, 0, 20, 0, 10, 10)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskModels")
    void maskUrlIsHttpOrForV82ADataUri(String model) {
        boolean v82 = TestRequests.spec(model).family().equals("v8.2");
        CreateTaskRequest dataUri = mask(model, Map.of("url", "data:image/png;base64,iVBORw0KGgo="));
        if (v82) {
            passes(dataUri);
        } else {
            assertThat(rejected(dataUri, "model_params.mask.url").getRule()).contains("V8.2");
        }
        rejected(mask(model, Map.of("url", "ftp://example.com/mask.png")), "model_params.mask.url");
        rejected(mask(model, Map.of("url", "mask.png")), "model_params.mask.url");
        rejected(mask(model, Map.of("url", "data:text/plain,hello")), "model_params.mask.url");
        rejected(mask(model, Map.of("url", 42)), "model_params.mask.url");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canvasModels")
    void canvasIsTwoPositiveWholeNumbers(String model) {
        passes(canvas(model, Map.of("width", 1, "height", 1)));
        passes(canvas(model, Map.of("width", 4096, "height", 2048)));
        rejected(canvas(model, Map.of("width", 0, "height", 1024)), "model_params.canvas.width");
        rejected(canvas(model, Map.of("width", 1024, "height", -1)), "model_params.canvas.height");
        rejected(canvas(model, Map.of("width", 1024.5, "height", 1024)), "model_params.canvas.width");
        rejected(canvas(model, Map.of("width", "1024", "height", 1024)), "model_params.canvas.width");
        rejected(canvas(model, Map.of("width", 3_000_000_000L, "height", 1024)), "model_params.canvas.width");
        assertThat(rejected(canvas(model, Map.of("width", 1024)), "model_params.canvas.height").getRule())
                .isEqualTo("is required");
        rejected(canvas(model, Map.of("width", 1024, "height", 1024, "x", 0)), "model_params.canvas");
        rejected(canvas(model, List.of(1024, 1024)), "model_params.canvas");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canvasModels")
    void imgPosIsAPositiveSizeAndWholeOffsets(String model) {
        passes(imgPos(model, Map.of("width", 512, "height", 512, "x", 0, "y", 0)));
        passes(imgPos(model, Map.of("width", 512, "height", 512, "x", -100, "y", 700)));
        rejected(imgPos(model, Map.of("width", 0, "height", 512, "x", 0, "y", 0)), "model_params.img_pos.width");
        rejected(imgPos(model, Map.of("width", 512, "height", 0, "x", 0, "y", 0)), "model_params.img_pos.height");
        rejected(imgPos(model, Map.of("width", 512, "height", 512, "x", 0.5, "y", 0)), "model_params.img_pos.x");
        assertThat(rejected(imgPos(model, Map.of("width", 512, "height", 512, "x", 0)), "model_params.img_pos.y")
                .getRule()).isEqualTo("is required");
        rejected(imgPos(model, Map.of("width", 512, "height", 512, "x", 0, "y", 0, "z", 1)),
                "model_params.img_pos");
        rejected(imgPos(model, "512x512+0+0"), "model_params.img_pos");
    }

    private static Map<String, Object> area(int width, int height, int... points) {
        return Map.of("width", width, "height", height, "points", java.util.Arrays.stream(points).boxed().toList());
    }

    private static CreateTaskRequest mask(String model, Object mask) {
        return minimal(model, b -> b.modelParam("mask", mask));
    }

    private static CreateTaskRequest canvas(String model, Object canvas) {
        return minimal(model, b -> b.modelParam("canvas", canvas));
    }

    private static CreateTaskRequest imgPos(String model, Object imgPos) {
        return minimal(model, b -> b.modelParam("img_pos", imgPos));
    }

    private static void passes(CreateTaskRequest request) {
        assertThatCode(() -> VALIDATOR.validate(request)).as(request.toString()).doesNotThrowAnyException();
    }
}
