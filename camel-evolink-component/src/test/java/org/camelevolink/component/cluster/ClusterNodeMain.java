package org.camelevolink.component.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.crash.CrashApps;
import org.camelevolink.component.store.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of the multi-node crash test, in a JVM of its own: orders dropped in {@code in-<node>/} are submitted
 * fire-and-forget (the file name is the idempotency key and the correlation id); the consumer writes one file per
 * finished task to the shared {@code out/}, named by the correlation id, and appends every delivery to the shared
 * {@code emitted.log} as {@code node taskId correlationId}. The task store is the shared PostgreSQL one.
 * Arguments: simulator base URL, API key, JDBC URL, table prefix, work directory, node name, lease time (ms), and
 * optionally a number of orders the node submits itself at start (the scale run), 64 at a time, through
 * {@code direct:submit}; it then writes {@code node-<name>.stats} (threads, heap after GC, statements run) once a
 * second. The scale run polls at the component's defaults (1 s to 30 s), not the crash test's 20 to 200 ms.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path work = Path.of(args[4]);
        String node = args[5];
        int orders = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        HikariDataSource pool = TestDatabase.pooled(args[2], 4);
        StatementCounter statements = new StatementCounter();
        CamelContext context = new DefaultCamelContext();
        EvolinkComponent evolink = CrashApps.component(baseUrl, args[1]);
        if (orders > 0) {
            EvolinkConfiguration defaults = new EvolinkConfiguration();
            evolink.getConfiguration().setMinPollInterval(defaults.getMinPollInterval());
            evolink.getConfiguration().setMaxPollInterval(defaults.getMaxPollInterval());
            evolink.getConfiguration().setMaxWaitTime(Duration.ofHours(2).toMillis());
        }
        evolink.setTaskStoreDataSource(new CuttableDataSource(pool, statements));
        evolink.setTaskStoreTablePrefix(args[3]);
        evolink.setLeaseTime(Long.parseLong(args[6]));
        context.addComponent("evolink", evolink);
        Path emissions = work.resolve("emitted.log");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + work.resolve("in-" + node) + "?move=.done&maxMessagesPerPoll=2&delay=40&initialDelay=0")
                        .routeId("submit")
                        .setHeader(EvolinkConstants.IDEMPOTENCY_KEY, simple("${file:name}"))
                        .setHeader(EvolinkConstants.CORRELATION_ID, simple("${file:name.noext}"))
                        .convertBodyTo(String.class)
                        .to("evolink:mj-v7?waitForCompletion=false");
                from("direct:submit").routeId("generate").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").routeId("deliver")
                        .process(e -> CrashApps.append(emissions, node + " "
                                + e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class) + " "
                                + e.getMessage().getHeader(EvolinkConstants.CORRELATION_ID, String.class) + " "
                                + System.currentTimeMillis()))
                        .setBody(header(EvolinkConstants.TASK_ID))
                        .to("file:" + work.resolve("out") + "?fileName=${header." + EvolinkConstants.CORRELATION_ID
                                + "}.txt");
            }
        });
        context.start();
        System.out.println("STARTED " + node);
        if (orders > 0) {
            ScaleStats.writeEverySecond(work.resolve("node-" + node + ".stats"), statements::executed);
            generate(context, node, orders);
        }
        Thread.currentThread().join();
    }

    private static void generate(CamelContext context, String node, int orders) throws InterruptedException {
        ProducerTemplate template = context.createProducerTemplate();
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < orders; i++) {
            inFlight.acquire();
            String key = "order-" + node + "-" + i;
            template.asyncSend("direct:submit", e -> {
                e.getMessage().setBody("poster " + key);
                e.getMessage().setHeader(EvolinkConstants.IDEMPOTENCY_KEY, key);
                e.getMessage().setHeader(EvolinkConstants.CORRELATION_ID, key);
            }).whenComplete((done, error) -> {
                if (error != null || done.getException() != null) {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(64);
        System.out.println("SUBMITTED " + orders + " FAILED " + failed.get());
    }
}
