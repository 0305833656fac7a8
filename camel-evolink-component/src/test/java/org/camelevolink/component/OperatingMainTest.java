package org.camelevolink.component;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * camel-main as users run it: the management server's Prometheus scrape (/observe/metrics) and the developer console
 * (/q/dev/evolink), read over loopback while a task is in flight.
 */
class OperatingMainTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .imageBaseSize(64));

    private final int port = TestComponents.freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void metricsAndTheConsoleAreServedByTheManagementServer() throws Exception {
        main = new Main();
        main.bind("evolink", SIM.component(SimulatorConfig.DEFAULT_API_KEY, new InMemoryTaskStore()));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("evolink:mj-v7");
            }
        });
        // the task left in flight would hold the stop for the default 45 s
        main.addInitialProperty("camel.main.shutdownTimeout", "1");
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.addInitialProperty("camel.metrics.enabled", "true");
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", Integer.toString(port));
        main.addInitialProperty("camel.management.metricsEnabled", "true");
        main.addInitialProperty("camel.management.devConsoleEnabled", "true");
        main.start();
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        assertThat(template.request("direct:generate", e -> e.getMessage().setBody("a lighthouse")).getException())
                .isNull();
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        template.asyncSend("direct:generate", e -> e.getMessage().setBody("a slow lighthouse"));
        waitingFor("the second task submitted").until(() -> SIM.simulator().journal(Endpoint.CREATE).size() == 2
                && SIM.simulator().journal(Endpoint.CREATE).get(1).taskId() != null);
        String taskId = SIM.simulator().journal(Endpoint.CREATE).get(1).taskId();

        String metrics = get("/observe/metrics");
        assertThat(metrics).contains("evolink_tasks_submitted_total{model=\"mj-v7\"} 2.0")
                .contains("evolink_tasks_completed_total{model=\"mj-v7\"} 1.0")
                .contains("evolink_http_requests_total{operation=\"POST /v1/images/generations\",status=\"200\"}")
                .contains("evolink_tasks_in_flight");

        // the console lists the tasks queued for their next read, not one being read at that moment
        String console = waitingFor("the console listing the task").until(() -> get("/q/dev/evolink"),
                text -> text.contains(taskId));
        assertThat(console).contains("EvoLink component evolink").contains("mj-v7");
        // what docs/operating.md quotes, from a real run
        Files.createDirectories(Path.of("target/operating"));
        Files.writeString(Path.of("target/operating/console.txt"), console);
        Files.writeString(Path.of("target/operating/metrics.txt"), metrics);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
