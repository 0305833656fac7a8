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
import java.util.Map;

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
