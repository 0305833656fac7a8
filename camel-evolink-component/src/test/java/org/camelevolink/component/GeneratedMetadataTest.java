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
import java.util.List;
import java.util.Map;
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
    /** One generated table of the reference, between its begin and end marks. */
    private static final Pattern TABLE = Pattern.compile("// generated:(\\w+):begin\n(.*?)// generated:\\1:end",
            Pattern.DOTALL);
    /** A cell boundary: a bar the generator did not escape. */
    private static final Pattern CELL = Pattern.compile("(?<!\\\\)\\|");
    /** A Java type as the reference writes it: simple names, generics balanced, arrays. */
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "[A-Z][A-Za-z0-9.]*(<[A-Z][A-Za-z0-9]*(, [A-Z][A-Za-z0-9]*)*>)?|(boolean|int|long|double|byte)(\\[])?");

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
     * What issue 18 found in the rendered reference, checked on the page itself (the generator's --check only says
     * the page is the generator's output, whatever that output is): the wildcard consumer's asterisk lost ("A
     * consumer on receives"), a generic type cut to its last part ("Object>"), byte[] lost from a description ("byte
     * per image"), Python's False/True as defaults, and any formatting mark left raw in a cell.
     */
    @Test
    void theReferenceTablesRenderTypesDefaultsAndMarksAsCamelUsersWriteThem() throws Exception {
        String adoc = Files.readString(REFERENCE);
        for (String bad : List.of("A consumer on receives", "on  receives", "byte per image")) {
            assertThat(adoc.contains(bad)).as(REFERENCE + " renders '" + bad + "'").isFalse();
        }
        List<String> types = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        Matcher table = TABLE.matcher(adoc);
        int tables = 0;
        while (table.find()) {
            tables++;
            boolean withDefault = !table.group(1).equals("headers");
            for (String row : table.group(2).split("\n")) {
                if (!row.startsWith("| *")) {
                    continue;
                }
                String[] cells = CELL.split(row, -1);
                assertThat(cells).as(row).hasSize(withDefault ? 5 : 4);
                assertThat(cells[1].strip()).as("the name cell of " + row).matches("\\*[A-Za-z]+\\*( \\(.+\\))?");
                assertThat(cells[2]).as("the description of " + row + ": formatting marks escaped")
                        .doesNotContain("*", "`", "^", "~", "+");
                if (withDefault) {
                    defaults.add(cells[3].strip());
                }
                types.add(cells[cells.length - 1].strip());
            }
        }
        assertThat(tables).as("the generated tables of " + REFERENCE).isEqualTo(4);
        assertThat(types).as("the Type column").isNotEmpty().allMatch(t -> JAVA_TYPE.matcher(t).matches())
                .contains("Map<String, Object>", "boolean", "String");
        assertThat(defaults).as("the Default column").doesNotContain("False", "True").contains("true", "false");

        // the two descriptions whose asterisk and brackets the metadata plugin dropped, as they read now
        JsonNode json = catalog();
        for (String option : List.of("model", "download")) {
            String description = json.at("/properties/" + option + "/description").asText();
            assertThat(adoc.contains("| " + description + " |")).as(option + "'s description in the reference: "
                    + description).isTrue();
        }
        assertThat(json.at("/properties/model/description").asText()).contains("wildcard path, a single asterisk");
        assertThat(json.at("/properties/download/description").asText()).contains("a byte array per image");
    }

    private static JsonNode catalog() throws Exception {
        return JSON.readTree(Files.readString(metadataPath()));
    }

    private static Path metadataPath() {
        return Path.of("src/generated/resources").resolve(CATALOG);
    }

    /** The tables are the generator's output for the catalog of this build, not a hand edit nor a stale run. */
    @Test
    void theReferenceTablesAreWhatTheGeneratorWritesFromTheCatalog() throws Exception {
        Process check = new ProcessBuilder("python3", "../docs/tools/update-component-options.py", "--check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("up to date");
    }
}
