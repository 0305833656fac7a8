package org.camelevolink.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter, configured from application.properties only: the component options
 * are bound, the YAML route runs on the simulator, and Actuator's health shows the component's producer check.
 */
@SpringBootTest(classes = EvolinkStarterTest.App.class)
class EvolinkStarterTest {

    private static final EvolinkSimulator SIMULATOR =
            EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001).build());

    @SpringBootApplication
    static class App {
    }

    @DynamicPropertySource
    static void simulatorUrls(DynamicPropertyRegistry registry) {
        registry.add("camel.component.evolink.base-url", SIMULATOR::baseUrl);
        registry.add("camel.component.evolink.files-base-url", SIMULATOR::filesBaseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private HealthEndpoint health;

    @Test
    void applicationPropertiesConfigureTheComponentAndTheYamlRouteRunsOnTheSimulator() {
        long submitsBefore = SIMULATOR.journal().chargedSubmits();
        Exchange done = producer.request("direct:generate", e -> e.getIn().setBody("a red kite over dunes"));

        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader("CamelEvolinkTaskStatus", String.class)).isEqualTo("completed");
        assertThat(done.getIn().getBody(List.class)).hasSize(4).allSatisfy(image -> assertThat(
                ((Message) image).getBody()).isInstanceOf(byte[].class));
        assertThat(SIMULATOR.journal().chargedSubmits()).isEqualTo(submitsBefore + 1);

        EvolinkComponent component = camelContext.getComponent("evolink", EvolinkComponent.class);
        assertThat(component.getConfiguration().getMaxConcurrentTasks()).isEqualTo(7);
        assertThat(component.getConfiguration().getMinPollInterval()).isEqualTo(20);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(SIMULATOR.baseUrl());
        assertThat(component.getTaskStore()).isInstanceOf(InMemoryTaskStore.class);
    }

    @Test
    void actuatorHealthShowsTheProducerCheck() {
        producer.requestBody("direct:generate", "a lighthouse on a cliff");

        HealthComponent camel = health.healthForPath("camelHealth");
        assertThat(camel).as("the Camel health indicator in Actuator").isNotNull();
        assertThat(camel.getStatus().getCode()).isEqualTo("UP");
        assertThat(String.valueOf(camel)).as("full exposure: every check by its id")
                .contains("producer:evolink-mj-v7=UP");
    }
}
