package org.camelevolink.component.security;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.camelevolink.component.EvolinkComponent;
import org.junit.jupiter.api.Test;
import org.camelevolink.component.TestComponents;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JMX on (camel-management), the key on the component and, on one endpoint, in its URI: every attribute of
 * every Camel MBean, every health check result (UP and DOWN, message, details, error and its stack trace), the
 * endpoint URIs and the {@code toString()} of the component's objects. Not one of them shows a key, except the one
 * place Camel keeps it by design: {@code getEndpointUri()} and {@code getEndpointKey()} of the endpoint whose URI
 * holds it (KeySecrecyTest and client/SecretsTest cover a refused key and the client's errors).
 */
class KeyNowhereTest extends SecurityTestSupport {

    private final int closedPort = TestComponents.freePort();

    @Override
    public void configureTest(TestExecutionConfiguration testConfiguration) {
        super.configureTest(testConfiguration);
        testConfiguration.withJMX(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").routeId("wait").to("evolink:mj-v7?download=true");
                // the key in an endpoint URI, as some users will write it despite the docs
                from("direct:raw").routeId("raw").to("evolink:mj-v7-upscale?apiKey=RAW(" + KEY + ")");
                from("direct:handOver").routeId("handOver").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").routeId("consume").to("mock:consumed");
                from("direct:nowhere").routeId("nowhere")
                        .to("evolink:mj-v8.1?baseUrl=http://127.0.0.1:" + closedPort + "&maxReadRetries=0");
            }
        };
    }

    @Test
    void noMBeanAttributeHealthCheckUriNorObjectShowsTheKey() throws Exception {
        Exchange made = template.request("direct:wait", e -> e.getMessage().setBody("a kite for JMX"));
        assertThat(made.getException()).isNull();
        getMockEndpoint("mock:consumed").expectedMessageCount(1);
        assertThat(template.request("direct:handOver", e -> e.getMessage().setBody("a kite for the consumer"))
                .getException()).isNull();
        getMockEndpoint("mock:consumed").assertIsSatisfied(10_000);
        Exchange failed = template.request("direct:nowhere", e -> e.getMessage().setBody("no one answers"));
        assertThat(failed.getException()).isNotNull();

        List<String> seen = new ArrayList<>();
        seen.add(trace(failed.getException()));
        seen.addAll(healthCheckResults());
        seen.addAll(objects());
        List<String> attributes = mbeanAttributes();
        assertThat(attributes).as("attributes of evolink MBeans").anyMatch(a -> a.contains("evolink://mj-v7"));
        seen.addAll(attributes);

        assertThat(seen).as("everything read, key masked").allSatisfy(text -> assertThat(KeyScan.keyIn(text))
                .as(KeyScan.mask(text)).isNull());
    }

    /** Every health check, producers and consumers included, one of them DOWN with its error. */
    private List<String> healthCheckResults() {
        for (String repository : List.of("producers", "consumers")) {
            HealthCheckHelper.getHealthCheckRepository(context, repository).setEnabled(true);
        }
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context,
                check -> Map.of(), check -> false, "full");
        assertThat(results).extracting(r -> r.getCheck().getId()).contains("producer:evolink-mj-v7",
                "producer:evolink-mj-v7-upscale", "producer:evolink-mj-v8.1", "consumer:consume");
        assertThat(results).filteredOn(r -> r.getCheck().getId().equals("producer:evolink-mj-v8.1"))
                .singleElement().satisfies(r -> {
                    assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                    assertThat(r.getError()).isPresent();
                });
        assertThat(results).filteredOn(r -> r.getCheck().getId().equals("producer:evolink-mj-v7"))
                .singleElement().satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        List<HealthCheck.Result> all = new ArrayList<>(results);
        // the component's own consumer check, which Camel's consumer:<route id> check above calls
        all.add(((HealthCheckAware) context.getRoute("consume").getConsumer()).getHealthCheck().call());
        List<String> out = new ArrayList<>();
        for (HealthCheck.Result r : all) {
            out.add(r.getCheck().getId() + " " + r.getState() + " " + r.getMessage().orElse("") + " "
                    + r.getDetails() + " " + r.getCheck().getMetaData() + " "
                    + r.getError().map(KeyNowhereTest::trace).orElse(""));
        }
        return out;
    }

    /** URIs and toString() of the component, its configurations, endpoints, producers, consumers and routes. */
    private List<String> objects() throws Exception {
        List<String> out = new ArrayList<>();
        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        out.add(evolink.toString());
        out.add(evolink.getConfiguration().toString());
        for (Endpoint e : context.getEndpoints()) {
            if (e.getEndpointUri().contains("apiKey=")) {
                // Camel's own API keeps what the route wrote: only its toString() and JMX mask it
                assertThat(e.getEndpointUri()).contains("apiKey=RAW(" + KEY + ")");
            } else {
                out.add(e.getEndpointUri() + " " + e.getEndpointKey());
            }
            out.add(e.getEndpointBaseUri() + " " + e);
            if (e instanceof org.camelevolink.component.EvolinkEndpoint ev) {
                out.add(ev.getConfiguration().toString() + " " + ev.getServiceUrl());
                Producer p = ev.createProducer();
                out.add(p.toString());
            }
        }
        for (Route r : context.getRoutes()) {
            Consumer c = r.getConsumer();
            out.add(r + " " + r.getEndpoint() + " " + c + " " + r.getProperties());
        }
        return out;
    }

    /** Every readable attribute of every MBean of this Camel context, as text. */
    private List<String> mbeanAttributes() throws Exception {
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context="
                + context.getManagementName() + ",*"), null);
        assertThat(names).as("MBeans of this context").hasSizeGreaterThan(10);
        List<String> out = new ArrayList<>();
        for (ObjectName name : names) {
            out.add(name.toString());
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                try {
                    out.add(name + " " + attribute.getName() + "=" + text(server.getAttribute(name,
                            attribute.getName())));
                } catch (Exception e) {
                    out.add(name + " " + attribute.getName() + " unreadable: " + trace(e));
                }
            }
        }
        return out;
    }

    private static String text(Object value) {
        return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    }

    private static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
