package org.camelevolink.component.security;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key scan's verdict on the whole test run of this module: no log line of any JVM showed a test's key. It runs
 * alone, in the surefire execution {@code key-scan} that the pom declares after the one that runs the tests, so
 * every line of every test (Jupiter's and jqwik's, in whatever order they ran, and the lines of the applications the
 * crash and store tests start in JVMs of their own) has been searched and written down by then. It reads what they
 * wrote in the leak directory: {@link KeyScanListener}'s {@code run-<pid>.properties} and {@code summary-<pid>.txt}
 * of the test JVM, and every JVM's {@code leaks-<pid>.txt}; files older than this build are an earlier build's and
 * ignored. It writes them together in {@code summary.txt} there.
 * <p>
 * How it fails the build: a key found fails this test, so the {@code key-scan} execution fails, and surefire fails
 * the build (BUILD FAILURE, the leaking lines, key masked, in the assertion message). If no test of the module ran
 * in this build (a {@code -Dtest=} of another module's) there is nothing to judge and it is skipped; if tests ran
 * but no summary was written (the listener not registered), or the appender missed a logger, it fails too.
 * Outside that execution (an IDE, the main run) it is disabled.
 */
@EnabledIfSystemProperty(named = KeyScanListener.VERDICT_PROPERTY, matches = "true")
class KeyLeakScanTest {

    @Test
    void noLogLineOfTheWholeRunShowedAKey() throws Exception {
        Path dir = KeyScan.leakDirectoryOrDefault();
        List<Path> reports = thisBuilds(Path.of(System.getProperty("keyScan.reports")), "TEST-").stream()
                .filter(f -> !f.getFileName().toString().contains(KeyLeakScanTest.class.getSimpleName())).toList();
        Assumptions.assumeFalse(reports.isEmpty(), "no test of this module ran in this build: nothing to judge");

        List<Path> runs = thisBuilds(dir, "run-");
        assertThat(runs).as("summaries of this build's test run in %s: %d test classes ran, so KeyScanListener "
                + "(META-INF/services/org.junit.platform.launcher.TestExecutionListener) must have written one", dir,
                reports.size()).isNotEmpty();
        long linesScanned = 0;
        for (Path f : runs) {
            Properties run = properties(f);
            assertThat(run.getProperty("loggersNotScanned")).as("loggers the scan did not reach in " + f).isEmpty();
            linesScanned += Long.parseLong(run.getProperty("linesScanned"));
        }
        assertThat(linesScanned).as("lines the scan searched").isPositive();

        List<String> leaks = new ArrayList<>();
        for (Path f : thisBuilds(dir, "leaks-")) {
            Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .forEach(l -> leaks.add("[" + f.getFileName() + "] " + l));
        }
        StringBuilder summary = new StringBuilder();
        for (Path f : thisBuilds(dir, "summary-")) {
            summary.append(Files.readString(f));
        }
        summary.append("Lines with a key in any JVM of this run (leak files): ").append(leaks.size()).append('\n');
        leaks.forEach(l -> summary.append("    ").append(l).append('\n'));
        Files.writeString(dir.resolve("summary.txt"), summary);
        System.out.println(summary);
        assertThat(leaks).as("log lines that showed a test's API key (key masked here; the JVMs' summaries in %s)",
                dir).isEmpty();
    }

    /**
     * The files of {@code dir} named {@code prefix*} that this build wrote: changed since the build started
     * ({@code keyScan.buildStarted}, Maven's build timestamp, whole seconds, UTC).
     */
    private static List<Path> thisBuilds(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        FileTime since = FileTime.from(Instant.parse(System.getProperty("keyScan.buildStarted")));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                if (Files.getLastModifiedTime(f).compareTo(since) >= 0) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
