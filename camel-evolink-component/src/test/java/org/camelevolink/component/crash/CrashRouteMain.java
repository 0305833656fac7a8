package org.camelevolink.component.crash;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConstants;

import java.nio.file.Path;

/**
 * The application the crash test kills: files dropped in {@code in/} are submitted fire-and-forget (the file name is
 * the idempotency key and the correlation id); the consumer writes one file per finished task to {@code out/}, named
 * by the correlation id, and appends every delivery to {@code emitted.log}. It uses the default persistent store.
 * Arguments: simulator base URL, API key, store file, work directory.
 */
public final class CrashRouteMain {

    private CrashRouteMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path work = Path.of(args[3]);
        CamelContext context = new DefaultCamelContext();
        EvolinkComponent evolink = CrashApps.component(baseUrl, args[1]);
        evolink.setTaskStoreFile(args[2]);
        context.addComponent("evolink", evolink);
        Path emissions = work.resolve("emitted.log");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + work.resolve("in") + "?move=.done&maxMessagesPerPoll=5&delay=50&initialDelay=0")
                        .routeId("submit")
                        .setHeader(EvolinkConstants.IDEMPOTENCY_KEY, simple("${file:name}"))
                        .setHeader(EvolinkConstants.CORRELATION_ID, simple("${file:name.noext}"))
                        .convertBodyTo(String.class)
                        .to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").routeId("emit")
                        .process(e -> CrashApps.append(emissions, e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class)
                                + " " + e.getMessage().getHeader(EvolinkConstants.CORRELATION_ID, String.class)))
                        .setBody(header(EvolinkConstants.TASK_ID))
                        .to("file:" + work.resolve("out") + "?fileName=${header." + EvolinkConstants.CORRELATION_ID
                                + "}.txt");
            }
        });
        context.start();
        System.out.println("STARTED");
        Thread.currentThread().join();
    }
}
