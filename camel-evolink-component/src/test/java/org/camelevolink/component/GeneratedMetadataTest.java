package org.camelevolink.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata the camel-component-maven-plugin generates (the catalog JSON under src/generated/resources, what
 * tooling, JBang and the runtime catalog read) and the option and header tables of docs/evolink-component.adoc that
 * docs/tools/update-component-options.py writes from it: descriptions, the secret key, header names, enums, and
 * tables that say what the JSON says.
 */
class GeneratedMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATALOG = "META-INF/org/camelevolink/component/evolink.json";
    private static final Path REFERENCE = Path.of("../docs/evolink-component.adoc");
    private static final String[] SECTIONS = {"componentProperties", "properties", "headers"};

    @Test
    void theJarShipsTheCommittedCatalog() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/" + CATALOG)) {
            assertThat(in).as("the catalog on the classpath").isNotNull();
            assertThat(JSON.readTree(in)).as("the classpath copy of " + metadataPath()).isEqualTo(catalog());
        }
    }

    @Test
    void theCatalogDescribesEveryOptionAndHeaderAndMarksTheKeySecret() throws Exception {
        JsonNode json = catalog();
        assertThat(json.at("/component/scheme").asText()).isEqualTo("evolink");
        assertThat(json.at("/component/syntax").asText()).isEqualTo("evolink:model");
        for (String section : SECTIONS) {
            json.get(section).fields().forEachRemaining(e -> assertThat(e.getValue().path("description").asText())
                    .as(section + "." + e.getKey()).isNotBlank());
        }
        assertThat(json.at("/properties/apiKey/secret").asBoolean()).isTrue();
        assertThat(json.at("/properties/apiKey/label").asText()).contains("security");
        assertThat(json.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        json.get("headers").fieldNames().forEachRemaining(h -> assertThat(h).startsWith("CamelEvolink"));
        assertThat(json.at("/properties/speed/enum")).hasSize(3);
    }

    /** The runtime catalog, which reads the same JSON, refuses unknown options and values outside an enum. */
    @Test
    void theRuntimeCatalogValidatesOptionsAndEnums() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("evolink", new EvolinkComponent());
            var catalog = PluginHelper.getRuntimeCamelCatalog(context);
            var bad = catalog.validateProperties("evolink", Map.of("model", "mj-v7", "speed", "slow", "nonsense",
                    "1"));
            assertThat(bad.isSuccess()).isFalse();
            assertThat(bad.getUnknown()).contains("nonsense");
            assertThat(bad.getInvalidEnum()).containsKey("speed");
            assertThat(catalog.validateProperties("evolink", Map.of("model", "mj-v7-pan", "direction", "left",
                    "scale", "2", "waitForCompletion", "false")).isSuccess()).isTrue();
        }
    }

    @Test
    void theReferenceDocumentsEveryGeneratedOptionAndHeader() throws Exception {
        JsonNode json = catalog();
        String adoc = Files.readString(REFERENCE);
        for (String section : SECTIONS) {
            json.get(section).fieldNames().forEachRemaining(name -> assertThat(adoc).as(section)
                    .contains("| *" + name + "*"));
        }
    }

    /**
     * Each generated table of the reference lists the JSON's options (or headers) in its order, each with its group,
     * description (plus its enum values and "(secret)"), default and type, as update-component-options.py writes
     * them: a table left behind after an option changed fails here.
     */
    @Test
    void theReferenceTablesAreTheOnesTheCatalogGives() throws Exception {
        JsonNode json = catalog();
        String adoc = Files.readString(REFERENCE);
        assertOptionTable(adoc, "component", options(json.get("componentProperties"), p -> true));
        assertOptionTable(adoc, "path", options(json.get("properties"), p -> p.path("kind").asText().equals("path")));
        assertOptionTable(adoc, "endpoint", options(json.get("properties"),
                p -> !p.path("kind").asText().equals("path")));

        Map<String, JsonNode> headers = options(json.get("headers"), h -> true);
        List<List<String>> rows = rows(adoc, "headers");
        assertThat(rows).extracting(r -> r.get(0)).as("headers table")
                .containsExactlyElementsOf(headers.keySet().stream().map(n -> "*" + n + "*").toList());
        for (List<String> row : rows) {
            JsonNode h = headers.get(row.get(0).replace("*", ""));
            assertThat(row.subList(1, row.size())).as("row of " + row.get(0))
                    .containsExactly(escape(h.path("description").asText()), simpleType(h));
        }
    }

    private static void assertOptionTable(String adoc, String table, Map<String, JsonNode> options) {
        List<List<String>> rows = rows(adoc, table);
        assertThat(rows).extracting(r -> r.get(0)).as(table + " table").containsExactlyElementsOf(options.entrySet()
                .stream().map(e -> "*" + e.getKey() + "* (" + e.getValue().path("group").asText("common") + ")")
                .toList());
        for (List<String> row : rows) {
            JsonNode p = options.get(row.get(0).substring(1, row.get(0).indexOf("* (")));
            StringBuilder description = new StringBuilder(escape(p.path("description").asText()));
            if (p.has("enum")) {
                List<String> values = new ArrayList<>();
                p.get("enum").forEach(v -> values.add(v.asText()));
                description.append(" Values: ").append(String.join(", ", values)).append('.');
            }
            if (p.path("secret").asBoolean()) {
                description.append(" (secret)");
            }
            assertThat(row.subList(1, row.size())).as(table + " row of " + row.get(0))
                    .containsExactly(description.toString(), defaultValue(p), simpleType(p));
        }
    }

    /** The rows of the table between {@code // generated:<table>:begin} and its end, header row left out. */
    private static List<List<String>> rows(String adoc, String table) {
        Matcher m = Pattern.compile("// generated:" + table + ":begin\n(.*?)// generated:" + table + ":end",
                Pattern.DOTALL).matcher(adoc);
        assertThat(m.find()).as("generated " + table + " table in " + REFERENCE).isTrue();
        List<List<String>> rows = new ArrayList<>();
        for (String line : m.group(1).split("\n")) {
            if (line.startsWith("| *")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1).split("(?<!\\\\)\\|", -1)) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            }
        }
        assertThat(rows).as(table + " table rows").isNotEmpty();
        return rows;
    }

    private static Map<String, JsonNode> options(JsonNode section, Predicate<JsonNode> which) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        section.fields().forEachRemaining(e -> {
            if (which.test(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** The default as the script prints it (Python's str(): True and False for booleans), empty when none. */
    private static String defaultValue(JsonNode p) {
        JsonNode d = p.get("defaultValue");
        if (d == null) {
            return "";
        }
        return escape(d.isBoolean() ? (d.asBoolean() ? "True" : "False") : d.asText());
    }

    private static String simpleType(JsonNode p) {
        String type = p.path("javaType").asText();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static JsonNode catalog() throws Exception {
        return JSON.readTree(Files.readString(metadataPath()));
    }

    private static Path metadataPath() {
        return Path.of("src/generated/resources").resolve(CATALOG);
    }
}
