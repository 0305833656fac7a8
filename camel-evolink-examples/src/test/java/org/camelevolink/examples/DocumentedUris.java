package org.camelevolink.examples;

import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.JSonSchemaResolver;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code evolink:} endpoint URIs written in Java, YAML, Markdown and AsciiDoc text, and checks each one
 * against the component's generated catalog JSON with Camel's runtime catalog ({@code camel-core-catalog}).
 * <p>
 * Extraction: Java string literals, with {@code +} concatenations joined (a non-literal operand becomes a
 * {@code {{dynamicN}}} placeholder, {@code %s} of a format string a {@code {{formatN}}} one); text blocks are read as
 * YAML. YAML: any scalar that starts with {@code evolink:} ({@code to:}, {@code from:}, {@code uri:}, ...), merged
 * with the {@code parameters:} map next to a {@code uri:}. Markdown and AsciiDoc: fenced/listing code blocks by
 * language (java, yaml, anything else as text), and inline code in the prose. Syntax notation is turned into
 * placeholders ({@code <model>} becomes {@code {{model}}}, {@code [?options]} is dropped, a {@code ...} value is a
 * placeholder) and a bare {@code evolink:} (the scheme named in prose) is not a URI.
 * <p>
 * Checking: the catalog's {@code validateProperties} (unknown option names, enum values, booleans, integers,
 * numbers, durations, the required model); the catalog leaves values that start with {@code {{} or {@code ${}
 * unjudged, but always judges the option names. On top of the catalog: an option that exists only on the component
 * (e.g. {@code taskStore}) is refused on an endpoint, as Camel refuses it at run time; a producer option on a
 * {@code from} endpoint and a consumer option on a {@code to} endpoint are refused; {@code evolink:*} only consumes.
 */
final class DocumentedUris {

    /** Where the generated catalog JSON of the component is on the classpath. */
    static final String CATALOG_JSON = "META-INF/org/camelevolink/component/evolink.json";
    static final String SCHEME = "evolink";

    /** How the endpoint is used, when the text says it. */
    enum Role {
        CONSUMER, PRODUCER, UNKNOWN
    }

    /** One endpoint as written: where, the URI text, the YAML parameters next to it, and its role. */
    record Found(String file, int line, String uri, Map<String, String> parameters, Role role) {
        String where() {
            return file + ":" + line;
        }

        String written() {
            return parameters.isEmpty() ? uri : uri + " with parameters " + parameters;
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?<![A-Za-z0-9._-])" + SCHEME + ":");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
    private static final Pattern OPTIONAL_QUERY = Pattern.compile("\\[\\?[^\\]]*\\]");
    private static final Pattern ELLIPSIS_VALUE = Pattern.compile("=\\.\\.\\.(?=&|$)");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,\\s*([A-Za-z0-9_+-]+).*\\]\\s*$");
    private static final Pattern YAML_ELISION = Pattern.compile("^\\s*#\\s*\\.\\.\\.\\s*$");
    private static final Set<String> CONSUMING_CALLS = Set.of("from", "fromF", "pollEnrich");
    private static final Set<String> PRODUCING_CALLS = Set.of("to", "toD", "toF", "wireTap", "enrich");
    private static final Set<String> YAML_CONSUMING_KEYS = Set.of("from", "pollEnrich");
    private static final Set<String> YAML_PRODUCING_KEYS = Set.of("to", "toD", "wireTap", "enrich");

    private DocumentedUris() {
    }

    // ---- extraction ------------------------------------------------------------------------------------------------

    /** Every endpoint written in {@code text}, read by the kind its file name says. */
    static List<Found> scan(String file, String text) {
        String name = file.toLowerCase(Locale.ROOT);
        List<Found> out = new ArrayList<>();
        if (name.endsWith(".java")) {
            java(file, text, 1, out);
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            yaml(file, text, 1, out);
        } else if (name.endsWith(".md")) {
            markdown(file, text, out);
        } else if (name.endsWith(".adoc")) {
            asciidoc(file, text, out);
        } else {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                codeLine(file, i + 1, lines[i], Role.UNKNOWN, out);
            }
        }
        return out;
    }

    // -- Java

    private enum Kind {
        STRING, TEXT_BLOCK, IDENT, OP, OTHER
    }

    private record Token(Kind kind, String text, int line) {
        boolean is(String op) {
            return kind == Kind.OP && text.equals(op);
        }
    }

    static void java(String file, String source, int firstLine, List<Found> out) {
        List<Token> tokens = lex(source, firstLine);
        boolean[] used = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (used[i] || (t.kind() != Kind.STRING && t.kind() != Kind.TEXT_BLOCK)) {
                continue;
            }
            if (t.kind() == Kind.TEXT_BLOCK) {
                yamlOrLines(file, t.text(), t.line() + 1, out);
                continue;
            }
            if (!t.text().startsWith(SCHEME + ":")) {
                if (BOUNDARY.matcher(t.text()).find()) {
                    codeLine(file, t.line(), t.text(), Role.UNKNOWN, out);
                }
                continue;
            }
            StringBuilder uri = new StringBuilder(t.text());
            int dynamic = 0;
            int j = i + 1;
            while (j + 1 < tokens.size() && tokens.get(j).is("+")) {
                Token next = tokens.get(j + 1);
                if (next.kind() == Kind.STRING) {
                    uri.append(next.text());
                    used[j + 1] = true;
                    j += 2;
                    continue;
                }
                int end = operandEnd(tokens, j + 1);
                if (end == j + 1) {
                    break;
                }
                uri.append("{{dynamic").append(++dynamic).append("}}");
                j = end;
            }
            String joined = uri.toString();
            int format = 0;
            Matcher m = Pattern.compile("%[sd]").matcher(joined);
            StringBuilder formatted = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(formatted, Matcher.quoteReplacement("{{format" + (++format) + "}}"));
            }
            m.appendTail(formatted);
            add(out, file, t.line(), formatted.toString(), Map.of(), javaRole(tokens, i));
        }
    }

    /** The index after a non-literal operand of {@code +}: up to a top-level {@code + , ; ? :} or closing bracket. */
    private static int operandEnd(List<Token> tokens, int start) {
        int depth = 0;
        int k = start;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (t.is("+") || t.is(",") || t.is(";") || t.is("?") || t.is(":"))) {
                break;
            }
            k++;
        }
        return k;
    }

    private static Role javaRole(List<Token> tokens, int i) {
        if (i >= 2 && tokens.get(i - 1).is("(") && tokens.get(i - 2).kind() == Kind.IDENT) {
            String call = tokens.get(i - 2).text();
            if (CONSUMING_CALLS.contains(call)) {
                return Role.CONSUMER;
            }
            if (PRODUCING_CALLS.contains(call) || call.startsWith("send") || call.startsWith("request")
                    || call.startsWith("asyncSend") || call.startsWith("asyncRequest")) {
                return Role.PRODUCER;
            }
        }
        return Role.UNKNOWN;
    }

    /** A small Java lexer: strings (escapes translated), text blocks, identifiers, one-character operators. */
    private static List<Token> lex(String s, int firstLine) {
        List<Token> tokens = new ArrayList<>();
        int line = firstLine;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int open = s.indexOf('\n', i);
                int end = open < 0 ? -1 : closingTextBlock(s, open + 1);
                if (end < 0) {
                    break;
                }
                String raw = s.substring(open + 1, end);
                tokens.add(new Token(Kind.TEXT_BLOCK, translate(raw.stripIndent()), line));
                line += count(s, i, end + 3);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                String raw = s.substring(i + 1, Math.min(j, n));
                tokens.add(new Token(c == '"' ? Kind.STRING : Kind.OTHER, translate(raw), line));
                i = Math.min(j + 1, n);
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.IDENT, s.substring(i, j), line));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Kind.OTHER, s.substring(i, j), line));
                i = j;
            } else {
                tokens.add(new Token(Kind.OP, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static int closingTextBlock(String s, int from) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith("\"\"\"", i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static String translate(String raw) {
        try {
            return raw.translateEscapes();
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    // -- YAML

    /**
     * The endpoints of a YAML text, or false when it does not parse. A fragment (as in a guide) may be cut with
     * {@code # ...} lines and indented as in its file: each piece is dedented and parsed on its own.
     */
    static boolean yaml(String file, String text, int firstLine, List<Found> out) {
        String[] lines = text.split("\n", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || YAML_ELISION.matcher(lines[i]).matches()) {
                if (!yamlPiece(file, lines, start, i, firstLine, out)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** A text that may be YAML: read as YAML if it parses and finds what a line scan would, else line by line. */
    private static void yamlOrLines(String file, String text, int firstLine, List<Found> out) {
        int before = out.size();
        if (yaml(file, text, firstLine, out) && (out.size() > before || !BOUNDARY.matcher(text).find())) {
            return;
        }
        out.subList(before, out.size()).clear();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            codeLine(file, firstLine + l, lines[l], Role.UNKNOWN, out);
        }
    }

    private static boolean yamlPiece(String file, String[] lines, int from, int to, int firstLine, List<Found> out) {
        int indent = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                indent = Math.min(indent, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        if (indent == Integer.MAX_VALUE) {
            return true;
        }
        StringBuilder piece = new StringBuilder();
        for (int i = from; i < to; i++) {
            String l = lines[i];
            piece.append(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip())
                    .append('\n');
        }
        try {
            for (Node root : new Compose(LoadSettings.builder().build()).composeAllFromString(piece.toString())) {
                walk(file, root, null, null, firstLine + from, out);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void walk(String file, Node node, String key, String outerKey, int firstLine, List<Found> out) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                Node v = t.getValueNode();
                if (v instanceof ScalarNode s && BOUNDARY.matcher(s.getValue()).lookingAt()) {
                    boolean uriKey = "uri".equals(k);
                    Map<String, String> parameters = uriKey ? parameters(map) : Map.of();
                    add(out, file, firstLine + line(v), s.getValue(), parameters, yamlRole(uriKey ? key : k));
                } else {
                    walk(file, v, k, key, firstLine, out);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                walk(file, item, key, outerKey, firstLine, out);
            }
        } else if (node instanceof ScalarNode s && BOUNDARY.matcher(s.getValue()).lookingAt()) {
            add(out, file, firstLine + line(s), s.getValue(), Map.of(), yamlRole(key));
        }
    }

    private static Map<String, String> parameters(MappingNode endpoint) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (NodeTuple t : endpoint.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("parameters")
                    && t.getValueNode() instanceof MappingNode params) {
                for (NodeTuple p : params.getValue()) {
                    if (p.getKeyNode() instanceof ScalarNode name) {
                        parameters.put(name.getValue(), p.getValueNode() instanceof ScalarNode value ? value.getValue()
                                : "{{structured}}");
                    }
                }
            }
        }
        return parameters;
    }

    private static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine()).orElse(0);
    }

    private static Role yamlRole(String key) {
        if (key != null && YAML_CONSUMING_KEYS.contains(key)) {
            return Role.CONSUMER;
        }
        if (key != null && YAML_PRODUCING_KEYS.contains(key)) {
            return Role.PRODUCER;
        }
        return Role.UNKNOWN;
    }

    // -- Markdown and AsciiDoc

    static void markdown(String file, String text, List<Found> out) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.matches()) {
                String marker = fence.group(1);
                String lang = fence.group(2).toLowerCase(Locale.ROOT);
                int start = i + 1;
                int end = start;
                while (end < lines.length && !lines[end].strip().equals(marker)) {
                    end++;
                }
                block(file, lang, lines, start, end, out);
                i = end;
            } else {
                prose(file, i + 1, lines[i], out);
            }
        }
    }

    static void asciidoc(String file, String text, List<Found> out) {
        String[] lines = text.split("\n", -1);
        String lang = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            Matcher source = ADOC_SOURCE.matcher(l.strip());
            if (source.matches()) {
                lang = source.group(1).toLowerCase(Locale.ROOT);
            } else if (l.strip().equals("----") || l.strip().equals("....")) {
                String delimiter = l.strip();
                int start = i + 1;
                int end = start;
                while (end < lines.length && !lines[end].strip().equals(delimiter)) {
                    end++;
                }
                block(file, lang == null ? "text" : lang, lines, start, end, out);
                lang = null;
                i = end;
            } else if (l.startsWith("//")) {
                continue; // an AsciiDoc comment
            } else {
                if (!l.isBlank() && !l.startsWith("[")) {
                    lang = null;
                }
                prose(file, i + 1, l.replace("\\|", "|"), out);
            }
        }
    }

    private static void block(String file, String lang, String[] lines, int start, int end, List<Found> out) {
        String code = String.join("\n", java.util.Arrays.asList(lines).subList(start, Math.min(end, lines.length)));
        if (lang.equals("java")) {
            java(file, code, start + 1, out);
            return;
        }
        if (lang.equals("yaml") || lang.equals("yml")) {
            yamlOrLines(file, code, start + 1, out);
            return;
        }
        for (int i = start; i < end && i < lines.length; i++) {
            codeLine(file, i + 1, lines[i], Role.UNKNOWN, out);
        }
    }

    /** A line of prose: URIs inside inline code, and (rarely) bare ones outside it. */
    private static void prose(String file, int line, String text, List<Found> out) {
        Matcher span = CODE_SPAN.matcher(text);
        int last = 0;
        StringBuilder outside = new StringBuilder();
        while (span.find()) {
            outside.append(text, last, span.start()).append(' ');
            codeLine(file, line, span.group(2), Role.UNKNOWN, out);
            last = span.end();
        }
        outside.append(text.substring(last));
        Matcher m = BOUNDARY.matcher(outside);
        while (m.find()) {
            int end = m.start();
            while (end < outside.length() && " \t`\"'()[],;|".indexOf(outside.charAt(end)) < 0) {
                end++;
            }
            add(out, file, line, outside.substring(m.start(), end).replaceAll("[.:]+$", ""), Map.of(), Role.UNKNOWN);
        }
    }

    /**
     * A line of code (or an inline code span) of no particular language: a URI that follows a quote ends at the
     * closing quote, any other runs to the end of the line.
     */
    private static void codeLine(String file, int line, String text, Role role, List<Found> out) {
        Matcher m = BOUNDARY.matcher(text);
        int from = 0;
        while (m.find(from)) {
            char before = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
            int end;
            if (before == '"' || before == '\'') {
                end = text.indexOf(before, m.start());
                end = end < 0 ? text.length() : end;
            } else {
                end = text.length();
                Matcher next = BOUNDARY.matcher(text);
                if (next.find(m.end())) {
                    end = next.start();
                }
            }
            String uri = text.substring(m.start(), end).strip();
            if (before != '"' && before != '\'') {
                uri = uri.replaceAll("[\\s,;.]+$", "");
            }
            add(out, file, line, uri, Map.of(), role);
            from = Math.max(end, m.end());
            if (from >= text.length()) {
                break;
            }
        }
    }

    /** Records an endpoint, with syntax notation made into placeholders; a bare scheme is not an endpoint. */
    private static void add(List<Found> out, String file, int line, String uri, Map<String, String> parameters,
            Role role) {
        String u = OPTIONAL_QUERY.matcher(uri).replaceAll("");
        u = ANGLE.matcher(u).replaceAll(r -> Matcher.quoteReplacement("{{" + r.group(1) + "}}"));
        u = ELLIPSIS_VALUE.matcher(u).replaceAll("={{...}}");
        if (u.equals(SCHEME + ":")) {
            return;
        }
        out.add(new Found(file, line, u, parameters, role));
    }

    // ---- checking --------------------------------------------------------------------------------------------------

    /** Checks endpoints against one catalog JSON of the component. */
    static final class Checker {
        private final DefaultRuntimeCamelCatalog catalog;
        private final ComponentModel model;
        private final Map<String, BaseOptionModel> endpointOptions = new LinkedHashMap<>();

        Checker(String componentJson) {
            catalog = new DefaultRuntimeCamelCatalog(false);
            catalog.setJSonSchemaResolver(new OneComponent(componentJson));
            model = catalog.componentModel(SCHEME);
            if (model == null) {
                throw new IllegalStateException("the catalog JSON does not describe the " + SCHEME + " component");
            }
            model.getEndpointOptions().forEach(o -> endpointOptions.put(o.getName(), o));
        }

        /** The component's JSON as generated by camel-component-maven-plugin, read from the classpath. */
        static Checker fromClasspath() {
            try (InputStream in = DocumentedUris.class.getClassLoader().getResourceAsStream(CATALOG_JSON)) {
                if (in == null) {
                    throw new IllegalStateException(CATALOG_JSON + " is not on the classpath: build "
                            + "camel-evolink-component first");
                }
                return new Checker(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ComponentModel model() {
            return model;
        }

        /** What is wrong with {@code found}, one line naming file, line and URI; empty when nothing is. */
        List<String> check(Found found) {
            List<String> problems = new ArrayList<>();
            Map<String, String> properties;
            try {
                properties = new LinkedHashMap<>(catalog.endpointProperties(found.uri()));
            } catch (URISyntaxException | RuntimeException e) {
                return List.of(report(found, "not a valid endpoint URI: " + e.getMessage()));
            }
            properties.putAll(found.parameters());
            EndpointValidationResult result = catalog.validateProperties(SCHEME, properties);
            if (!result.isSuccess()) {
                problems.add(report(found, describe(result)));
            }
            for (String name : properties.keySet()) {
                BaseOptionModel option = endpointOption(name);
                if (option == null) {
                    boolean componentOnly = model.getComponentOptions().stream().anyMatch(o -> o.getName().equals(name));
                    if (componentOnly) {
                        problems.add(report(found, "'" + name + "' is a component option, not an endpoint option: "
                                + "set it as camel.component." + SCHEME + "." + dashed(name)));
                    }
                    continue;
                }
                String label = option.getLabel() == null ? "" : option.getLabel();
                if (found.role() == Role.CONSUMER && label.contains("producer")) {
                    problems.add(report(found, "'" + name + "' is a producer option, on a consumer (from) endpoint"));
                }
                if (found.role() == Role.PRODUCER && label.contains("consumer")) {
                    problems.add(report(found, "'" + name + "' is a consumer option, on a producer (to) endpoint"));
                }
            }
            if (found.role() == Role.PRODUCER && "*".equals(properties.get("model"))) {
                problems.add(report(found, SCHEME + ":* only consumes; a producer needs a model"));
            }
            return problems;
        }

        /** The catalog's findings in one line. */
        @SuppressWarnings("unchecked")
        private static String describe(EndpointValidationResult r) {
            List<String> parts = new ArrayList<>();
            if (r.getSyntaxError() != null) {
                parts.add("syntax error: " + r.getSyntaxError());
            }
            if (r.getUnknownComponent() != null) {
                parts.add("unknown component " + r.getUnknownComponent());
            }
            if (r.getUnknown() != null) {
                r.getUnknown().forEach(name -> parts.add("unknown option '" + name + "'"));
            }
            if (r.getRequired() != null) {
                r.getRequired().forEach(name -> parts.add("missing required option '" + name + "'"));
            }
            if (r.getInvalidEnum() != null) {
                ((Map<String, String>) r.getInvalidEnum()).forEach((name, value) -> parts.add("invalid value '" + value
                        + "' for " + name + " (one of " + String.join(", ", (List<String>) r.getEnumChoices(name))
                        + ")"));
            }
            invalid(parts, "boolean", r.getInvalidBoolean());
            invalid(parts, "integer", r.getInvalidInteger());
            invalid(parts, "number", r.getInvalidNumber());
            invalid(parts, "duration", r.getInvalidDuration());
            invalid(parts, "bean reference (#name)", r.getInvalidReference());
            invalid(parts, "array", r.getInvalidArray());
            invalid(parts, "map", r.getInvalidMap());
            return parts.isEmpty() ? r.summaryErrorMessage(false).strip() : String.join("; ", parts);
        }

        @SuppressWarnings("unchecked")
        private static void invalid(List<String> parts, String type, Map<?, ?> values) {
            if (values != null) {
                ((Map<String, String>) values).forEach((name, value) -> parts.add("invalid " + type + " value '"
                        + value + "' for " + name));
            }
        }

        private BaseOptionModel endpointOption(String name) {
            BaseOptionModel option = endpointOptions.get(name);
            if (option != null) {
                return option;
            }
            return endpointOptions.values().stream()
                    .filter(o -> o.isMultiValue() && o.getPrefix() != null && name.startsWith(o.getPrefix()))
                    .findFirst().orElse(null);
        }

        private static String report(Found found, String problem) {
            return found.where() + ": " + found.written() + ": " + problem;
        }

        private static String dashed(String camel) {
            return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        }
    }

    /** A schema resolver that knows one component and nothing else. */
    private record OneComponent(String json) implements JSonSchemaResolver {
        @Override
        public void setClassLoader(ClassLoader classLoader) {
        }

        @Override
        public String getComponentJSonSchema(String name) {
            return SCHEME.equals(name) ? json : null;
        }

        @Override
        public String getDataFormatJSonSchema(String name) {
            return null;
        }

        @Override
        public String getLanguageJSonSchema(String name) {
            return null;
        }

        @Override
        public String getTransformerJSonSchema(String name) {
            return null;
        }

        @Override
        public String getDevConsoleJSonSchema(String name) {
            return null;
        }

        @Override
        public String getOtherJSonSchema(String name) {
            return null;
        }

        @Override
        public String getModelJSonSchema(String name) {
            return null;
        }

        @Override
        public String getMainJsonSchema() {
            return null;
        }

        @Override
        public String getJBangJsonSchema() {
            return null;
        }

        @Override
        public String getPojoBeanJSonSchema(String name) {
            return null;
        }
    }
}
