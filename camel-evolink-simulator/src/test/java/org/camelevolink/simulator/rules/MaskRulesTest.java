package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.camelevolink.simulator.model.ModelSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.rules.RuleAssertions.assertAccepted;
import static org.camelevolink.simulator.rules.RuleAssertions.assertInvalid;
import static org.camelevolink.simulator.rules.RulesFixtures.CATALOG;
import static org.camelevolink.simulator.rules.RulesFixtures.areaMask;
import static org.camelevolink.simulator.rules.RulesFixtures.json;
import static org.camelevolink.simulator.rules.RulesFixtures.object;
import static org.camelevolink.simulator.rules.RulesFixtures.set;
import static org.camelevolink.simulator.rules.RulesFixtures.spec;

/**
 * The mask of inpaint, edit and upload-paint (§2.2, §2.3, §2.4, §11.4 of evolink-api.md): exactly one of
 * {@code areas} (polygons: integer width, height and points x1,y1,x2,y2,...) or {@code url}; V8.2 also takes a
 * base64 data URI. Polygon limits are not documented (§2.2 [NF]), so none is enforced.
 */
class MaskRulesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private static final String MASK = "model_params.mask";

    private RulesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new RulesFixtures(SIM.simulator());
    }

    static Stream<String> maskModels() {
        return CATALOG.all().stream().filter(m -> m.params().containsKey("mask")).map(ModelSpec::id);
    }

    @Test
    void sevenModelsTakeAMask() {
        assertThat(maskModels()).containsExactlyInAnyOrder("mj-v7-inpaint", "mj-v7-edit", "mj-v7-upload-paint",
                "mj-v8.1-edit", "mj-v8.1-upload-paint", "mj-v8.2-edit", "mj-v8.2-upload-paint");
        assertThat(spec("mj-v7-inpaint").params().get("mask").required()).isTrue();
        assertThat(spec("mj-v7-upload-paint").params().get("mask").required()).isTrue();
        assertThat(spec("mj-v7-edit").params().get("mask").required()).isFalse();
    }

    private ObjectNode withMask(String model, JsonNode mask) {
        return set(fx.minimal(spec(model)), MASK, mask);
    }

    static Stream<Arguments> validMasks() {
        List<Arguments> out = new ArrayList<>();
        for (String model : maskModels().toList()) {
            out.add(Arguments.of(model, "documented polygon", areaMask().toString()));
            out.add(Arguments.of(model, "triangle on the frame's edges",
                    "{\"areas\":[{\"width\":200,\"height\":100,\"points\":[0,0,200,0,200,100]}]}"));
            out.add(Arguments.of(model, "two areas",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[50,50,50,150,150,150,150,50]},"
                            + "{\"width\":500,\"height\":500,\"points\":[0,0,0,500,500,500]}]}"));
            out.add(Arguments.of(model, "url", "URL"));
            // polygon limits are [NF] (§2.2): the point count, the frame and where the points lie are EvoLink's
            out.add(Arguments.of(model, "the mj-v7-inpaint page's example, points outside its frame",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[50,50,50,250,250,250,250,50]}]}"));
            out.add(Arguments.of(model, "fewer than 6 values",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[50,50,150,150]}]}"));
            out.add(Arguments.of(model, "no points at all", "{\"areas\":[{\"width\":200,\"height\":200,"
                    + "\"points\":[]}]}"));
            out.add(Arguments.of(model, "x outside the frame",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[50,50,50,150,201,150]}]}"));
            out.add(Arguments.of(model, "y outside the frame",
                    "{\"areas\":[{\"width\":200,\"height\":100,\"points\":[50,50,50,101,150,50]}]}"));
            out.add(Arguments.of(model, "negative coordinate",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[-1,50,50,150,150,50]}]}"));
            out.add(Arguments.of(model, "zero width",
                    "{\"areas\":[{\"width\":0,\"height\":200,\"points\":[0,0,0,100,0,50]}]}"));
            out.add(Arguments.of(model, "negative height",
                    "{\"areas\":[{\"width\":200,\"height\":-3,\"points\":[0,0,0,100,50,50]}]}"));
            out.add(Arguments.of(model, "frame above 8192",
                    "{\"areas\":[{\"width\":10000,\"height\":9000,\"points\":[0,0,0,9000,10000,9000]}]}"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validMasks")
    void validMaskForms(String model, String what, String mask) {
        JsonNode m = mask.equals("URL") ? object("url", fx.image("png")) : json(mask);
        assertAccepted(fx.create(withMask(model, m)), model);
    }

    static Stream<Arguments> invalidMasks() {
        String ok = "{\"width\":200,\"height\":200,\"points\":[50,50,50,150,150,150,150,50]}";
        List<Arguments> out = new ArrayList<>();
        for (String model : maskModels().toList()) {
            out.add(Arguments.of(model, "both areas and url",
                    "{\"areas\":[" + ok + "],\"url\":\"https://cdn.example.com/m.png\"}", MASK));
            out.add(Arguments.of(model, "neither", "{}", MASK));
            out.add(Arguments.of(model, "an extra member", "{\"areas\":[" + ok + "],\"feather\":4}", MASK));
            out.add(Arguments.of(model, "not an object", "\"https://cdn.example.com/m.png\"", MASK));
            out.add(Arguments.of(model, "an array", "[" + ok + "]", MASK));
            out.add(Arguments.of(model, "no areas", "{\"areas\":[]}", MASK + ".areas"));
            out.add(Arguments.of(model, "areas not an array", "{\"areas\":" + ok + "}", MASK + ".areas"));
            out.add(Arguments.of(model, "odd point count",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[50,50,50,150,150,150,150]}]}",
                    MASK + ".areas[0].points"));
            out.add(Arguments.of(model, "coordinate beyond int",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[4294967296,50,50,150,150,50]}]}",
                    MASK + ".areas[0].points"));
            out.add(Arguments.of(model, "frame beyond int",
                    "{\"areas\":[{\"width\":4294967496,\"height\":200,\"points\":[0,0,0,100,50,50]}]}",
                    MASK + ".areas[0].width"));
            out.add(Arguments.of(model, "fractional coordinate",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[1.5,50,50,150,150,50]}]}",
                    MASK + ".areas[0].points"));
            out.add(Arguments.of(model, "no points", "{\"areas\":[{\"width\":200,\"height\":200}]}",
                    MASK + ".areas[0].points"));
            out.add(Arguments.of(model, "no height", "{\"areas\":[{\"width\":200,\"points\":[0,0,0,100,50,50]}]}",
                    MASK + ".areas[0].height"));
            out.add(Arguments.of(model, "a string coordinate",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":[\"1\",50,50,150,150,50]}]}",
                    MASK + ".areas[0].points"));
            out.add(Arguments.of(model, "points not an array",
                    "{\"areas\":[{\"width\":200,\"height\":200,\"points\":\"50,50,50,150,150,50\"}]}",
                    MASK + ".areas[0].points"));
            out.add(Arguments.of(model, "fractional width",
                    "{\"areas\":[{\"width\":200.5,\"height\":200,\"points\":[0,0,0,100,50,50]}]}",
                    MASK + ".areas[0].width"));
            out.add(Arguments.of(model, "bad second area",
                    "{\"areas\":[" + ok + ",{\"width\":200,\"height\":200,\"points\":[1,2,3]}]}",
                    MASK + ".areas[1].points"));
            out.add(Arguments.of(model, "url not http", "{\"url\":\"ftp://cdn.example.com/m.png\"}", MASK + ".url"));
            out.add(Arguments.of(model, "url empty", "{\"url\":\"\"}", MASK + ".url"));
            out.add(Arguments.of(model, "url a number", "{\"url\":5}", MASK + ".url"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidMasks")
    void invalidMaskIsNamed(String model, String what, String mask, String param) {
        assertInvalid(fx.create(withMask(model, json(mask))), param);
    }

    /** §2.4: the V8.2 mask url may be "a base64 data URI"; V7 and V8.1 take URLs only. */
    @ParameterizedTest(name = "{0} accepted={1}")
    @CsvSource({"mj-v8.2-edit, true", "mj-v8.2-upload-paint, true", "mj-v7-inpaint, false", "mj-v7-edit, false",
            "mj-v7-upload-paint, false", "mj-v8.1-edit, false", "mj-v8.1-upload-paint, false"})
    void dataUriMaskOnlyOnV82(String model, boolean valid) {
        SimHttp.Answer a = fx.create(withMask(model, object("url", RulesFixtures.pngDataUri())));
        if (valid) {
            JsonNode created = assertAccepted(a, model);
            JsonNode done = fx.http().awaitTerminal(created.get("id").asText());
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        } else {
            assertInvalid(a, MASK + ".url");
        }
    }

    @Test
    void v82DataUriMustBeAnImage() {
        assertInvalid(fx.create(withMask("mj-v8.2-edit", object("url", "data:text/plain;base64,aGVsbG8="))),
                MASK + ".url");
    }

    /** Masks belong to inpaint/edit/upload-paint only. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"mj-v7-variation", "mj-v7-outpaint", "mj-v7-remix", "mj-v8.2-remix", "mj-v7-retexture"})
    void modelsWithoutAMaskRejectOne(String model) {
        assertInvalid(fx.create(set(fx.minimal(spec(model)), MASK, areaMask())), MASK);
    }
}
