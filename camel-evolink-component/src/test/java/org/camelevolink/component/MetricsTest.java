package org.camelevolink.component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.exceptions.EvolinkTaskFailedException;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A SimpleMeterRegistry in the Camel registry: exact counts after tasks complete, fail and time out. */
class MetricsTest extends ProducerTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("evolink:mj-v7?maxWaitTime=400");
            }
        };
    }

    @Test
    void completedFailedAndTimedOutTasksAreCountedExactlyByModelAndCode() {
        assertThat(generate("a lighthouse").getException()).isNull();
        assertThat(generate("a harbour").getException()).isNull();
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.failTask("generation_failed"), 1);
        assertThat(generate("a storm").getException()).isInstanceOf(EvolinkTaskFailedException.class);
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        assertThat(generate("a calm sea").getException()).isInstanceOf(EvolinkTimeoutException.class);

        assertThat(count("evolink.tasks.submitted", "model", "mj-v7")).isEqualTo(4);
        assertThat(count("evolink.tasks.completed", "model", "mj-v7")).isEqualTo(2);
        assertThat(count("evolink.tasks.failed", "model", "mj-v7", "code", "generation_failed")).isEqualTo(1);
        assertThat(count("evolink.tasks.timed.out", "model", "mj-v7")).isEqualTo(1);
        assertThat(meters.get("evolink.tasks.duration").tags("model", "mj-v7", "outcome", "completed").timer()
                .count()).isEqualTo(2);
        assertThat(meters.get("evolink.tasks.submit.latency").tags("model", "mj-v7").timer().count()).isEqualTo(4);
        assertThat(count("evolink.http.requests", "operation", "POST /v1/images/generations", "status", "200"))
                .isEqualTo(4);
        assertThat(meters.get("evolink.credits.reserved").tags("model", "mj-v7").counter().count()).isPositive();
        assertThat(meters.get("evolink.tasks.waiting").gauge().value()).isZero();
        // no task id anywhere in a tag
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .noneMatch(t -> t.getValue().startsWith("task-")));
    }

    @Test
    void retriedAndThrottledRequestsAreCounted() {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.rateLimit(0), 1);
        assertThat(generate("a gull").getException()).isNull();
        assertThat(count("evolink.http.throttled", "operation", "POST /v1/images/generations")).isEqualTo(1);
        assertThat(count("evolink.http.retries", "operation", "POST /v1/images/generations")).isEqualTo(1);
        assertThat(count("evolink.http.requests", "operation", "POST /v1/images/generations", "status", "429"))
                .isEqualTo(1);
    }

    private Exchange generate(String prompt) {
        return template.request("direct:generate", e -> e.getMessage().setBody(prompt));
    }

    private double count(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
