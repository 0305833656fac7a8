package org.camelevolink.component.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.TestComponents;
import org.camelevolink.component.exceptions.TaskStoreException;
import org.camelevolink.component.store.TestDatabase;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * The shared store's PostgreSQL stops while tasks run and starts again (same data, same port): a submit that needs a
 * save meanwhile fails with a typed error and sends nothing; health checks say the store fails; the outcomes of the
 * tasks that finished meanwhile are kept and delivered once the database is back, each once.
 */
class DatabaseOutageTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.04)
            .imageBaseSize(64));

    @TempDir
    Path data;
    private final int port = TestComponents.freePort();
    private final List<String> deliveries = new CopyOnWriteArrayList<>();
    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private Node node;

    private EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @AfterEach
    void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void nothingIsLostWhileTheDatabaseIsAwayAndNothingIsSentWithoutItsRecord() throws Exception {
        postgres = startDatabase();
        pool = TestDatabase.pooled(postgres.getJdbcUrl("postgres", "postgres"), 4);
        node = new Node(SIM.simulator(), pool, "evolink_", 30_000).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").routeId("deliver")
                        .process(e -> deliveries.add(e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class)));
            }
        }).start();
        HealthCheck health = ((HealthCheckAware) node.context.getRoute("deliver").getConsumer()).getHealthCheck();
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taskIds.add(submit("order-" + i).getMessage().getHeader(EvolinkConstants.TASK_ID, String.class));
        }

        postgres.close();
        postgres = null;
        Exchange refused = submit("order-while-away");
        assertThat(refused.getException()).isInstanceOf(TaskStoreException.class)
                .hasMessageContaining("evolink_tasks");
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).as("nothing sent without its record").hasSize(10);
        assertThat(health.call().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.call().getMessage()).get().asString().contains("task store");
        taskIds.forEach(SIM.simulator()::completeTask); // they end while the database is away
        Thread.sleep(2_000); // the node reads them (it polls every 5 to 50 ms) and cannot save their outcomes
        assertThat(deliveries).as("delivered while the store cannot record it").isEmpty();

        postgres = startDatabase();
        waitingFor("every task delivered once the database is back").atMost(Duration.ofSeconds(60))
                .until(() -> deliveries.containsAll(taskIds));
        Thread.sleep(500);
        Map<String, Long> perTask = deliveries.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(perTask).hasSize(10).allSatisfy((t, n) -> assertThat(n).isEqualTo(1));
        waitingFor("health UP again").until(() -> health.call().getState() == HealthCheck.State.UP);
    }

    private Exchange submit(String key) {
        return node.template().request("direct:submit", e -> {
            e.getMessage().setBody("a lighthouse at dawn, " + key);
            e.getMessage().setHeader(EvolinkConstants.IDEMPOTENCY_KEY, key);
        });
    }
}
