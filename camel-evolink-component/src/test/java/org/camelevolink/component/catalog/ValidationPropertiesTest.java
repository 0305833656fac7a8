package org.camelevolink.component.catalog;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;

/**
 * Bad input against every model's rules: whatever a request holds, validation accepts it or throws an
 * {@link EvolinkValidationException} naming the model and a field that was changed, never another exception and
 * never a hang. The normalizer and the source rules take the same requests without failing.
 */
class ValidationPropertiesTest {

    private static final RequestNormalizer NORMALIZER = new RequestNormalizer(CATALOG);

    @Provide
    Arbitrary<RequestMutations.Mutated> mutations() {
        return RequestMutations.anyMutation(false);
    }

    @Property
    void acceptedOrRefusedNamingAChangedField(@ForAll("mutations") RequestMutations.Mutated m) {
        Throwable t = Deadline.call(m, () -> {
            VALIDATOR.validate(m.request());
            return null;
        });
        Statistics.label("verdict").collect(t == null ? "accepted" : "refused");
        // a generator that drifted to all-valid or all-broken requests would prove little
        Statistics.label("verdict").coverage(c -> {
            c.check("accepted").percentage(p -> p > 3);
            c.check("refused").percentage(p -> p > 40);
        });
        if (t == null) {
            return;
        }
        assertThat(t).as("%s", m).isInstanceOf(EvolinkValidationException.class);
        EvolinkValidationException e = (EvolinkValidationException) t;
        assertThat(e.getModel()).isEqualTo(m.model());
        assertThat(e.getRule()).isNotBlank();
        assertThat(e.getField()).as("%s refused with: %s", m, e.getMessage()).satisfiesAnyOf(
                f -> assertThat(changedOrNested(f, m.fields())).isTrue(),
                f -> assertThat(conflictsOf(m)).contains(f));
    }

    @Property
    void normalizingNeverFails(@ForAll("mutations") RequestMutations.Mutated m) {
        NormalizedRequest n = Deadline.value(m, () -> NORMALIZER.normalize(m.request()));
        assertThat(n.request().getModel()).isEqualTo(m.model());
        assertThat(n.request().getModelParams()).isEqualTo(m.request().getModelParams());
    }

    /** The source rules with any known or unknown source model, at any speed, and any image_number. */
    @Property
    void sourceRulesAcceptOrRefuseNamingTheField(@ForAll("mutations") RequestMutations.Mutated m,
            @ForAll("sourceModels") String sourceModel, @ForAll("speeds") String speed) {
        Throwable t = Deadline.call(m, () -> {
            VALIDATOR.validateSource(m.request(), sourceModel, speed);
            return null;
        });
        if (t != null) {
            assertThat(t).as("%s from %s at %s", m, sourceModel, speed).isInstanceOf(EvolinkValidationException.class);
            assertThat(((EvolinkValidationException) t).getField()).startsWith("model_params.");
        }
    }

    /** A model the catalog does not know: only the shared rules apply, and nothing else may go wrong. */
    @Property
    void unknownAndBlankModels(@ForAll("modelIds") String model, @ForAll("mutations") RequestMutations.Mutated m) {
        CreateTaskRequest request = m.request().toBuilder().model(model).build();
        Throwable t = Deadline.call(m, () -> {
            VALIDATOR.validate(request);
            return null;
        });
        if (t != null) {
            assertThat(t).as("%s as %s", m, model).isInstanceOf(EvolinkValidationException.class);
            assertThat(((EvolinkValidationException) t).getField()).isIn("model", "image_urls", "callback_url");
        }
    }

    @Provide
    Arbitrary<String> sourceModels() {
        return Arbitraries.oneOf(Arbitraries.of(CATALOG.all().stream().map(ModelSpec::id).toList()),
                Arbitraries.of("mj-v9", "", "MJ-V7"));
    }

    @Provide
    Arbitrary<String> speeds() {
        return Arbitraries.of("draft", "fast", "turbo", "relax", "").injectNull(0.3);
    }

    @Provide
    Arbitrary<String> modelIds() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "\t", "mj-v9", "MJ-V7", "mj-v7 ", "gpt-image-1"),
                RequestMutations.text(20)).filter(id -> CATALOG.find(id).isEmpty());
    }

    /**
     * Was a hang: a number far out of range was written out digit by digit in the refusal, so 1E+999999999 (a
     * JSON number Jackson reads as a BigDecimal when asked to) built a string of a billion characters.
     */
    @Example
    void aHugeExponentIsRefusedQuickly() {
        for (ModelSpec spec : CATALOG.all()) {
            for (ParamSpec p : spec.params().values()) {
                if (p.type() == ParamType.NUMBER || p.type() == ParamType.INTEGER) {
                    for (String v : List.of("1E+999999999", "-1E+999999999")) {
                        RequestMutations.Mutated m = RequestMutations.mutate(spec, List.of(new RequestMutations.Change(
                                ParamRules.PREFIX + p.name(), new BigDecimal(v),
                                b -> b.modelParam(p.name(), new BigDecimal(v)))));
                        Throwable t = Deadline.call(m, () -> {
                            VALIDATOR.validate(m.request());
                            return null;
                        });
                        assertThat(t).as("%s", m).isInstanceOf(EvolinkValidationException.class);
                        assertThat(((EvolinkValidationException) t).getField()).isEqualTo(ParamRules.PREFIX + p.name());
                        assertThat(t.getMessage()).hasSizeLessThan(1000);
                    }
                }
            }
        }
    }

    /**
     * Was a disagreement with the simulator found by {@link SimulatorAgreementPropertiesTest}: the prompt limit was
     * counted in UTF-16 units, so a prompt of emoji half the documented maxLength (JSON Schema's, in characters)
     * was refused.
     */
    @Example
    void promptLimitsCountCharactersNotUtf16Units() {
        for (ModelSpec spec : CATALOG.all()) {
            if (!spec.acceptsPrompt()) {
                continue;
            }
            String emoji = "\uD83D\uDE00";
            String atLimit = TestRequests.PROMPT + " " + emoji.repeat(spec.promptMaxLength() - TestRequests.PROMPT.length()
                    - 1);
            CreateTaskRequest ok = TestRequests.minimal(spec, TestRequests.TASK_ID).toBuilder().prompt(atLimit).build();
            assertThat(Deadline.call(spec, () -> {
                VALIDATOR.validate(ok);
                return null;
            })).as(spec.id()).isNull();
            TestRequests.rejected(ok.toBuilder().prompt(atLimit + emoji).build(), "prompt");
        }
    }

    /**
     * Was a disagreement with the simulator found by {@link SimulatorAgreementPropertiesTest}: a callback host
     * written in hex (0x7f000001, which resolvers read as 127.0.0.1) passed as a host name.
     */
    @Example
    void hexIpv4CallbackHostsAreNotPublic() {
        for (String url : List.of("https://0x7f000001/h", "https://0x7f.1/h", "https://0X7F.0.0.1/h",
                "https://0xa.0.0.1/h")) {
            TestRequests.rejected(TestRequests.minimal("mj-v7", b -> b.callbackUrl(url)), "callback_url");
        }
        assertThat(Deadline.call("0xdead.example.com", () -> {
            VALIDATOR.validate(TestRequests.minimal("mj-v7", b -> b.callbackUrl("https://0xdead.example.com/h")));
            return null;
        })).as("a host name that starts like a hex number").isNull();
    }

    /** The field refused is one that was changed, or a part of one (model_params.mask.areas[0].points). */
    private static boolean changedOrNested(String field, List<String> changed) {
        return changed.stream().anyMatch(c -> field.equals(c) || field.startsWith(c + ".")
                || field.startsWith(c + "["));
    }

    /** Fields a conflict names when one of its conditions was changed (quality hd with speed draft). */
    private static Set<String> conflictsOf(RequestMutations.Mutated m) {
        Set<String> out = new HashSet<>();
        for (Conflict c : TestRequests.spec(m.model()).conflicts()) {
            if (c.when().keySet().stream().anyMatch(m.fields()::contains)) {
                out.add(c.field());
            }
        }
        return out;
    }

    /** Runs a check on another thread so that a hang fails the try instead of the build. */
    static final class Deadline {
        private static final long SECONDS = 20;

        private Deadline() {
        }

        /** What {@code call} threw, or null. */
        static Throwable call(Object sample, Callable<?> call) {
            try {
                value(sample, call);
                return null;
            } catch (Throwable t) {
                if (t instanceof AssertionError a && a.getMessage() != null && a.getMessage().startsWith("hung")) {
                    throw a;
                }
                return t;
            }
        }

        static <T> T value(Object sample, Callable<T> call) {
            java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call);
            Thread worker = new Thread(task, "property-check");
            worker.setDaemon(true);
            worker.start();
            try {
                return task.get(SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                worker.interrupt();
                throw new AssertionError("hung for " + SECONDS + " s on " + sample);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
