package org.camelevolink.component.security;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * The key scan over a whole test run, whatever the order of the test classes and engines (JUnit Jupiter's and
 * jqwik's): registered for every JUnit Platform launch by
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, it checks when the run starts that
 * {@link KeyScanAppender} is under the root, Camel, HttpClient and component loggers (log4j2-test.properties puts it
 * there before the first line is logged) and removes what earlier runs left in the leak directory, tells
 * {@link KeyScan} which test is running, and when the run has ended writes {@code run-<pid>.properties} and
 * {@code summary-<pid>.txt} beside the leak files.
 * <p>
 * It does not fail the build itself, because it cannot: JUnit Platform catches whatever a listener throws and only
 * logs a warning (CompositeTestExecutionListener; tried with surefire 3.5.2: an AssertionError thrown from
 * testPlanExecutionFinished left the build green). The verdict is KeyLeakScanTest, which the component's pom runs in
 * a second surefire execution ({@code key-scan}) after the one that runs the tests: it reads this summary and every
 * JVM's leak file and fails that execution, and so the build, on any key found.
 */
public final class KeyScanListener implements TestExecutionListener {

    /** Set in the JVM of the verdict's execution: that JVM judges a run, it is not one. */
    static final String VERDICT_PROPERTY = "keyScan.verdict";

    private static final List<String> SCANNED_LOGGERS = List.of("", "org.apache.camel", "org.apache.hc",
            "org.camelevolink");

    private static volatile boolean active;

    private final Deque<String> running = new ConcurrentLinkedDeque<>();
    private long started;
    private List<String> notScanned = List.of();

    /** Whether a listener of this JVM is watching a test run (false in the verdict's JVM). */
    static boolean active() {
        return active;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Boolean.getBoolean(VERDICT_PROPERTY)) {
            return;
        }
        active = true;
        started = System.currentTimeMillis();
        notScanned = loggersWithoutTheScan();
        removeEarlierRuns(KeyScan.leakDirectoryOrDefault());
    }

    /**
     * Tidies the leak directory of what earlier runs left (the verdict ignores it anyway: it reads only files of
     * this build): files changed before this JVM started. This JVM's own early findings, and those of JVMs started
     * since, are newer.
     */
    private static void removeEarlierRuns(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        FileTime jvmStarted = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(jvmStarted) < 0) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        String name = name(identifier.getSource().orElse(null));
        if (active && name != null) {
            running.push(name);
            KeyScan.running(name);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        String name = name(identifier.getSource().orElse(null));
        if (active && name != null) {
            running.removeFirstOccurrence(name);
            KeyScan.running(running.peek());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!active) {
            return;
        }
        KeyScan.running(null);
        long pid = ProcessHandle.current().pid();
        Path dir = KeyScan.leakDirectoryOrDefault();
        Map<String, Long> lines = KeyScan.lines();
        Properties run = new Properties();
        run.setProperty("pid", String.valueOf(pid));
        run.setProperty("started", String.valueOf(started));
        run.setProperty("finished", String.valueOf(System.currentTimeMillis()));
        run.setProperty("loggersNotScanned", String.join(",", notScanned));
        run.setProperty("linesScanned", String.valueOf(lines.values().stream().mapToLong(Long::longValue).sum()));
        run.setProperty("leaks", String.valueOf(KeyScan.leakCount()));
        String summary = summary(lines);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary-" + pid + ".txt"), summary);
            try (Writer out = Files.newBufferedWriter(dir.resolve("run-" + pid + ".properties"),
                    StandardCharsets.UTF_8)) {
                run.store(out, "the key scan of one test run (KeyScanListener); judged by KeyLeakScanTest");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(summary);
    }

    /** The scanned loggers whose configuration does not reach a KeyScanAppender (empty when all do). */
    static List<String> loggersWithoutTheScan() {
        List<String> missing = new ArrayList<>();
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return List.of("log4j2 core is not the logging backend");
        }
        Configuration config = context.getConfiguration();
        for (String name : SCANNED_LOGGERS) {
            boolean scanned = false;
            for (LoggerConfig c = config.getLoggerConfig(name); c != null && !scanned; c = c.isAdditive()
                    ? c.getParent() : null) {
                scanned = c.getAppenders().values().stream().anyMatch(KeyScanAppender.class::isInstance);
            }
            if (!scanned) {
                missing.add(name.isEmpty() ? "root" : name);
            }
        }
        return missing;
    }

    private static String name(TestSource source) {
        if (source instanceof MethodSource m) {
            return m.getClassName() + "#" + m.getMethodName();
        }
        if (source instanceof ClassSource c) {
            return c.getClassName();
        }
        return null;
    }

    private String summary(Map<String, Long> lines) {
        StringBuilder s = new StringBuilder("Key scan of this test run (JVM ")
                .append(ProcessHandle.current().pid()).append(")\n");
        s.append("  loggers not scanned: ").append(notScanned.isEmpty() ? "none" : notScanned).append('\n');
        s.append("  lines scanned: ").append(lines.values().stream().mapToLong(Long::longValue).sum()).append('\n');
        lines.forEach((k, v) -> s.append("    ").append(k).append(": ").append(v).append('\n'));
        s.append("  lines with a key where a documented limit outside the component excuses it, by logger: ")
                .append(KeyScan.tolerated()).append('\n');
        List<String> leaks = KeyScan.leaks();
        s.append("  lines with a key anywhere else: ").append(KeyScan.leakCount()).append(", the first ")
                .append(leaks.size()).append(" listed\n");
        leaks.forEach(l -> s.append("    ").append(l).append('\n'));
        return s.toString();
    }
}
