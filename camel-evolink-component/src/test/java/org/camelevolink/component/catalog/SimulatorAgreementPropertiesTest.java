package org.camelevolink.component.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.model.CreateRequestValidator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;

/**
 * The catalog and the simulator are two readings of evolink-api.md written apart (see SimulatorAgreementTest,
 * which checks chosen cases over HTTP). Here random JSON requests go to both validators in process: the
 * component accepts exactly what the simulator accepts, and where one field was changed both name it. Requests
 * in the areas where the docs are silent and the readings are known to differ are left out (see {@link #silent}).
 */
class SimulatorAgreementPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CreateRequestValidator SIMULATOR = new CreateRequestValidator(
            org.camelevolink.simulator.model.ModelCatalog.load(), false);

    @Provide
    Arbitrary<RequestMutations.Mutated> jsonMutations() {
        return RequestMutations.anyMutation(true).filter(m -> !silent(m));
    }

    @Property
    void theComponentAcceptsExactlyWhatTheSimulatorAccepts(@ForAll("jsonMutations") RequestMutations.Mutated m)
            throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(JSON.writeValueAsBytes(m.request()));
        String ours = refusal(() -> VALIDATOR.validate(m.request()));
        String theirs = simulatorRefusal(body);
        Statistics.label("verdict").collect(ours == null ? "both accept" : "both refuse");
        assertThat(ours == null).as("%s%n sent as %s%n component: %s%n simulator: %s", m, abbreviate(body), ours,
                theirs).isEqualTo(theirs == null);
        if (ours != null && m.fields().size() == 1) {
            // a value with two faults inside (img_pos without x and with height 0) may be refused for either
            String changed = m.fields().get(0);
            assertThat(sameOrWithin(field(ours), changed) && sameOrWithin(field(theirs), changed))
                    .as("both name the changed field for %s%n component: %s%n simulator: %s", m, ours, theirs)
                    .isTrue();
        }
    }

    /**
     * The same field, or one inside the other: with no model_params left the client sends none, and the simulator
     * names model_params where the component names the required model_params.task_id.
     */
    private static boolean sameOrWithin(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    /** "field: rule" of the component's refusal, or null. */
    private static String refusal(Runnable validation) {
        try {
            validation.run();
            return null;
        } catch (EvolinkValidationException e) {
            return e.getField() + ": " + e.getRule();
        }
    }

    private static String simulatorRefusal(ObjectNode body) {
        try {
            SIMULATOR.validate(body);
            return null;
        } catch (ApiError e) {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(400);
            return e.param() + ": " + e.getMessage();
        }
    }

    private static String field(String refusal) {
        return refusal.substring(0, refusal.indexOf(": "));
    }

    /**
     * Where evolink-api.md says nothing and the readings differ on purpose:
     * <ul>
     * <li>flag ranges in V8.x prompts: the catalog checks the V7 prompt guide for V7 only, the simulator for V8.1
     * too;</li>
     * <li>multi-prompts ({@code ::}) and permutations ({@code {}}): the catalog leaves them to EvoLink, the
     * simulator refuses them;</li>
     * <li>words after a flag that takes no value ({@code --turbo 749}, {@code --raw big}): the catalog reads
     * them as the flag's value (nothing may follow the parameters), the simulator as more text; and a bare
     * {@code https://}, an image prompt to the simulator and text to the catalog;</li>
     * <li>unknown members in a mask area: the catalog refuses them as it does for canvas and img_pos, the
     * simulator ignores them there (and refuses them in canvas and img_pos);</li>
     * <li>a mask data URI without a comma ({@code data:image/png}): no data URI to the catalog (RFC 2397), one to
     * the simulator, which checks the prefix only;</li>
     * <li>sizes and offsets of canvas and img_pos: no documented limit; the catalog takes any int, the
     * simulator caps them at 8192 (mask areas take any int in both);</li>
     * <li>task ids: the docs say only that they start with task-unified-; the catalog also wants a non-blank rest
     * ("task-unified-", "task-unified-a b"), which no task of EvoLink's has;</li>
     * <li>callback hosts in 0.0.0.0/8 ("this network"): the catalog refuses them as not public, the simulator
     * does not list them.</li>
     * </ul>
     */
    static boolean silent(RequestMutations.Mutated m) {
        ModelSpec spec = TestRequests.spec(m.model());
        String prompt = m.request().getPrompt();
        if (prompt != null && ((!spec.family().equals("v7") && prompt.contains("--")) || prompt.contains("::")
                || prompt.contains("{") || prompt.contains("}") || prompt.matches("(?s).*(^|\\s)https?://(\\s.*|$)")
                || wordsAfterAValuelessFlag(spec, prompt))) {
            return true;
        }
        if (m.request().getModelParams().get("mask") instanceof Map<?, ?> mask && ((mask.get("areas") instanceof List<?> l
                && l.stream().anyMatch(a -> a instanceof Map<?, ?> area && !Set.of("width", "height", "points")
                        .containsAll(area.keySet())))
                || (mask.get("url") instanceof String url && url.startsWith("data:image/") && !url.contains(",")))) {
            return true;
        }
        for (String shape : List.of("canvas", "img_pos")) {
            if (beyond8192(m.request().getModelParams().get(shape))) {
                return true;
            }
        }
        if (m.request().getModelParams().get("task_id") instanceof String id && id.startsWith("task-unified-")
                && !id.matches("task-unified-\\S+")) {
            return true;
        }
        String callback = m.request().getCallbackUrl();
        return callback != null && callback.startsWith("https://0.");
    }

    private static boolean wordsAfterAValuelessFlag(ModelSpec spec, String prompt) {
        return ParsedPrompt.parse(prompt, spec.isGeneration()).flags().stream().anyMatch(f -> !f.value().isEmpty()
                && spec.familyRules().promptFlag(f.name()).map(row -> row.type().equals("switch")).orElse(true));
    }

    private static boolean beyond8192(Object value) {
        if (value instanceof Map<?, ?> map) {
            return beyond8192(map.values());
        }
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(SimulatorAgreementPropertiesTest::beyond8192);
        }
        return value instanceof Number n && Math.abs(n.doubleValue()) > 8192;
    }

    private static String abbreviate(ObjectNode body) {
        String s = body.toString();
        return s.length() <= 600 ? s : s.substring(0, 597) + "...";
    }
}
