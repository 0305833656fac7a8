package org.camelevolink.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check docs/checking-uris.md gives for YAML routes, which camel-report-maven-plugin does not read: load the
 * routes into a context that is not started, and give every {@code evolink:} URI to Camel's runtime catalog
 * ({@code camel-core-catalog}, test scope), which reads the component's generated catalog from the classpath.
 */
class YamlRouteUrisTest {

    @Test
    void theEvolinkUrisOfTheShippedYamlRoutesAreValid() throws Exception {
        for (String file : List.of("remove-background", "orders-pipeline", "outpaint-pan-chain")) {
            List<EndpointValidationResult> results = validateEvolinkUris("classpath:routes/" + file + ".camel.yaml");
            assertThat(results).as(file).isNotEmpty().allSatisfy(result -> assertThat(result.isSuccess())
                    .as(result.summaryErrorMessage(false)).isTrue());
        }
    }

    /** The check finds what it must: a wrong value and a misspelt option, in a YAML endpoint's parameters too. */
    @Test
    void aWrongValueOrAMisspeltOptionIsReported(@TempDir Path dir) throws Exception {
        // written so that DocumentedUrisTest, which checks every evolink: URI of this module, does not see them
        String wrongSpeed = "slow";
        String scheme = "evolink";
        Path route = Files.writeString(dir.resolve("wrong.camel.yaml"), """
                - route:
                    from:
                      uri: direct:wrong
                      steps:
                        - to:
                            uri: evolink:mj-v7
                            parameters:
                              speed: %s
                        - to: "%s:mj-v7-upscale?imageNumbr=1"
                """.formatted(wrongSpeed, scheme));

        List<EndpointValidationResult> results = validateEvolinkUris("file:" + route);

        assertThat(results).hasSize(2).noneMatch(EndpointValidationResult::isSuccess);
        assertThat(results.get(0).getInvalidEnum()).containsKey("speed");
        assertThat(results.get(1).getUnknown()).containsExactly("imageNumbr");
    }

    /** The recipe of docs/checking-uris.md: every evolink: endpoint of the routes at a location, judged. */
    static List<EndpointValidationResult> validateEvolinkUris(String routesLocation) throws Exception {
        List<EndpointValidationResult> results = new ArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    PluginHelper.getResourceLoader(context).resolveResource(routesLocation));
            DefaultRuntimeCamelCatalog catalog = new DefaultRuntimeCamelCatalog();
            catalog.setCamelContext(context);
            for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
                List<String> uris = new ArrayList<>();
                uris.add(route.getInput().getEndpointUri());
                for (SendDefinition<?> to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                        SendDefinition.class)) {
                    uris.add(to.getEndpointUri());
                }
                for (String uri : uris) {
                    if (uri.startsWith("evolink:")) {
                        results.add(catalog.validateEndpointProperties(uri));
                    }
                }
            }
        }
        return results;
    }
}
