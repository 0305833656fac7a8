package org.camelevolink.karaf;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features repository, statically: the camel-evolink feature needs camel-karaf's camel-core, camel-http and
 * camel-jackson features, and every bundle it names exists as a Maven artifact (in the build's local repository,
 * where the build resolved or installed it). camel-karaf's own features file is not obtainable here, so what its
 * features hold is not checked, and nothing runs in Karaf.
 */
class FeaturesFileTest {

    private static final String FEATURES_NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static Element feature;
    private static Document features;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        features = factory.newDocumentBuilder().parse(new File(System.getProperty("features.file")));
        NodeList named = features.getDocumentElement().getElementsByTagNameNS(FEATURES_NS, "feature");
        for (int i = 0; i < named.getLength(); i++) {
            Element e = (Element) named.item(i);
            if ("camel-evolink".equals(e.getAttribute("name"))) {
                feature = e;
            }
        }
        assertThat(feature).as("feature camel-evolink").isNotNull();
    }

    @Test
    void theFeatureNeedsCamelKarafsCoreHttpAndJacksonOfTheFourEighteenLine() {
        Map<String, String> needed = new LinkedHashMap<>();
        for (Element e : children(feature, "feature")) {
            needed.put(e.getTextContent().trim(), e.getAttribute("version"));
        }
        assertThat(needed).containsOnly(Map.entry("camel-core", "[4.18,5)"), Map.entry("camel-http", "[4.18,5)"),
                Map.entry("camel-jackson", "[4.18,5)"));
        assertThat(children(features.getDocumentElement(), "repository")).singleElement()
                .extracting(Element::getTextContent)
                .isEqualTo("mvn:org.apache.camel.karaf/apache-camel/4.18.0/xml/features");
        assertThat(feature.getAttribute("version")).isEqualTo(System.getProperty("component.version"));
    }

    @Test
    void everyBundleTheFeatureNamesIsAMavenArtifact() {
        List<String> bundles = children(feature, "bundle").stream().map(e -> e.getTextContent().trim()).toList();
        assertThat(bundles).containsExactly("mvn:com.h2database/h2-mvstore/2.3.232",
                "mvn:org.camelevolink/camel-evolink-component/" + System.getProperty("component.version"));
        Path repository = Path.of(System.getProperty("maven.repo.local"));
        assertThat(bundles).allSatisfy(url -> assertThat(Files.isRegularFile(repository.resolve(jarPath(url))))
                .as(url + " in " + repository).isTrue());
    }

    /** mvn:group/artifact/version as its jar's path in a Maven repository. */
    private static String jarPath(String mvnUrl) {
        String[] gav = mvnUrl.substring("mvn:".length()).split("/");
        return gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/" + gav[1] + "-" + gav[2] + ".jar";
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
