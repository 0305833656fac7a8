package org.camelevolink.component.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the key scan saw in this JVM: how many log lines per logger family and level, and every line that showed
 * one of {@link TestKeys}, each written down at once in {@code leaks-<pid>.txt} of the leak directory. Fed by
 * {@link KeyScanAppender}, which log4j2-test.properties puts under every logger of every JVM on the test classpath
 * (the surefire fork and the applications the crash and store tests start); {@link KeyScanListener} adds which test
 * was running and writes the run's summary; KeyLeakScanTest, in a surefire execution of its own after the tests,
 * judges what every JVM wrote.
 */
public final class KeyScan {

    /**
     * HttpClient 5 prints every request header, {@code Authorization: Bearer <key>} included, to these two loggers
     * at DEBUG or finer, and the component cannot stop it (docs/security.md, "Two limits outside the component";
     * the component logs a WARN when they are on). A key there is counted, not failed: no other logger is excused.
     */
    static final Set<String> DOCUMENTED_THIRD_PARTY = Set.of("org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire");

    /**
     * Camel at TRACE prints endpoint URIs as the route wrote them, {@code RAW(...)} values and parsed parameters
     * unmasked, while it resolves an endpoint, registers it in JMX and even while it masks it for JMX
     * (AbstractCamelContext, EndpointHelper, DefaultComponent, JmxManagementLifecycleStrategy,
     * MixinRequiredModelMBean), before or beside anything the component does: docs/security.md, the second limit,
     * and the reason to keep the key off endpoint URIs. Excused only from Camel's loggers, only at TRACE, and only
     * as the value of an {@code apiKey} URI parameter; a key anywhere else in such a line still fails.
     */
    static final String CAMEL = "org.apache.camel.";

    /** Lines kept per kind of finding, so that a leak in a loop cannot fill the heap. */
    private static final int KEPT = 50;
    private static final List<String> FORMS = TestKeys.searchForms().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final Map<String, LongAdder> LINES = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> TOLERATED = new ConcurrentHashMap<>();
    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static final LongAdder LEAK_COUNT = new LongAdder();
    private static volatile Path leakDirectory;
    /** The test or container running in this JVM while a line was logged, when KeyScanListener knows it. */
    private static volatile String running;
    /** A file left by an earlier run under the same process id is replaced, not added to. */
    private static boolean leakFileStarted;

    private KeyScan() {
    }

    /** Where each JVM writes its leaks as it finds them: the crash test's application runs in another JVM. */
    static void leakDirectory(Path directory) {
        leakDirectory = directory;
    }

    static Path leakDirectory() {
        return leakDirectory;
    }

    /** Where the leak files and run summaries are: as log4j2-test.properties says, or its default. */
    static Path leakDirectoryOrDefault() {
        Path dir = leakDirectory;
        return dir != null ? dir : Path.of("target/key-scan").toAbsolutePath();
    }

    static void running(String testOrContainer) {
        running = testOrContainer;
    }

    static void record(String logger, String level, String line) {
        count(LINES, family(logger) + " " + level);
        String form = keyIn(line);
        if (form == null) {
            return;
        }
        if (DOCUMENTED_THIRD_PARTY.contains(logger) || isCamelTracingAnEndpointUri(logger, level, line)) {
            count(TOLERATED, logger);
            return;
        }
        LEAK_COUNT.increment();
        String during = running;
        String finding = level + " " + logger + ": " + mask(line).strip() + (during == null ? ""
                : " [while " + during + " ran]");
        if (LEAKS.size() < KEPT) {
            LEAKS.add(finding);
        }
        writeLeak(finding);
    }

    /** The first form of a test key found in {@code text}, or null. */
    static String keyIn(String text) {
        for (String form : FORMS) {
            if (text.contains(form)) {
                return form;
            }
        }
        return null;
    }

    private static boolean isCamelTracingAnEndpointUri(String logger, String level, String line) {
        if (!"TRACE".equals(level) || logger == null || !logger.startsWith(CAMEL)) {
            return false;
        }
        String rest = line;
        for (String form : FORMS) {
            rest = rest.replace("apiKey=RAW(" + form + ")", "").replace("apiKey=" + form, "");
        }
        return keyIn(rest) == null;
    }

    static String mask(String text) {
        String masked = text;
        for (String form : FORMS) {
            masked = masked.replace(form, "<TEST KEY>");
        }
        return masked;
    }

    /** Lines seen, by "family LEVEL" (families: org.camelevolink, org.apache.camel, org.apache.hc, other). */
    static Map<String, Long> lines() {
        return snapshot(LINES);
    }

    /** Lines that showed a key where a documented limit outside the component excuses it, by logger. */
    static Map<String, Long> tolerated() {
        return snapshot(TOLERATED);
    }

    static long leakCount() {
        return LEAK_COUNT.sum();
    }

    /** This JVM's leaks, the first {@value #KEPT}; {@code leaks-<pid>.txt} has them all. */
    static List<String> leaks() {
        return new ArrayList<>(LEAKS);
    }

    private static synchronized void writeLeak(String finding) {
        Path dir = leakDirectory;
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("leaks-" + ProcessHandle.current().pid() + ".txt"),
                    finding.replace('\n', ' ') + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, leakFileStarted
                            ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            leakFileStarted = true;
        } catch (IOException e) {
            LEAKS.add("(could not write down a leak: " + e + ")");
        }
    }

    private static String family(String logger) {
        if (logger == null) {
            return "other";
        }
        for (String family : List.of("org.camelevolink", "org.apache.camel", "org.apache.hc")) {
            if (logger.startsWith(family)) {
                return family;
            }
        }
        return "other";
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
