package org.camelevolink.examples;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main example (Java DSL on camel-main): four images from a prompt, the second one upscaled, its background
 * removed, every PNG written to {@code target/evolink-output/}.
 */
public final class MainExample {

    static final String PROMPT = "a ceramic teapot on a plain background, product photo --ar 4:3";

    private MainExample() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(System.getProperty("evolink.output", "target/evolink-output")).toAbsolutePath();
        List<Path> written = run(output);
        System.out.println();
        System.out.println("Wrote " + written.size() + " images to " + output + ":");
        written.forEach(p -> System.out.println("  " + p.getFileName()));
    }

    /** Runs the route once and returns the files it wrote. */
    static List<Path> run(Path output) throws Exception {
        try (ExampleBackend backend = ExampleBackend.start()) {
            System.out.println("Running on " + backend.describe());
            Main main = new Main();
            backend.configure(main);
            main.configure().addRoutesBuilder(new ProductShotRoute(output.toString()));
            main.configure().withDurationMaxMessages(1).withDurationMaxSeconds(600);
            main.run();
        }
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The route itself: what a user would write. */
    static final class ProductShotRoute extends RouteBuilder {
        private final String output;

        ProductShotRoute(String output) {
            this.output = output;
        }

        @Override
        public void configure() {
            from("timer:product-shot?repeatCount=1")
                    .setBody(constant(PROMPT))
                    // four images; their bytes come back as a list of messages, the task id in a header
                    .to("evolink:mj-v7?download=true")
                    // one unit of work: camel-main's duration-max-messages=1 counts the whole run as one message
                    .split(body()).shareUnitOfWork()
                        .setHeader(Exchange.FILE_NAME, simple("generated-${header.CamelEvolinkResultIndex}.png"))
                        .to("file:" + output)
                    .end()
                    // the second image at 2x; the source task is the CamelEvolinkTaskId header
                    .to("evolink:mj-v7-upscale?imageNumber=1")
                    .to("evolink:mj-v7-remove-bg?download=true")
                    .setHeader(Exchange.FILE_NAME, constant("upscaled-without-background.png"))
                    .to("file:" + output)
                    .log(LoggingLevel.INFO, "org.camelevolink.examples",
                            "Wrote the images of task ${header.CamelEvolinkTaskId} to " + output);
        }
    }
}
