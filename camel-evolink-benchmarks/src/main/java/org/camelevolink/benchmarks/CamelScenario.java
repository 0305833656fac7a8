package org.camelevolink.benchmarks;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/** A scenario that is a set of Camel routes in a context of its own, fed through {@code direct:task}. */
abstract class CamelScenario implements Scenario {

    protected BenchEnvironment env;
    private CamelContext camel;
    private Endpoint start;
    private AsyncProducer producer;

    @Override
    public final void start(BenchEnvironment env) throws Exception {
        this.env = env;
        camel = new DefaultCamelContext();
        configure(camel);
        camel.addRoutes(routes());
        camel.start();
        start = camel.getEndpoint("direct:task");
        producer = start.createAsyncProducer();
        producer.start();
    }

    /** Components and services the routes need. */
    protected void configure(CamelContext camel) throws Exception {
    }

    protected abstract RouteBuilder routes();

    /** Gives camel-http {@code connections} to the simulator, as many as the route's threads can use at once. */
    protected static void httpConnections(CamelContext camel, int connections) {
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setConnectionsPerRoute(connections);
        http.setMaxTotalConnections(connections);
    }

    /**
     * Adds the Vert.x HTTP server platform-http routes are served by (the server a Camel application runs anyway)
     * on a free loopback port, and returns its base URL.
     */
    protected static String addHttpServer(CamelContext camel) throws Exception {
        int port = BenchEnvironment.freePort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        return "http://127.0.0.1:" + port;
    }

    /**
     * Sends the task into {@code direct:task} without waiting for it: a route that goes asynchronous hands the
     * harness's thread back at once, so this measures the route, not a caller's thread pool.
     */
    @Override
    public void submit(int i) {
        Exchange exchange = start.createExchange();
        exchange.getMessage().setBody(BenchEnvironment.prompt(i));
        producer.process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                env.ledger().failed(exchange.getException());
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }
}
