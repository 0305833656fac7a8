package org.camelevolink.quarkus.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.store.MVStoreTaskStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a Quarkus application, JVM mode, on the simulator: configured from application.properties
 * only, a Java DSL and a YAML chain (generate, upscale, remove-bg with the image downloaded), fire and forget with
 * a consumer on the default store, and the producer health check registered
 * with Camel.
 */
@QuarkusTest
@QuarkusTestResource(SimulatorResource.class)
class EvolinkQuarkusTest {

    @Inject
    CamelContext camelContext;
    @Inject
    ProducerTemplate producer;
    @Inject
    FinishedTasks finishedTasks;

    @Test
    void applicationPropertiesConfigureCamelAndTheComponent() {
        assertThat(camelContext.getName()).isEqualTo("evolink-quarkus");
        assertThat(camelContext.getRoute("excluded")).as("quarkus.camel.routes-discovery.exclude-patterns").isNull();
        assertThat(camelContext.getRoute("yaml-chain")).as("camel.main.routes-include-pattern").isNotNull();
        EvolinkComponent component = camelContext.getComponent("evolink", EvolinkComponent.class);
        assertThat(component.getConfiguration().getMaxConcurrentTasks()).isEqualTo(5);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(SimulatorResource.simulator.baseUrl());
        assertThat(component.getTaskStoreFile()).isEqualTo("target/evolink-data/tasks.mv");
    }

    @Test
    void theJavaDslChainDownloadsTheCutOut() {
        assertCutOut(producer.request("direct:java-chain", e -> e.getIn().setBody("a red kite over dunes")));
    }

    @Test
    void theYamlChainDownloadsTheCutOut() {
        assertCutOut(producer.request("direct:yaml-chain", e -> e.getIn().setBody("a lighthouse on a cliff")));
    }

    @Test
    void aTaskSubmittedWithoutWaitingReachesTheConsumerThroughTheDefaultStore() throws Exception {
        producer.send("direct:submit", e -> {
            e.getIn().setBody("a fox in the snow");
            e.getIn().setHeader("CamelEvolinkCorrelationId", "order-7");
        });
        assertThat(finishedTasks.correlationIds().poll(60, TimeUnit.SECONDS)).isEqualTo("order-7");
        assertThat(camelContext.getComponent("evolink", EvolinkComponent.class).getTaskStore())
                .as("no store configured: the default file store").satisfiesAnyOf(
                        store -> assertThat(store).isNull(),
                        store -> assertThat(store).isInstanceOf(MVStoreTaskStore.class));
    }

    /**
     * The check is in Camel's registry, where camel-quarkus-microprofile-health would read it for /q/health; that
     * extension is not obtainable at 3.33.x here, so the check is called from the registry itself.
     */
    @Test
    void theProducerHealthCheckIsRegisteredAndUp() {
        producer.requestBody("direct:java-chain", "a heron at dawn");
        HealthCheckRepository producers = HealthCheckRegistry.get(camelContext).getRepository("producers")
                .orElseThrow();
        List<HealthCheck> checks = producers.stream()
                .filter(check -> check.getId().equals("producer:evolink-mj-v7")).toList();
        assertThat(checks).isNotEmpty()
                .allSatisfy(check -> assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP));
    }

    private static void assertCutOut(Exchange done) {
        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader("CamelEvolinkTaskStatus", String.class)).isEqualTo("completed");
        assertThat(done.getIn().getBody()).isInstanceOf(byte[].class);
        assertThat(done.getIn().getHeader(Exchange.CONTENT_TYPE, String.class)).isEqualTo("image/png");
    }
}
