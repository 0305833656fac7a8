package org.camelevolink.component.crash;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The crash tests' application: {@link CrashRouteMain} in a JVM of its own, and what it leaves in its folder. */
final class CrashApp {

    @FunctionalInterface
    interface Condition {
        boolean holds() throws IOException;
    }

    private CrashApp() {
    }

    /** Starts run {@code run} of the application on {@code store}, logging to {@code app-<run>.log}. */
    static Process start(EvolinkSimulator sim, Path work, Path store, int run, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashRouteMain.class.getName(),
                sim.baseUrl(), SimulatorConfig.DEFAULT_API_KEY, store.toString(), work.toString()));
        File log = work.resolve("app-" + run + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits for {@code done}, failing if the application dies first or the limit passes. */
    static void waitFor(Process app, String what, long limitMillis, Condition done) throws Exception {
        long deadline = System.currentTimeMillis() + limitMillis;
        while (!done.holds()) {
            if (!app.isAlive()) {
                throw new AssertionError("the application died while waiting for " + what);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** The application's output files, one per order. */
    static List<Path> outputs(Path work) {
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
}
