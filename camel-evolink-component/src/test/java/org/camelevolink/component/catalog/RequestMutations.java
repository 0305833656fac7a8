package org.camelevolink.component.catalog;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.camelevolink.component.client.CreateTaskRequest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * jqwik generators of bad and borderline create requests: a model's minimal valid request with one or two fields
 * changed to values at and around their bounds, of the wrong JSON type, missing, or unknown to the model. Each
 * change remembers the field it touched, so a refusal can be checked to name it.
 */
final class RequestMutations {

    /** One changed field: {@code field} in EvoLink's naming, {@code value} for the report. */
    record Change(String field, Object value, Consumer<CreateTaskRequest.Builder> apply) {
        @Override
        public String toString() {
            String shown = String.valueOf(value);
            return field + "=" + (value instanceof String ? "\"" : "") + (shown.length() > 120
                    ? shown.substring(0, 117) + "...(" + shown.length() + " chars)" : shown)
                    + (value instanceof String ? "\"" : "") + (value == null ? "" : " (" + value.getClass()
                    .getSimpleName() + ")");
        }
    }

    /** A request and the changes that made it from the model's minimal one. */
    record Mutated(String model, List<Change> changes, CreateTaskRequest request) {
        List<String> fields() {
            return changes.stream().map(Change::field).distinct().toList();
        }

        @Override
        public String toString() {
            return model + " " + changes;
        }
    }

    private RequestMutations() {
    }

    /** Any change, in any number 1-2, on any model of the catalog. */
    static Arbitrary<Mutated> anyMutation(boolean jsonOnly) {
        return Arbitraries.of(List.copyOf(TestRequests.CATALOG.all())).flatMap(spec -> changes(spec, jsonOnly)
                .list().ofMinSize(1).ofMaxSize(2).map(cs -> mutate(spec, cs)));
    }

    static Mutated mutate(ModelSpec spec, List<Change> changes) {
        CreateTaskRequest.Builder b = TestRequests.minimal(spec, TestRequests.TASK_ID).toBuilder();
        changes.forEach(c -> c.apply().accept(b));
        return new Mutated(spec.id(), changes, b.build());
    }

    /** The changes one model's request can take. {@code jsonOnly}: only values JSON can carry as they are. */
    static Arbitrary<Change> changes(ModelSpec spec, boolean jsonOnly) {
        List<Arbitrary<Change>> all = new ArrayList<>();
        for (ParamSpec p : spec.params().values()) {
            all.add(paramValue(p, jsonOnly).injectNull(0.05)
                    .map(v -> new Change(ParamRules.PREFIX + p.name(), v, b -> b.modelParam(p.name(), v))));
        }
        all.add(unknownParamNames().filter(n -> !spec.acceptsParam(n)).flatMap(n -> jsonValue(2, jsonOnly)
                .map(v -> new Change(ParamRules.PREFIX + n, v, b -> b.modelParam(n, v)))));
        all.add(prompts(spec).injectNull(0.05).map(v -> new Change("prompt", v, b -> b.prompt(v))));
        all.add(urls().list().ofMaxSize(spec.maxImageUrls() + 2)
                .map(v -> new Change("image_urls", v, b -> b.imageUrls(v))));
        all.add(Arbitraries.oneOf(Arbitraries.of("standard", "hd", "HD", "", " ", "4k", "ultra"), text(8))
                .injectNull(0.1).map(v -> new Change("quality", v, b -> b.quality(v))));
        all.add(callbackUrls().injectNull(0.1).map(v -> new Change("callback_url", v, b -> b.callbackUrl(v))));
        return Arbitraries.oneOf(all);
    }

    // ---- model_params values ----------------------------------------------------------------------------------

    static Arbitrary<Object> paramValue(ParamSpec p, boolean jsonOnly) {
        return switch (p.type()) {
            case INTEGER -> Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(integerEdges(p, jsonOnly))),
                    Tuple.of(2, Arbitraries.integers().between(-30, 30).map(i -> (Object) i)),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
            case NUMBER -> Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(numberEdges(p, jsonOnly))),
                    Tuple.of(2, Arbitraries.doubles().between(-5, 10).map(d -> (Object) d)),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
            case ENUM -> Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(enumEdges(p))),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
            case TASK_ID -> Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(taskIds())),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
            case MASK -> Arbitraries.frequencyOf(
                    Tuple.of(6, mask()),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
            case CANVAS -> Arbitraries.frequencyOf(
                    Tuple.of(6, box(List.of("width", "height"))),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
            case IMG_POS -> Arbitraries.frequencyOf(
                    Tuple.of(6, box(List.of("width", "height", "x", "y"))),
                    Tuple.of(2, jsonValue(2, jsonOnly)));
        };
    }

    private static List<Object> integerEdges(ParamSpec p, boolean jsonOnly) {
        List<Object> out = new ArrayList<>();
        for (Double bound : bounds(p)) {
            long b = bound.longValue();
            for (long v : new long[] {b - 1, b, b + 1}) {
                out.add((int) v);
                out.add(v);
                out.add(BigInteger.valueOf(v));
                out.add((double) v); // 2.0 is not the whole number 2 in JSON
                out.add(String.valueOf(v));
                if (!jsonOnly) {
                    out.add((short) v);
                    out.add((byte) v);
                }
            }
        }
        out.addAll(List.of(Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, BigInteger.TWO.pow(80),
                BigInteger.TWO.pow(80).negate(), 0));
        return out;
    }

    private static List<Object> numberEdges(ParamSpec p, boolean jsonOnly) {
        List<Object> out = new ArrayList<>();
        for (Double b : bounds(p)) {
            for (double v : new double[] {b - 0.01, Math.nextDown(b), b, Math.nextUp(b), b + 0.01}) {
                out.add(v);
                out.add(BigDecimal.valueOf(v));
                out.add(String.valueOf(v));
                out.add((float) v);
            }
            out.add(b.intValue());
            out.add((long) b.intValue());
        }
        out.addAll(List.of(-0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                new BigDecimal("1E+400"), new BigDecimal("-1E+400"), new BigDecimal("1E-400"),
                new BigDecimal("1E+999999999"), new BigDecimal("-1E+999999999")));
        if (!jsonOnly) {
            out.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN));
        }
        return out;
    }

    private static List<Double> bounds(ParamSpec p) {
        List<Double> out = new ArrayList<>();
        if (p.min() != null) {
            out.add(p.min());
        }
        if (p.max() != null) {
            out.add(p.max());
        }
        if (p.maxUnlessDraftSource() != null) {
            out.add(p.maxUnlessDraftSource().doubleValue());
        }
        if (out.isEmpty()) {
            out.add(0.0);
        }
        return out;
    }

    private static List<Object> enumEdges(ParamSpec p) {
        List<Object> out = new ArrayList<>();
        for (String v : p.values()) {
            out.addAll(List.of(v, v.toUpperCase(), " " + v, v + " ", v + "\u0000", List.of(v)));
        }
        out.addAll(List.of("", " ", "null", "\uD83D\uDE00", 0, true));
        return out;
    }

    private static List<Object> taskIds() {
        return List.of("task-unified-1757165031-abc", "task-unified-", "task-unified-a b", "TASK-UNIFIED-1",
                "task-unified-\u00e9\uD83D\uDE00", "task-unified-\u0000x", " task-unified-1", "task-unified-1\n",
                "task-unified-" + "x".repeat(10_000), "1757165031-abc", "", 1757165031L, List.of("task-unified-1"));
    }

    private static Arbitrary<Object> mask() {
        Arbitrary<Object> url = Arbitraries.oneOf(urls().map(u -> (Object) u),
                Arbitraries.of("data:image/png;base64,iVBORw0KGgo=", "data:image/png", "data:text/plain,x",
                        "data:image/,", 42, ""));
        Arbitrary<Object> areas = area().list().ofMaxSize(3).map(l -> (Object) l);
        return Arbitraries.oneOf(
                url.map(u -> (Object) object("url", u)),
                areas.map(a -> (Object) object("areas", a)),
                Arbitraries.oneOf(url, areas).tuple2().map(t -> (Object) object("url", t.get1(), "areas", t.get2())),
                Arbitraries.just(Map.of()),
                areas.map(a -> (Object) object("areas", a, "extra", 1)));
    }

    private static Arbitrary<Object> area() {
        Arbitrary<Object> n = shapeNumber();
        Arbitrary<Object> points = n.list().ofMaxSize(10).map(l -> (Object) l);
        return Arbitraries.oneOf(
                n.tuple2().flatMap(wh -> points.map(ps -> (Object) object("width", wh.get1(), "height", wh.get2(),
                        "points", ps))),
                Arbitraries.just(Map.of("width", 100, "height", 100)),
                Arbitraries.just("area"),
                Arbitraries.just(object("width", 100, "height", 100, "points", List.of(0, 0, 100, 0, 100, 100),
                        "z", 1)));
    }

    private static Arbitrary<Object> box(List<String> members) {
        Arbitrary<Object> n = shapeNumber();
        return n.list().ofSize(members.size()).flatMap(values -> Arbitraries.integers().between(-1, members.size())
                .map(drop -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < members.size(); i++) {
                        if (i != drop) {
                            m.put(members.get(i), values.get(i));
                        }
                    }
                    if (drop == members.size()) {
                        m.put("depth", 1); // an unknown member
                    }
                    return (Object) m;
                }));
    }

    /** Sizes, offsets and coordinates: small, at 0 and 8192, past an int, and of the wrong types. */
    private static Arbitrary<Object> shapeNumber() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(-3, 150).map(i -> (Object) i)),
                Tuple.of(3, Arbitraries.of(0, 1, 8191, 8192, 8193, -8192, -8193,
                        Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648L, -2147483649L, BigInteger.TWO.pow(70),
                        10.0, 10.5, "10", true)),
                Tuple.of(1, jsonValue(1, true)));
    }

    // ---- top-level fields ------------------------------------------------------------------------------------

    static Arbitrary<String> prompts(ModelSpec spec) {
        int max = Math.max(spec.promptMaxLength(), 8);
        List<String> flags = new ArrayList<>(spec.familyRules().promptFlags().keySet());
        flags.addAll(spec.familyRules().rejectedPromptFlags().keySet());
        flags.addAll(List.of("fast", "turbo", "draft", "relax", "v", "niji", "x"));
        Arbitrary<String> flag = Arbitraries.of(flags).flatMap(f -> flagValue().map(v -> " --" + f + " " + v));
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t\n", TestRequests.PROMPT, "--", "-- ", "a --", "a ---c 5", "a --c",
                        "https://example.com/a.png", "https://example.com/a.png https://example.com/b.tiff text",
                        "https://example.com/a.png a cat", "http://", "https://[::1]/x.png a cat"),
                Arbitraries.of("a", "\uD83D\uDE00", "\u4e00", "\u00e9").flatMap(c -> Arbitraries.of(max - 1, max,
                        max + 1).map(n -> c.repeat(n))),
                text(60),
                Arbitraries.of(TestRequests.PROMPT, "https://example.com/a.png", "https://example.com/a.png "
                        + "https://example.com/b.jpg").flatMap(start -> flag.list().ofMinSize(1).ofMaxSize(3)
                        .map(fs -> start + String.join("", fs))));
    }

    private static Arbitrary<String> flagValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "0", "-1", "1", "5", "100", "101", "1000", "1001", "4294967295", "4294967296",
                        "99999999999999999999999999", "1e5", "1.5", ".5", "5.", "+3", "NaN", "16:9", "0:1", "1:0",
                        "21:9", "a:b", "https://example.com/s.png", "red, blue", "\uD83D\uDE00", "raw", "6", "7",
                        "1".repeat(5000)),
                Arbitraries.integers().between(-10, 5000).map(String::valueOf));
    }

    static Arbitrary<String> urls() {
        return Arbitraries.oneOf(
                Arbitraries.of("https://example.com/a.png", "https://example.com/a.PNG?x=1.tiff",
                        "https://example.com/a.jpg", "https://example.com/a.webp", "https://example.com/a.tiff",
                        "https://example.com/a", "https://example.com/", "https://example.com", "http://example.com/a.png",
                        "ftp://example.com/a.png", "file:///tmp/a.png", "//example.com/a.png", "example.com/a.png",
                        "https://", "https:///a.png", "https://[::1]/a.png", "https://[/a.png", "https://ex ample.com/a.png",
                        "https://example.com/%zz.png", "https://\u00e9xample.com/a.png", "https://example.com/\u00e9.png",
                        "https://example.com/a.png#f.tiff", "https://user:pw@example.com/a.png", "", " ", "null",
                        "https://example.com/" + "a".repeat(1100) + ".png", "https://example.com/" + "a".repeat(1000)
                                + ".png"),
                text(30));
    }

    static Arbitrary<String> callbackUrls() {
        return Arbitraries.oneOf(
                Arbitraries.of("https://hooks.example.com/done", "http://hooks.example.com/done",
                        "https://127.0.0.1/h", "https://127.1/h", "https://2130706433/h", "https://0177.0.0.1/h",
                        "https://0x7f000001/h", "https://10.0.0.1/h", "https://192.168.1.1/h", "https://100.64.0.1/h",
                        "https://169.254.1.1/h", "https://0.0.0.0/h", "https://[::1]/h", "https://[fd00::1]/h",
                        "https://[fe80::1]/h", "https://[::ffff:127.0.0.1]/h", "https://[2001:db8::1]/h",
                        "https://[::]/h", "https://localhost/h", "https://localhost./h", "https://a.localhost/h",
                        "https://LOCALHOST/h", "https://8.8.8.8/h", "https://256.1.1.1/h", "https://1.2.3/h",
                        "https://user@127.0.0.1/h", "https://[/h", "https://[v1.x]/h", "https://ex ample.com/h",
                        "https://", "https:///h", "hooks.example.com/h", "mailto:a@example.com", "", " ",
                        "https://example.com/" + "a".repeat(2028), "https://example.com/" + "a".repeat(2029),
                        "https://\u00e9xample.com/h", "https://example.com/\uD83D\uDE00"),
                text(30));
    }

    // ---- JSON values of any type -----------------------------------------------------------------------------

    static Arbitrary<String> unknownParamNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("zoom", "seed", "Speed", "speed ", "task-id", "", " ", "null", "model", "prompt",
                        "__proto__", "\uD83D\uDE00", "a.b", "mask[0]"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
    }

    /** Any JSON value nested up to {@code depth}, plus (unless {@code jsonOnly}) Java values JSON has not. */
    static Arbitrary<Object> jsonValue(int depth, boolean jsonOnly) {
        List<Object> scalars = new ArrayList<>(List.of(true, false, "", " ", "1", "1.5", "NaN", "null", "true",
                "\uD83D\uDE00", 0, -1, 1, 1.0, 1.5, -0.0, Long.MAX_VALUE, Long.MIN_VALUE, BigInteger.TWO.pow(100),
                new BigDecimal("1E+400"), List.of(), Map.of(), Collections.singletonList(null)));
        if (!jsonOnly) {
            scalars.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, 'c', new Object(), new StringBuilder("x"),
                    new int[] {1}, (short) 1, 1.5f, deepList(900)));
        }
        Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.of(scalars),
                Arbitraries.integers().map(i -> (Object) i), text(12).map(s -> (Object) s));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> inner = jsonValue(depth - 1, jsonOnly);
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalar),
                Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner)
                        .ofMaxSize(4).map(m -> (Object) m)));
    }

    /** As deep as Jackson's default nesting limit lets a JSON body be. */
    static List<Object> deepList(int depth) {
        List<Object> l = List.of(1);
        for (int i = 0; i < depth; i++) {
            l = List.of(l);
        }
        return l;
    }

    /** Text of any characters, unpaired surrogates and controls included. */
    static Arbitrary<String> text(int maxLength) {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(maxLength),
                Arbitraries.strings().all().ofMaxLength(maxLength));
    }

    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
