package org.camelevolink.component.crash;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.camelevolink.component.Waiting.waitingFor;

/**
 * The crash tests' application: {@link CrashRouteMain} in a JVM of its own, run after run on one persistent store in
 * {@code work}, and what it leaves there.
 */
final class CrashApp implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    @FunctionalInterface
    interface Condition {
        boolean holds() throws IOException;
    }

    private final EvolinkSimulator sim;
    private final Path work;
    private final List<String> jvmOptions;
    private Process process;

    CrashApp(EvolinkSimulator sim, Path work, String... jvmOptions) {
        this.sim = sim;
        this.work = work;
        this.jvmOptions = List.of(jvmOptions);
    }

    /** Starts run {@code run} on the store the previous run left, logging to {@code app-<run>.log}. */
    void start(int run) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashRouteMain.class.getName(),
                sim.baseUrl(), SimulatorConfig.DEFAULT_API_KEY, work.resolve("store/tasks.mv").toString(),
                work.toString()));
        File log = work.resolve("app-" + run + ".log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits for {@code done}, failing if the application dies first or two minutes pass. */
    void waitFor(String what, Condition done) {
        waitingFor(what).atMost(LIMIT).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (done.holds()) {
                return true;
            }
            if (!process.isAlive()) {
                // thrown out of the wait at once: Awaitility does not swallow what a condition throws
                throw new AssertionError("the application died while waiting for " + what);
            }
            return false;
        });
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The task ids delivered to the route, one line per delivery, across all runs. */
    List<String> emitted() throws IOException {
        Path file = work.resolve("emitted.log");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** The application's output files, one per order. */
    List<Path> outputs() {
        Path out = work.resolve("out");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".txt")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
