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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * The key scan's verdict on the whole test run. Runs after every other test class of this module
 * (junit-platform.properties orders classes by {@link Order}; the others keep the default, earlier, place), so
 * every line that any test made any logger write has been searched by then, including those of the crash test's
 * application in its own JVM. Run alone, it still proves that the scan works: its own route logs at TRACE.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyLeakScanTest {

    private static final String HEADERS = "org.apache.hc.client5.http.headers";
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(sk-[^\"]*)\"");

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .apiKey(TestKeys.SECURITY, 100));

    @Test
    @Order(1)
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
    @Order(2)
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

    @Test
    @Order(3)
    void noLogLineOfTheWholeRunShowedAKey() throws Exception {
        List<String> leaks = KeyScan.leaks();
        String summary = summary(leaks);
        System.out.println(summary);
        Path dir = KeyScan.leakDirectory() != null ? KeyScan.leakDirectory() : Path.of("target/key-scan");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.txt"), summary);
        assertThat(leaks).as("log lines that showed a test's API key (key masked here)").isEmpty();
    }

    private static String summary(List<String> leaks) {
        StringBuilder s = new StringBuilder("Key scan of this test run\n");
        long total = KeyScan.lines().values().stream().mapToLong(Long::longValue).sum();
        s.append("  lines scanned: ").append(total).append('\n');
        KeyScan.lines().forEach((k, v) -> s.append("    ").append(k).append(": ").append(v).append('\n'));
        s.append("  lines with a key where a documented limit outside the component excuses it, by logger: ")
                .append(KeyScan.tolerated()).append('\n');
        s.append("  lines with a key anywhere else: ").append(KeyScan.leakCount()).append(" in this JVM, ")
                .append(leaks.size()).append(" listed\n");
        leaks.forEach(l -> s.append("    ").append(l).append('\n'));
        return s.toString();
    }
}
