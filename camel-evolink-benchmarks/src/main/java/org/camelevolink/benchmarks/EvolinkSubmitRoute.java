package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.EvolinkSimulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The route a bulk load goes through: {@code direct:submit} to {@code evolink:<model>?waitForCompletion=false}, so an
 * exchange is done when its paid submit is answered (and recorded in the task store), with the default file store
 * (a fresh MVStore file) or the in-memory one. Callers send with a {@link ProducerTemplate}, each waiting for its
 * exchange, as a route fed by a thread pool would.
 */
final class EvolinkSubmitRoute implements Submitter {

    static final String FILE_STORE_ID = "evolink (file store)";
    static final String IN_MEMORY_ID = "evolink (in-memory store)";

    private final boolean fileStore;
    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;
    private Path storeDir;

    /** {@code maxSubmitRetries} < 0 keeps the component's default. */
    EvolinkSubmitRoute(EvolinkSimulator sim, String model, boolean fileStore, int maxSubmitRetries) throws Exception {
        this.fileStore = fileStore;
        EvolinkComponent evolink = new EvolinkComponent();
        if (fileStore) {
            storeDir = Files.createTempDirectory("bench-submit-store");
            evolink.setTaskStoreFile(storeDir.resolve("tasks.mv").toString());
        } else {
            evolink.setTaskStore(new InMemoryTaskStore());
        }
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(BenchSettings.API_KEY);
        cfg.setBaseUrl(sim.baseUrl());
        cfg.setFilesBaseUrl(sim.filesBaseUrl());
        cfg.setAllowInsecureUrls(true);
        if (maxSubmitRetries >= 0) {
            cfg.setMaxSubmitRetries(maxSubmitRetries);
        }
        camel.addComponent("evolink", evolink);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no redelivery, as with Camel's default handler, but without its log of every exchange refused under
                // the limit: the error stays on the exchange, where the caller counts it
                errorHandler(noErrorHandler());
                from("direct:submit").to("evolink:" + model + "?waitForCompletion=false");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @Override
    public String id() {
        return fileStore ? FILE_STORE_ID : IN_MEMORY_ID;
    }

    @Override
    public String submit(int i) throws Exception {
        Exchange done = template.send("direct:submit", e -> e.getMessage().setBody(BenchEnvironment.prompt(i)));
        if (done.getException() != null) {
            throw done.getException();
        }
        String taskId = done.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
        if (taskId == null) {
            throw new IllegalStateException("exchange done without a task id or an exception");
        }
        return taskId;
    }

    @Override
    public void close() throws Exception {
        template.close();
        camel.close();
        if (storeDir != null) {
            try (Stream<Path> files = Files.walk(storeDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
