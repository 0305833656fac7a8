package org.camelevolink.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelevolink.component.catalog.ModelCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values an option's {@code enums} offer tooling (Camel's catalog, IDEs, {@code camel run}) are the values the
 * models of {@code evolink-models.json} take for that field (model_params, or the top-level quality), all of them and no other: the catalog is the one place
 * where a value is allowed, and a new value there fails here until the option offers it too.
 */
class OptionEnumsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"speed", "quality", "type", "mode", "direction"})
    void anOptionOffersExactlyTheValuesTheCatalogAllows(String option) throws IOException {
        Set<String> catalogValues = ModelCatalog.load().all().stream()
                .flatMap(m -> option.equals("quality") ? m.qualityValues().stream() // a top-level field
                        : m.param(option) == null ? Stream.empty() : m.param(option).values().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogValues).as("values of model_params.%s in evolink-models.json", option).isNotEmpty();
        assertThat(optionEnum(option)).as("enums of the %s option", option).isEqualTo(catalogValues);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"imageNumber", "scale", "canvasWidth", "prompt"})
    void anOptionWhoseFieldIsNoEnumOffersNoValues(String option) throws IOException {
        assertThat(optionEnum(option)).isEmpty();
    }

    private static Set<String> optionEnum(String option) throws IOException {
        JsonNode json;
        try (InputStream in = OptionEnumsTest.class
                .getResourceAsStream("/META-INF/org/camelevolink/component/evolink.json")) {
            json = new ObjectMapper().readTree(in);
        }
        JsonNode property = json.at("/properties/" + option);
        assertThat(property.isMissingNode()).as("option %s in the generated catalog", option).isFalse();
        return StreamSupport.stream(property.path("enum").spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
