package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * jqwik generators of broken EvoLink answers: valid bodies (a task, a batch, an error, a files answer, credits)
 * with fields deleted, given values of the wrong type, huge numbers, odd text, deep nesting or nulls, then
 * possibly cut short or spoilt at the byte level.
 */
final class AnswerMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String TASK = """
            {"created":1757165031,"id":"task-unified-1757165031-abcd1234","model":"mj-v7","object":"image.generation.task",
             "progress":100,"results":["https://cdn.example.com/a.png","https://cdn.example.com/b.png"],
             "status":"completed","task_info":{"can_cancel":false,"estimated_time":0.5},"type":"image",
             "usage":{"billing_rule":"per_call","credits_reserved":7.5,"credits_used":7.5,"user_group":"default"},
             "error":{"code":"content_policy_violation","message":"no","type":"task_error"}}""";
    static final String BATCH = "{\"data\":[" + TASK + "," + TASK.replace("abcd1234", "efgh5678") + "]}";
    static final String ERROR = """
            {"error":{"code":"invalid_request","message":"scale must be within 1.1..3","type":"invalid_request_error",
             "param":"model_params.scale"}}""";
    static final String FILE = """
            {"success":true,"code":200,"msg":"ok","data":{"file_id":"file_1","file_name":"a.png",
             "file_url":"https://files.example.com/a.png","download_url":"https://files.example.com/d/a.png",
             "mime_type":"image/png","file_size":1234,"expires_at":"2026-01-01T00:00:00Z"}}""";
    static final String CREDITS = """
            {"success":true,"data":{"token":{"remaining_credits":100.5,"used_credits":3,"unlimited_credits":false},
             "user":{"remaining_credits":1000,"used_credits":30}}}""";

    /** A body and how it was made, for the report. */
    record Body(String base, List<String> steps, byte[] bytes) {
        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return base + " " + steps + " -> " + (text.length() > 300 ? text.substring(0, 297) + "...(" + bytes.length
                    + " bytes)" : text);
        }
    }

    private AnswerMutations() {
    }

    static Arbitrary<Body> bodies(String name, String valid) {
        Arbitrary<List<Step>> treeSteps = treeStep().list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(treeSteps, byteStep()).as((steps, bytes) -> {
            JsonNode tree = read(valid);
            List<String> done = new ArrayList<>();
            for (Step s : steps) {
                tree = s.apply().apply(tree);
                done.add(s.name());
            }
            byte[] out = write(tree);
            out = bytes.apply(out);
            done.add(bytes.name);
            return new Body(name, done, out);
        });
    }

    /** Any of the five kinds of answer. */
    static Arbitrary<Body> anyBody() {
        return Arbitraries.oneOf(bodies("task", TASK), bodies("batch", BATCH), bodies("error", ERROR),
                bodies("file", FILE), bodies("credits", CREDITS));
    }

    // ---- changes to the JSON tree ----------------------------------------------------------------------------

    record Step(String name, UnaryOperator<JsonNode> apply) {
    }

    /** One change at a random path: a field deleted or given another value, or the root replaced. */
    private static Arbitrary<Step> treeStep() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000_000);
        return Arbitraries.oneOf(
                pick.map(i -> new Step("delete#" + i, t -> delete(t, i))),
                Combinators.combine(pick, value()).as((i, v) -> new Step("set#" + i + "=" + abbreviate(v),
                        t -> replace(t, i, v))),
                value().map(v -> new Step("root=" + abbreviate(v), t -> v)));
    }

    static Arbitrary<JsonNode> value() {
        return Arbitraries.oneOf(
                // suppliers: a tree is changed in place, so no node may be shared between tries
                Arbitraries.<Supplier<JsonNode>>of(NODES::nullNode, () -> NODES.booleanNode(true),
                        () -> NODES.booleanNode(false), () -> NODES.textNode(""),
                        () -> NODES.textNode("\uD83D\uDE00\u0000\uFFFF"), () -> NODES.textNode("\uD800"),
                        () -> NODES.numberNode(0), () -> NODES.numberNode(-1), () -> NODES.numberNode(1.5),
                        () -> NODES.numberNode(Long.MAX_VALUE), () -> NODES.numberNode(new BigInteger("9".repeat(400))),
                        () -> NODES.numberNode(new BigDecimal("1E+400")),
                        () -> NODES.numberNode(new BigDecimal("-1E-400")), () -> NODES.textNode("completed"),
                        () -> NODES.textNode("FAILED"), () -> NODES.textNode("cancelled "),
                        () -> NODES.textNode("x".repeat(100_000)), NODES::arrayNode, NODES::objectNode,
                        () -> NODES.arrayNode().addNull(),
                        () -> NODES.arrayNode().add(1).add("a").add(NODES.objectNode())).map(Supplier::get),
                Arbitraries.strings().all().ofMaxLength(20).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.of(10, 500, 999, 1001, 5000).map(AnswerMutations::nested));
    }

    /** Arrays inside arrays; past Jackson's nesting limit (1000) it must be refused, not recursed into. */
    static JsonNode nested(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode a = root;
        for (int i = 1; i < depth; i++) {
            a = a.addArray();
        }
        return root;
    }

    private static JsonNode delete(JsonNode tree, int pick) {
        List<ContainerNode<?>> parents = containers(tree);
        ContainerNode<?> parent = parents.get(pick % parents.size());
        if (parent instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.remove(names.get(pick % names.size()));
        } else if (parent instanceof ArrayNode a && a.size() > 0) {
            a.remove(pick % a.size());
        }
        return tree;
    }

    private static JsonNode replace(JsonNode tree, int pick, JsonNode value) {
        List<ContainerNode<?>> parents = containers(tree);
        ContainerNode<?> parent = parents.get(pick % parents.size());
        if (parent instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.get(pick % names.size()), value);
        } else if (parent instanceof ArrayNode a && a.size() > 0) {
            a.set(pick % a.size(), value);
        }
        return tree;
    }

    /** Objects and arrays of the tree, shallow ones first; never descends into deep generated nesting. */
    private static List<ContainerNode<?>> containers(JsonNode tree) {
        List<ContainerNode<?>> out = new ArrayList<>();
        collect(tree, out, 0);
        if (out.isEmpty()) {
            out.add(NODES.objectNode()); // a scalar root: nothing to change in place
        }
        return out;
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out, int depth) {
        if (node instanceof ContainerNode<?> c && depth < 6) {
            out.add(c);
            node.elements().forEachRemaining(child -> collect(child, out, depth + 1));
        }
    }

    // ---- changes to the bytes --------------------------------------------------------------------------------

    private record ByteStep(String name, UnaryOperator<byte[]> op) {
        byte[] apply(byte[] b) {
            return op.apply(b);
        }
    }

    private static Arbitrary<ByteStep> byteStep() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(new ByteStep("as is", b -> b))),
                net.jqwik.api.Tuple.of(2, where.map(f -> new ByteStep("cut at " + f,
                        b -> Arrays.copyOf(b, (int) (b.length * f))))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(where, Arbitraries.bytes()).as((f, x) -> new ByteStep(
                        "byte " + x + " at " + f, b -> {
                            byte[] c = b.clone();
                            if (c.length > 0) {
                                c[Math.min(c.length - 1, (int) (c.length * f))] = x;
                            }
                            return c;
                        }))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "x", "}", "\uFEFF", "{}", "\u0000")
                        .map(s -> new ByteStep("then '" + s + "'", b -> concat(b, s.getBytes(StandardCharsets.UTF_8))))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).map(p -> new ByteStep("prefixed "
                        + Arrays.toString(p), b -> concat(p, b)))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson refuses to write nesting past its limit itself; such a tree is written by hand. */
    private static byte[] write(JsonNode tree) {
        StringBuilder sb = new StringBuilder();
        writeTo(tree, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeTo(JsonNode node, StringBuilder sb) {
        if (node instanceof ObjectNode o) {
            sb.append('{');
            boolean first = true;
            for (var it = o.fields(); it.hasNext();) {
                var e = it.next();
                sb.append(first ? "" : ",").append(NODES.textNode(e.getKey())).append(':');
                writeTo(e.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else if (node instanceof ArrayNode a && depth(a) > 50) {
            int arrays = depth(a) + 1; // nested(): single arrays down to an empty one; written flat, not recursed
            sb.append("[".repeat(arrays)).append("]".repeat(arrays));
        } else if (node instanceof ArrayNode a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                writeTo(a.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(node.toString());
        }
    }

    private static String abbreviate(JsonNode v) {
        String s = v instanceof ContainerNode<?> c && c.size() == 1 && depth(v) > 5 ? "nested(" + depth(v) + ")"
                : v.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static int depth(JsonNode v) {
        int d = 0;
        while (v instanceof ContainerNode<?> c && c.size() == 1) {
            v = v.elements().next();
            d++;
        }
        return d;
    }
}
