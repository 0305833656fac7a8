package org.camelevolink.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/** Left out by quarkus.camel.routes-discovery.exclude-patterns: shows a quarkus.camel.* setting at work. */
public class ExcludedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:excluded").routeId("excluded").log("never started");
    }
}
