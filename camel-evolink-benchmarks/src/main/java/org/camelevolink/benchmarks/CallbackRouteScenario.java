package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Baseline d4, a hand-written callback receiver: SEDA consumers POST each task with a {@code callback_url} on a
 * platform-http route (Vert.x); the route reads the task id from the callback, verifies it with a GET (a callback
 * proves nothing by itself: anyone can POST to the URL), and takes the outcome from that answer.
 */
final class CallbackRouteScenario extends CamelScenario {

    private static final String PATH = "/hooks/evolink";

    private String callbackUrl;

    @Override
    public String id() {
        return "d4";
    }

    @Override
    public String title() {
        return "baseline: camel-http POST with callback_url + platform-http receiver, verifying GET";
    }

    @Override
    public Role role() {
        return Role.BASELINE;
    }

    @Override
    protected void configure(CamelContext camel) throws Exception {
        callbackUrl = addHttpServer(camel) + PATH;
        httpConnections(camel, 2 * env.settings().handThreads());
    }

    @Override
    protected RouteBuilder routes() {
        String base = env.sim().baseUrl();
        BenchSettings s = env.settings();
        TaskLedger ledger = env.ledger();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:task").to("seda:images?size=200000");

                from("seda:images?concurrentConsumers=" + env.settings().handThreads() + "&size=200000")
                        .setHeader("Authorization", constant("Bearer " + BenchSettings.API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setBody(simple("{\"model\":\"" + s.model() + "\",\"prompt\":\"${body}\",\"callback_url\":\""
                                + callbackUrl + "\"}"))
                        .to(base + "/v1/images/generations");

                from("platform-http:" + PATH + "?httpMethodRestrict=POST")
                        .setProperty("taskId", jsonpath("$.id", String.class))
                        // the callback's own headers (its path and URI among them) would steer the GET: drop them
                        .removeHeaders("*")
                        .setHeader("Authorization", constant("Bearer " + BenchSettings.API_KEY))
                        .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                        .setBody(constant(null))
                        .toD(base + "/v1/tasks/${exchangeProperty.taskId}")
                        .setProperty("status", jsonpath("$.status", String.class))
                        .filter(simple("${exchangeProperty.status} in 'completed,failed'"))
                            .process(e -> ledger.detected(e.getProperty("taskId", String.class)))
                        .end()
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                        .setBody(constant(""));
            }
        };
    }
}
