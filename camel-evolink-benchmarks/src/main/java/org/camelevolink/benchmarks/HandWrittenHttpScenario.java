package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;

/**
 * Scenario d, the baseline: what a good Camel user writes by hand today. camel-http POSTs the task, then a
 * {@code loopDoWhile} waits EvoLink's recommended 3 s (scaled) and GETs the task until it is done, on a SEDA queue
 * whose consumer threads (and HTTP connections) are sized for the load.
 */
final class HandWrittenHttpScenario extends CamelScenario {

    @Override
    public String id() {
        return "d";
    }

    @Override
    public String title() {
        return "baseline: camel-http POST + loopDoWhile(delay, GET)";
    }

    @Override
    protected void configure(CamelContext camel) {
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setConnectionsPerRoute(env.settings().handThreads());
    }

    @Override
    protected RouteBuilder routes() {
        String base = env.sim().baseUrl();
        BenchSettings s = env.settings();
        TaskLedger ledger = env.ledger();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:task").to("seda:images?size=100000");

                from("seda:images?concurrentConsumers=" + s.handThreads() + "&size=100000")
                        .setHeader("Authorization", constant("Bearer " + BenchSettings.API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setBody(simple("{\"model\":\"" + s.model() + "\",\"prompt\":\"${body}\"}"))
                        .to(base + "/v1/images/generations")
                        .setProperty("taskId", jsonpath("$.id", String.class))
                        .setProperty("status", jsonpath("$.status", String.class))
                        .loopDoWhile(simple("${exchangeProperty.status} != 'completed'"
                                + " && ${exchangeProperty.status} != 'failed'"))
                            .delay(s.handPollMillis()).end() // delay() takes children too: end it, or the rest nests in it
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setBody(constant(null))
                            .toD(base + "/v1/tasks/${exchangeProperty.taskId}")
                            .setProperty("status", jsonpath("$.status", String.class))
                        .end()
                        .process(e -> ledger.detected(e.getProperty("taskId", String.class)));
            }
        };
    }
}
