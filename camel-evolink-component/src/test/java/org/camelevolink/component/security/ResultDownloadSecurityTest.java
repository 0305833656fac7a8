package org.camelevolink.component.security;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.exceptions.EvolinkException;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the producer refuses to download when a finished task's result links are not what they should be. The
 * simulator writes its result links under {@code publicBaseUrl}, so each test points them where it likes: at a
 * host that only looks like EvoLink's, at the cloud metadata address, or at a loopback "CDN" of the test's making.
 * client/DownloadTest covers the client (no key to a foreign host, no redirects, size bound, 404) and the
 * examples' GuideRoutesTest the route options (allowed hosts, maxDownloadBytes, https only).
 */
class ResultDownloadSecurityTest {

    /** Refused before any connection is made: the link's host or scheme alone decides. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        http://169.254.169.254,                 'from host 169.254.169.254: not in'
        http://evolink.ai.attacker.example,     'from host evolink.ai.attacker.example: not in'
        http://attackerevolink.ai,              'from host attackerevolink.ai: not in'
        http://files.evolink.ai@attacker.example, 'from host attacker.example: not in'
        http://localhost,                       'from host localhost: not in'
        ftp://files.evolink.ai,                 'over ftp'
        file://files.evolink.ai,                'over file'
        """)
    void linksOutsideTheAllowedHostsOrSchemesAreRefusedEvenInTestMode(String linkBase, String refusal)
            throws Exception {
        try (EvolinkSimulator sim = simulator(linkBase); CamelContext context = context(sim)) {
            Exchange out = context.createProducerTemplate().request("evolink:mj-v7?download=true",
                    e -> e.getMessage().setBody("a kite"));
            assertThat(out.getException()).isInstanceOf(EvolinkException.class)
                    .hasMessageStartingWith("Refusing to download a result").hasMessageContaining(refusal);
            assertThat(sim.journal().chargedSubmits()).as("the task ran").isEqualTo(1);
        }
    }

    /** An allowed host that answers something else than a PNG, JPEG, GIF or WebP image. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        text/html,      '<html><script>alert(1)</script></html>'
        image/png,      '<html><script>alert(1)</script></html>'
        image/svg+xml,  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        application/octet-stream, '\u0089PNG'
        """)
    void whatIsNotAnImageIsRefused(String contentType, String body) throws Exception {
        List<String> fetched = new CopyOnWriteArrayList<>();
        HttpServer cdn = cdn(contentType, body.getBytes(StandardCharsets.ISO_8859_1), fetched);
        try (EvolinkSimulator sim = simulator("http://127.0.0.1:" + cdn.getAddress().getPort());
                CamelContext context = context(sim)) {
            Exchange out = context.createProducerTemplate().request("evolink:mj-v7?download=true",
                    e -> e.getMessage().setBody("a kite"));
            assertThat(out.getException()).isInstanceOf(EvolinkException.class)
                    .hasMessageContaining("is not an image (content type '" + contentType + "')");
            assertThat(fetched).as("the CDN was asked").isNotEmpty();
        } finally {
            cdn.stop(0);
        }
    }

    /** downloadAllowedHosts replaces the default list: the API's own host is then refused too. */
    @Test
    void anAllowListWithoutTheApiHostRefusesIt() throws Exception {
        try (EvolinkSimulator sim = simulator(null); CamelContext context = context(sim)) {
            Exchange out = context.createProducerTemplate().request(
                    "evolink:mj-v7?download=true&downloadAllowedHosts=*.evolink.ai,cdn.example.com",
                    e -> e.getMessage().setBody("a kite"));
            assertThat(out.getException()).hasMessageContaining("from host 127.0.0.1: not in [*.evolink.ai, "
                    + "cdn.example.com]");
            assertThat(sim.journal(Endpoint.MEDIA)).isEmpty();
        }
    }

    private static EvolinkSimulator simulator(String publicBaseUrl) {
        SimulatorConfig.Builder b = SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64)
                .apiKey(TestKeys.SECURITY, 1_000);
        if (publicBaseUrl != null) {
            b.publicBaseUrl(publicBaseUrl);
        }
        return EvolinkSimulator.start(b.build());
    }

    /** The component against the simulator's real address, in test mode (plain http allowed). */
    private static CamelContext context(EvolinkSimulator sim) throws Exception {
        CamelContext context = new DefaultCamelContext();
        EvolinkComponent evolink = new EvolinkComponent();
        EvolinkConfiguration cfg = evolink.getConfiguration();
        String api = "http://127.0.0.1:" + sim.port();
        cfg.setApiKey(TestKeys.SECURITY);
        cfg.setBaseUrl(api);
        cfg.setFilesBaseUrl(api);
        cfg.setAllowInsecureUrls(true);
        cfg.setMinPollInterval(5);
        cfg.setMaxPollInterval(50);
        context.addComponent("evolink", evolink);
        context.start();
        return context;
    }

    private static HttpServer cdn(String contentType, byte[] body, List<String> fetched) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", x -> {
            fetched.add(x.getRequestURI().toString());
            x.getResponseHeaders().add("Content-Type", contentType);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        return server;
    }
}
