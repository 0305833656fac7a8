package org.camelevolink.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties are the component's options: one per option of the catalog in the component jar
 * (a new component option without a property here fails this test), and the metadata IDEs complete from names
 * each of them under camel.component.evolink.
 */
class EvolinkComponentPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionOfTheCatalogIsAProperty() throws Exception {
        Set<String> options = new TreeSet<>();
        read("META-INF/org/camelevolink/component/evolink.json").get("componentProperties").fieldNames()
                .forEachRemaining(options::add);
        options.remove("configuration"); // the nested object whose options are the flat ones

        Set<String> properties = new TreeSet<>(Arrays.stream(new BeanWrapperImpl(new EvolinkComponentProperties())
                .getPropertyDescriptors()).map(PropertyDescriptor::getName).toList());
        properties.removeAll(Set.of("class", "enabled"));

        assertThat(properties).isEqualTo(options);
    }

    @Test
    void theConfigurationMetadataNamesEveryProperty() throws Exception {
        Set<String> names = new TreeSet<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("camel.component.evolink.api-key", "camel.component.evolink.base-url",
                "camel.component.evolink.task-store-file", "camel.component.evolink.enabled");
        assertThat(names).hasSize(new BeanWrapperImpl(new EvolinkComponentProperties()).getPropertyDescriptors()
                .length - 1); // every property but getClass()'s
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = EvolinkComponentPropertiesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
