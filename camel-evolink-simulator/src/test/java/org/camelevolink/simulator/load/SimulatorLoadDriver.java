package org.camelevolink.simulator.load;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the simulator's capacity: puts {@code tasks} tasks in flight (durations at time scale 1, so they stay
 * running), then reads them with {@code concurrency} requests in flight for {@code seconds}, and prints
 * throughput, latency percentiles and heap. A measurement, not a test: run it on a quiet machine.
 *
 * <pre>
 * mvn -B -q -pl camel-evolink-simulator -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.camelevolink.simulator.load.SimulatorLoadDriver -Dexec.args="20000 64 10"
 * </pre>
 *
 * A fourth argument, a base URL, drives an already running simulator (e.g. the standalone jar) instead of an
 * in-process one.
 */
public final class SimulatorLoadDriver {

    private static final String KEY = SimulatorConfig.DEFAULT_API_KEY;

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        EvolinkSimulator sim = args.length > 3 ? null
                : EvolinkSimulator.start(SimulatorConfig.builder().defaultCredits(1e9).build());
        String base = args.length > 3 ? args[3] : sim.baseUrl();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            List<String> ids = submit(http, base, tasks, concurrency);
            report("create", ids.size(), createStats);
            if (sim != null) {
                System.out.printf(Locale.ROOT, "tasks in flight after submit: %d%n", sim.tasksInFlight());
            }
            read(http, base, ids, concurrency, seconds);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "heap used after run: %d MiB (JVM max %d MiB), cores: %d%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, rt.availableProcessors());
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    private static final ConcurrentLinkedQueue<Long> createStats = new ConcurrentLinkedQueue<>();

    private static List<String> submit(HttpClient http, String base, int tasks, int concurrency)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            permits.acquire();
            String body = "{\"model\":\"mj-v7\",\"prompt\":\"load test " + i + " --ar 16:9\"}";
            long t0 = System.nanoTime();
            http.sendAsync(request(base + "/v1/images/generations").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        createStats.add(System.nanoTime() - t0);
                        if (r != null && r.statusCode() == 200) {
                            int at = r.body().indexOf("\"id\":\"") + 6;
                            ids.add(r.body().substring(at, r.body().indexOf('"', at)));
                        } else {
                            failures.incrementAndGet();
                        }
                        permits.release();
                    });
        }
        permits.acquire(concurrency);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "submitted %d tasks in %.1f s (%.0f creates/s), failures %d%n", ids.size(),
                secs, ids.size() / secs, failures.get());
        return new ArrayList<>(ids);
    }

    private static void read(HttpClient http, String base, List<String> ids, int concurrency, int seconds)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        int i = 0;
        while (System.nanoTime() < end) {
            permits.acquire();
            String id = ids.get(i++ % ids.size());
            long t0 = System.nanoTime();
            CompletableFuture<HttpResponse<String>> f = http.sendAsync(request(base + "/v1/tasks/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            f.whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - t0);
                if (r == null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                permits.release();
            });
        }
        permits.acquire(concurrency);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "reads: %d in %.1f s = %.0f requests/s with %d in flight, errors %d%n",
                latencies.size(), secs, latencies.size() / secs, concurrency, errors.get());
        report("read", latencies.size(), latencies);
    }

    private static void report(String what, int n, ConcurrentLinkedQueue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, n);
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY);
    }

    private SimulatorLoadDriver() {
    }
}
