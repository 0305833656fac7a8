package org.camelevolink.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.AsyncProducer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files camel-component-maven-plugin generates besides the configurers, as a Camel component ships them: the
 * {@code component.properties} descriptor that tooling reads to find a jar's components, and the catalog JSON's
 * flags.
 */
class GeneratedMetadataFilesTest {

    private static final String CATALOG_JSON = "META-INF/org/camelevolink/component/evolink.json";
    private static final String DESCRIPTOR = "META-INF/services/org/apache/camel/component.properties";

    @Test
    void theClasspathHasOurComponentDescriptorBesideTheCatalogJson() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        List<URL> ours = new ArrayList<>();
        Properties descriptor = new Properties();
        for (URL url : Collections.list(loader.getResources(DESCRIPTOR))) {
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(in);
            }
            if (Set.of(p.getProperty("components", "").split("\\s+")).contains("evolink")) {
                ours.add(url);
                descriptor = p;
            }
        }
        assertThat(ours).as("%s files that list evolink", DESCRIPTOR).hasSize(1);
        assertThat(descriptor.getProperty("components")).isEqualTo("evolink");
        assertThat(descriptor.getProperty("groupId")).isEqualTo("org.camelevolink");
        assertThat(descriptor.getProperty("artifactId")).isEqualTo("camel-evolink-component");
        assertThat(descriptor.getProperty("version")).isNotBlank();
        // the same output as the catalog JSON and the component's service file, i.e. the same jar
        String root = ours.get(0).toString().replace(DESCRIPTOR, "");
        assertThat(loader.getResource(CATALOG_JSON)).hasToString(root + CATALOG_JSON);
        Properties service = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/services/org/apache/camel/component/evolink")) {
            service.load(in);
        }
        assertThat(service.getProperty("class")).isEqualTo(EvolinkComponent.class.getName());
    }

    @Test
    void theCatalogSaysAsyncBecauseTheEndpointIsAnAsyncEndpoint() throws IOException {
        JsonNode component = catalog().get("component");
        // the plugin sets "async" from the endpoint class: does it implement org.apache.camel.AsyncEndpoint?
        assertThat(component.get("async").asBoolean()).isTrue();
        assertThat(AsyncEndpoint.class).isAssignableFrom(EvolinkEndpoint.class);
        assertThat(AsyncProducer.class).isAssignableFrom(EvolinkProducer.class);
        assertThat(component.get("scheme").asText()).isEqualTo("evolink");
        assertThat(component.get("groupId").asText()).isEqualTo("org.camelevolink");
        assertThat(component.get("artifactId").asText()).isEqualTo("camel-evolink-component");
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = GeneratedMetadataFilesTest.class.getClassLoader().getResourceAsStream(CATALOG_JSON)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
