package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain CamelContext whose Vert.x HTTP server is a service, and a route producer with callbacks: the producer
 * starts with its route, before that server is up, so the callback path is registered once the context has fully
 * started (it used to fail the start: no platform-http router yet).
 */
class CallbackReceiverStartTest {

    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .allowInsecureCallbacks(true).imageBaseSize(64));
    private final CamelContext camel = new DefaultCamelContext();
    private final CountDownLatch emitted = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aRouteProducerWithCallbacksStartsBeforeTheHttpServerAndStillReceivesThem() throws Exception {
        int port = TestComponents.freePort();
        TestComponents.addCallbackServer(camel, port);
        EvolinkComponent evolink = sim.component(SimulatorConfig.DEFAULT_API_KEY, new InMemoryTaskStore());
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setCallbackBaseUrl("http://127.0.0.1:" + port + "/evolink/callbacks");
        cfg.setMinPollInterval(60_000); // only the callback can bring the read forward within the test
        cfg.setMaxPollInterval(60_000);
        camel.addComponent("evolink", evolink);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").process(e -> emitted.countDown());
            }
        });

        camel.start();
        String taskId = camel.createProducerTemplate().request("direct:submit", e -> e.getMessage().setBody("a fox"))
                .getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);

        assertThat(emitted.await(10, TimeUnit.SECONDS)).as("emitted after the callback").isTrue();
        assertThat(sim.simulator().journal(Endpoint.TASK_BATCH).stream().filter(e -> e.body().contains(taskId))
                .count())
                .as("the one read the callback asked for").isEqualTo(1);
    }
}
