package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.component.tracking.OutageWatch;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * EvoLink unreachable while tasks wait: one WARN once the outage has lasted outageWarningDelay, the consumer's
 * health check DOWN meanwhile, one INFO and UP again when reads are answered, and the task still delivered.
 */
class OutageTest extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .imageBaseSize(64));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EvolinkComponent evolink = SIM.component(SimulatorConfig.DEFAULT_API_KEY,
                new InMemoryTaskStore());
        evolink.setOutageWarningDelay(300);
        evolink.getConfiguration().setMinPollInterval(5);
        evolink.getConfiguration().setMaxPollInterval(20);
        evolink.getConfiguration().setMaxReadRetries(0);
        context.addComponent("evolink", evolink);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("evolink:mj-v7").routeId("v7").to("mock:done");
            }
        };
    }

    @Test
    void anOutageIsSaidOnceAndItsEndToo() throws Exception {
        try (LogCapture logs = LogCapture.of(OutageWatch.class.getName(), Level.INFO, "%p %m%n")) {
            MockEndpoint done = getMockEndpoint("mock:done");
            done.expectedMessageCount(1);
            template.sendBody("evolink:mj-v7?waitForCompletion=false", "a kite in a storm");
            SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.RESET_BEFORE), 100_000)
                    .script(Endpoint.TASK_BATCH, Fault.of(FaultKind.RESET_BEFORE), 100_000);
            waitingFor("the WARN").until(() -> logs.text().contains("WARN EvoLink has not answered"));
            assertThat(consumerUp()).as("the consumer's health check during the outage").isFalse();
            assertThat(consumerCheck().getMessage().orElse("")).contains("has not answered reads");
            Thread.sleep(200); // more failed reads in the same outage: still one WARN
            assertThat(logs.count("WARN EvoLink has not answered")).isEqualTo(1);
            assertThat(logs.text()).doesNotContain("INFO EvoLink answers");

            SIM.simulator().faults().clear();
            done.assertIsSatisfied(20_000);
            waitingFor("the end of the outage logged")
                    .until(() -> logs.text().contains("INFO EvoLink answers"));
            assertThat(consumerUp()).isTrue();
            assertThat(logs.count("WARN EvoLink has not answered")).isEqualTo(1);
        }
    }

    @Test
    void stoppingDuringAnOutageEndsTheWaitsAtOnce() throws Exception {
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.RESET_BEFORE), 100_000)
                .script(Endpoint.TASK_BATCH, Fault.of(FaultKind.RESET_BEFORE), 100_000);
        java.util.concurrent.CompletableFuture<org.apache.camel.Exchange> waiting = template.asyncSend(
                "evolink:mj-v7", e -> e.getMessage().setBody("a kite in the fog"));
        waitingFor("a failed read").until(() -> context.getComponent("evolink", EvolinkComponent.class).tracker()
                .outages().anyFailing());
        // no read can succeed: waiting for the shutdown timeout (here a minute) would only delay the stop
        context.getShutdownStrategy().setTimeout(60);
        context.stop();
        assertThat(context.getShutdownStrategy().hasTimeoutOccurred()).isFalse();
        assertThat(waiting.get(Waiting.LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).getException())
                .hasMessageContaining("stopping").hasMessageContaining("task-");
    }

    private boolean consumerUp() {
        return consumerCheck().getState() == HealthCheck.State.UP;
    }

    /** What Camel's consumer:<route> check calls for a HealthCheckAware consumer. */
    private HealthCheck.Result consumerCheck() {
        return ((HealthCheckAware) context.getRoute("v7").getConsumer()).getHealthCheck().call();
    }
}
