package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.exceptions.TaskStoreException;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** The default store file is created when something needs it, not when the component starts. */
class TaskStoreOpeningTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .imageBaseSize(64));

    @TempDir
    Path dir;

    @Test
    void aProducerRouteCreatesTheStoreWithItsFirstSubmitNotAtStart() throws Exception {
        Path file = dir.resolve("tasks.mv");
        try (CamelContext context = context(file, "direct:generate", "evolink:mj-v7")) {
            assertThat(file).as("after the start, before any submit").doesNotExist();
            Exchange out = context.createProducerTemplate().request("direct:generate",
                    e -> e.getMessage().setBody("a kite"));
            assertThat(out.getException()).isNull();
            assertThat(file).exists();
            assertThat(dir.resolve("tasks.mv.created")).exists();
        }
    }

    @Test
    void aConsumerCreatesTheStoreWhenItStarts() throws Exception {
        Path file = dir.resolve("tasks.mv");
        try (CamelContext context = context(file, "evolink:*", "log:done")) {
            waitingFor("the store created").until(() -> Files.exists(dir.resolve("tasks.mv.created")));
            assertThat(file).as("the consumer's start reloads the store").exists();
            assertThat(context.getRouteController().getRouteStatus("route").isStarted()).isTrue();
        }
    }

    @Test
    void aSecondApplicationOnTheSameFileFailsItsFirstSubmitSayingTheFileIsInUse() throws Exception {
        Path file = dir.resolve("tasks.mv");
        try (CamelContext first = context(file, "direct:generate", "evolink:mj-v7");
                CamelContext second = context(file, "direct:generate", "evolink:mj-v7")) {
            assertThat(first.createProducerTemplate().request("direct:generate",
                    e -> e.getMessage().setBody("a kite")).getException()).isNull();
            Exchange refused = second.createProducerTemplate().request("direct:generate",
                    e -> e.getMessage().setBody("a kite"));
            assertThat(refused.getException()).isInstanceOf(TaskStoreException.class)
                    .hasMessageContaining("is in use by another process").hasMessageNotContaining("damaged");
            assertThat(SIM.simulator().journal(org.camelevolink.simulator.http.Endpoint.CREATE))
                    .as("nothing sent by the second").hasSize(1);
        }
    }

    private static CamelContext context(Path storeFile, String from, String to) throws Exception {
        EvolinkComponent evolink = SIM.component(SimulatorConfig.DEFAULT_API_KEY, null);
        evolink.setTaskStoreFile(storeFile.toString());
        CamelContext context = new DefaultCamelContext();
        context.addComponent("evolink", evolink);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("route").to(to);
            }
        });
        context.start();
        return context;
    }
}
