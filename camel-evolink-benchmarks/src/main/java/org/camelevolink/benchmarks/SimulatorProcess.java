package org.camelevolink.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelevolink.simulator.SimulatorMain;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The simulator in a JVM of its own ({@link SimulatorMain}, the same {@code java}, the simulator module's classpath),
 * driven over its control API. Its CPU is the child process's (user + system time, as {@code /proc/<pid>/stat}
 * counts it, in clock ticks of 10 ms), so none of it is the scenario's and none of its heap is in the scenario
 * JVM's. Its output goes to {@code target/simulator-<name>.log}; the process is killed on {@link #close} or, failing
 * that, when the harness JVM ends.
 */
final class SimulatorProcess implements SimulatorHandle {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Thread killer;
    private final String baseUrl;

    private SimulatorProcess(Process process, Thread killer, String baseUrl) {
        this.process = process;
        this.killer = killer;
        this.baseUrl = baseUrl;
    }

    /** Starts a simulator for {@code settings}, with the batch endpoint or without, and waits until it listens. */
    static SimulatorProcess start(BenchSettings settings, boolean batchReads) throws IOException, InterruptedException {
        String name = batchReads ? "batch" : "no-batch";
        Path log = logDirectory().resolve("simulator-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + BenchSettings.property("simHeap", "1g"),
                "-Djava.awt.headless=true", "-cp", classpath(), SimulatorMain.class.getName(), "--port", "0",
                "--api-key", BenchSettings.API_KEY, "--credits", "1e12", "--time-scale",
                Double.toString(settings.timeScale()), "--allow-insecure-callbacks", "--image-size", "64",
                // the counts are all the figures need: a journal would only grow the simulator's heap
                "--journal-capacity", "0"));
        if (!batchReads) {
            command.add("--no-batch");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread killer = new Thread(process::destroyForcibly, "bench-simulator-killer-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            return new SimulatorProcess(process, killer, awaitBaseUrl(process, log));
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
            throw e;
        }
    }

    private static String awaitBaseUrl(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulator exited with status " + process.exitValue()
                        + " before listening; see " + log);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the simulator did not listen within " + START_TIMEOUT + "; see " + log);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The simulator module and its one dependency (Jackson), wherever this JVM loaded them from. */
    private static String classpath() {
        return Stream.of(SimulatorMain.class, ObjectMapper.class, JsonFactory.class, JsonProperty.class)
                .map(SimulatorProcess::location).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This module's {@code target/} when run from its build, else {@code ./target}. */
    private static Path logDirectory() throws IOException {
        Path classes = Path.of(location(SimulatorProcess.class));
        Path target = classes.getParent() != null && classes.getParent().getFileName() != null
                && classes.getParent().getFileName().toString().equals("target") ? classes.getParent()
                : Path.of("target");
        return Files.createDirectories(target);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void reset() {
        call("POST", "/__simulator/reset", "{}");
    }

    @Override
    public void chooseDurations(Map<String, Long> millisByPrompt) {
        try {
            call("PUT", "/__simulator/durations", JSON.writeValueAsString(Map.of("by_prompt", millisByPrompt)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Counts counts() {
        JsonNode stats = call("GET", "/__simulator/stats", null);
        JsonNode requests = stats.path("requests");
        return new Counts(requests.path("CREATE").asLong(), requests.path("TASK_GET").asLong(),
                requests.path("TASK_BATCH").asLong(), stats.path("unrouted").asLong(), stats.path("tasks").asInt());
    }

    @Override
    public Map<String, TaskView> tasks() {
        Map<String, TaskView> byId = new HashMap<>();
        for (JsonNode t : call("GET", "/__simulator/tasks", null).path("data")) {
            String id = t.path("id").asText();
            byId.put(id, new TaskView(id, t.path("created_at_ms").asLong(), t.path("duration_ms").asLong()));
        }
        return byId;
    }

    @Override
    public List<CallbackView> callbackAttempts() {
        List<CallbackView> attempts = new ArrayList<>();
        for (JsonNode a : call("GET", "/__simulator/callbacks", null).path("data")) {
            attempts.add(new CallbackView(a.path("taskId").asText(), a.path("sentMillis").asLong(),
                    a.path("atMillis").asLong()));
        }
        return attempts;
    }

    @Override
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("this OS does not report the simulator's CPU time"));
    }

    /**
     * One control call on the calling thread (a harness thread): {@link HttpURLConnection}, so no client thread of
     * its own joins the scenario's threads.
     */
    private JsonNode call(String method, String path, String body) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(120_000);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                byte[] answer = in == null ? new byte[0] : in.readAllBytes();
                if (status >= 400) {
                    throw new IllegalStateException(method + " " + path + " answered " + status + ": "
                            + new String(answer, StandardCharsets.UTF_8));
                }
                return JSON.readTree(answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway, harmlessly
        }
    }
}
