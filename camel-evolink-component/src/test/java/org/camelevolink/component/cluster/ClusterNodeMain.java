package org.camelevolink.component.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.store.TestDatabase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One node of the multi-node crash test, in a JVM of its own: orders dropped in {@code in-<node>/} are submitted
 * fire-and-forget (the file name is the idempotency key and the correlation id); the consumer writes one file per
 * finished task to the shared {@code out/}, named by the correlation id, and appends every delivery to the shared
 * {@code emitted.log} as {@code node taskId correlationId}. The task store is the shared PostgreSQL one.
 * Arguments: simulator base URL, API key, JDBC URL, table prefix, work directory, node name, lease time (ms).
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path work = Path.of(args[4]);
        String node = args[5];
        HikariDataSource dataSource = TestDatabase.pooled(args[2], 4);
        CamelContext context = new DefaultCamelContext();
        EvolinkComponent evolink = new EvolinkComponent();
        evolink.setTaskStoreDataSource(dataSource);
        evolink.setTaskStoreTablePrefix(args[3]);
        evolink.setLeaseTime(Long.parseLong(args[6]));
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(args[1]);
        cfg.setBaseUrl(baseUrl);
        cfg.setFilesBaseUrl(baseUrl);
        cfg.setAllowInsecureUrls(true);
        cfg.setMinPollInterval(20);
        cfg.setMaxPollInterval(200);
        context.addComponent("evolink", evolink);
        Path emissions = work.resolve("emitted.log");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + work.resolve("in-" + node) + "?move=.done&maxMessagesPerPoll=10&delay=20&initialDelay=0")
                        .routeId("submit")
                        .setHeader(EvolinkConstants.IDEMPOTENCY_KEY, simple("${file:name}"))
                        .setHeader(EvolinkConstants.CORRELATION_ID, simple("${file:name.noext}"))
                        .convertBodyTo(String.class)
                        .to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").routeId("deliver")
                        .process(e -> append(emissions, node + " "
                                + e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class) + " "
                                + e.getMessage().getHeader(EvolinkConstants.CORRELATION_ID, String.class)))
                        .setBody(header(EvolinkConstants.TASK_ID))
                        .to("file:" + work.resolve("out") + "?fileName=${header." + EvolinkConstants.CORRELATION_ID
                                + "}.txt");
            }
        });
        context.start();
        System.out.println("STARTED " + node);
        Thread.currentThread().join();
    }

    /** One write with O_APPEND: lines of several processes never interleave. */
    private static void append(Path log, String line) throws IOException {
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
