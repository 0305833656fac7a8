package org.camelevolink.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.AsyncProducer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files camel-component-maven-plugin generates besides the configurers, as a Camel component ships them: the
 * {@code component.properties} descriptor that tooling reads to find a jar's components, the catalog JSON's flags,
 * its descriptions as written in the source, and the copy of the JSON in Apache's catalog layout that the
 * {@code catalog} jar carries (docs/checking-uris.md).
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

    /**
     * The plugin keeps only letters, digits and {@code .,-=\'/\!&%():;#$_{}} of a description (it drops {@code *},
     * {@code []}, {@code <...>}, {@code "}, {@code +}, {@code ?}, {@code @}, {@code |}...): a description that uses
     * another character reaches the catalog, the IDEs and the reference changed. Every description written on our
     * options and headers must reach the catalog as written.
     */
    @Test
    void everyDescriptionWeWroteReachesTheCatalogAsWritten() throws IOException {
        JsonNode json = catalog();
        Set<String> inCatalog = new HashSet<>();
        for (String section : new String[] {"componentProperties", "properties", "headers"}) {
            json.get(section).forEach(o -> inCatalog.add(o.path("description").asText()));
        }
        List<String> written = new ArrayList<>();
        for (Class<?> type : new Class<?>[] {EvolinkComponent.class, EvolinkEndpoint.class,
            EvolinkConfiguration.class, EvolinkConstants.class}) {
            for (Field f : type.getDeclaredFields()) {
                String d = description(f);
                if (!d.isEmpty()) {
                    written.add(d);
                }
            }
        }
        assertThat(written).as("descriptions on our fields").hasSizeGreaterThan(50);
        // the plugin appends its own sentence to a multi-value option's description, nothing else
        assertThat(written).as("descriptions changed on their way into the catalog").allMatch(d -> inCatalog.stream()
                .anyMatch(c -> c.equals(d) || c.startsWith(d + " This is a multi-value option with prefix: ")));
    }

    @Test
    void theCatalogJarLayoutHoldsTheSameJson() throws IOException {
        // written in process-classes by maven-resources-plugin, packed as the -catalog jar; Apache's catalog
        // (camel-report-maven-plugin's) looks a component up at org/apache/camel/catalog/components/<name>.json
        Path copy = Path.of("target/catalog/org/apache/camel/catalog/components/evolink.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CATALOG_JSON)) {
            assertThat(Files.readAllBytes(copy)).isEqualTo(in.readAllBytes());
        }
    }

    private static String description(Field f) {
        UriPath path = f.getAnnotation(UriPath.class);
        if (path != null && !path.description().isEmpty()) {
            return path.description();
        }
        UriParam param = f.getAnnotation(UriParam.class);
        if (param != null && !param.description().isEmpty()) {
            return param.description();
        }
        Metadata metadata = f.getAnnotation(Metadata.class);
        return metadata == null ? "" : metadata.description();
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = GeneratedMetadataFilesTest.class.getClassLoader().getResourceAsStream(CATALOG_JSON)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
