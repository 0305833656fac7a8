package org.camelevolink.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL routes of the test application: the generate, upscale, remove-bg chain (the YAML route
 * routes/chain.camel.yaml is the same chain), and fire and forget with a consumer of the finished tasks.
 */
public class ChainRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:java-chain")
                .to("evolink:mj-v7")
                .to("evolink:mj-v7-upscale?imageNumber=1")
                .to("evolink:mj-v7-remove-bg?download=true");

        from("direct:submit")
                .to("evolink:mj-v7?waitForCompletion=false");

        from("evolink:mj-v7")
                .bean(FinishedTasks.class, "add");
    }
}
