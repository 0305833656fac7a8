package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** emitProgress=true: exchanges with rising progress while the task runs, then its outcome, in that order. */
class ProgressTest extends org.apache.camel.test.junit5.CamelTestSupport {

    /** Slow enough (45 s estimated become about 2 s) for several reads to see the progress move. */
    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.05)
            .imageBaseSize(64));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EvolinkComponent evolink = SIM.component(SimulatorConfig.DEFAULT_API_KEY, new InMemoryTaskStore());
        evolink.getConfiguration().setMinPollInterval(100);
        evolink.getConfiguration().setMaxPollInterval(100);
        context.addComponent("evolink", evolink);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7?emitProgress=true").to("mock:updates");
            }
        };
    }

    @Test
    void progressUpdatesRiseAndPrecedeTheOutcome() {
        Exchange sent = template.request("direct:submit", e -> e.getMessage().setBody("a slow sunrise"));
        assertThat(sent.getException()).isNull();
        String taskId = sent.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
        MockEndpoint updates = getMockEndpoint("mock:updates");
        waitingFor("the task's outcome").until(() -> updates.getExchanges().stream()
                .anyMatch(e -> e.getMessage().getHeader(EvolinkConstants.PROGRESS_UPDATE) == null));

        List<Exchange> received = updates.getExchanges();
        Exchange outcome = received.get(received.size() - 1);
        assertThat(outcome.getMessage().getHeader(EvolinkConstants.PROGRESS_UPDATE)).isNull();
        assertThat(outcome.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("completed");
        List<Integer> progress = received.subList(0, received.size() - 1).stream()
                .peek(e -> assertThat(e.getMessage().getHeader(EvolinkConstants.PROGRESS_UPDATE)).isEqualTo(true))
                .peek(e -> assertThat(e.getMessage().getHeader(EvolinkConstants.TASK_ID)).isEqualTo(taskId))
                .map(e -> e.getMessage().getHeader(EvolinkConstants.PROGRESS, Integer.class)).toList();
        assertThat(progress).as("progress updates").hasSizeGreaterThanOrEqualTo(2).isSorted()
                .doesNotHaveDuplicates();
        assertThat(progress.get(progress.size() - 1)).isLessThan(100);
    }
}
