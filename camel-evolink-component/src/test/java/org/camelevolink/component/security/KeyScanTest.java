package org.camelevolink.component.security;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * That the key scan works, in any order with the other tests: it is installed and listening, it looks for every key
 * the tests use, and it sees every level of Camel, HttpClient and the component, and the key where HttpClient prints
 * it. The verdict on the whole run is KeyLeakScanTest's, in the surefire execution after this one.
 */
class KeyScanTest {

    private static final String HEADERS = "org.apache.hc.client5.http.headers";
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(sk-[^\"]*)\"");

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .apiKey(TestKeys.SECURITY, 100));

    /** The appender under every scanned logger (log4j2-test.properties) and the listener that reports the run. */
    @Test
    void theScanIsInstalledForTheWholeRun() {
        assertThat(KeyScanListener.active()).as("KeyScanListener, registered in META-INF/services, watches this run")
                .isTrue();
        assertThat(KeyScan.leakDirectory()).as("the KeyScan appender of log4j2-test.properties was created").isNotNull();
        assertThat(KeyScanListener.loggersWithoutTheScan()).as("scanned loggers without the appender").isEmpty();
    }

    @Test
    void everyKeyLiteralOfTheTestsIsScannedFor() throws Exception {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).contains("...")) { // "sk-..." in a comment or message is no key
                        literals.add(m.group(1));
                    }
                }
            }
        }
        assertThat(literals).as("key literals in src/test/java").contains(TestKeys.SECURITY, "sk-simulator");
        literals.removeAll(TestKeys.UNSCANNED);
        assertThat(TestKeys.ALL).as("TestKeys.ALL lists every key a test uses").containsAll(literals);
    }

    /**
     * A route at work with Camel, HttpClient and the component at TRACE, a retried submit among it: the scan sees
     * the lines of all three (HttpClient 5 logs nothing finer than DEBUG), and it does find the key where
     * HttpClient prints it, so it would find it anywhere.
     */
    @Test
    void theScanSeesEveryLevelAndWouldSeeTheKey() throws Exception {
        long headersBefore = KeyScan.tolerated().getOrDefault(HEADERS, 0L);
        try (CamelContext context = new DefaultCamelContext()) {
            // the component's default, persistent task store, as before
            context.addComponent("evolink", SIM.component(TestKeys.SECURITY, null));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:scan").to("evolink:mj-v7?download=true");
                }
            });
            context.start();
            SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_503), 1);
            Exchange out = context.createProducerTemplate().request("direct:scan",
                    e -> e.getMessage().setBody("a kite over the scan"));
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(List.class)).as("the four downloaded images").hasSize(4);
        }
        Map<String, Long> lines = KeyScan.lines();
        assertThat(lines).containsKeys("org.apache.camel TRACE", "org.apache.camel DEBUG",
                "org.apache.hc DEBUG", "org.camelevolink DEBUG", "org.camelevolink WARN");
        assertThat(KeyScan.tolerated().getOrDefault(HEADERS, 0L)).as("lines of HttpClient's header logger showing "
                + "the key").isGreaterThan(headersBefore);
    }
}
