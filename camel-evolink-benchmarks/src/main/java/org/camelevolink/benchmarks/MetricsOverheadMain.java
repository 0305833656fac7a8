package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.store.InMemoryTaskStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU cost of metrics: the same tasks through two Camel contexts in one JVM, one with a Micrometer
 * {@code SimpleMeterRegistry} in its registry and one without, in alternating rounds, and the CPU per task of each.
 * The simulator runs in a child JVM, so that this JVM's CPU time (JIT and GC included, alike for both) is the
 * component's and Camel's alone. Micrometer is an optional dependency of the component, so it is not on this
 * module's classpath: put micrometer-core and its dependencies on it (docs/operating.md gives the command); the
 * registry is made by name so that this module builds without it.
 * <p>
 * Arguments: {@code [tasks per round, default 500] [rounds per side, default 10] [concurrency, default 50]}.
 */
public final class MetricsOverheadMain {

    private static final String KEY = "sk-overhead-measurement-key-000000000000000000";
    private static final int WARM_UP_ROUNDS = 3;
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    private MetricsOverheadMain() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Process simulator = startSimulator();
        try {
            String baseUrl = baseUrlOf(simulator);
            CamelContext plain = context(baseUrl, null);
            CamelContext metered = context(baseUrl, newRegistry());
            for (int w = 0; w < WARM_UP_ROUNDS; w++) { // JIT warm-up of both, not counted
                run(plain, tasks, concurrency);
                run(metered, tasks, concurrency);
            }
            long plainNanos = 0;
            long meteredNanos = 0;
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // ABBA: a drift of the machine's speed during a pair weighs on both sides alike
                boolean plainFirst = r % 2 == 0;
                long first = run(plainFirst ? plain : metered, tasks, concurrency);
                long second = run(plainFirst ? metered : plain, tasks, concurrency);
                long p = plainFirst ? first : second;
                long m = plainFirst ? second : first;
                plainNanos += p;
                meteredNanos += m;
                ratios.add((double) m / p);
            }
            Collections.sort(ratios);
            double plainPerTask = plainNanos / 1e3 / (tasks * (double) rounds);
            double meteredPerTask = meteredNanos / 1e3 / (tasks * (double) rounds);
            System.out.printf(Locale.ROOT, "tasks: %d x %d rounds per side (after %d warm-up rounds), concurrency %d%n",
                    tasks, rounds, WARM_UP_ROUNDS, concurrency);
            System.out.printf(Locale.ROOT, "CPU per task without a registry: %.1f us%n", plainPerTask);
            System.out.printf(Locale.ROOT, "CPU per task with a registry:    %.1f us%n", meteredPerTask);
            System.out.printf(Locale.ROOT, "ratio with/without, all rounds: %.3f (overhead %+.1f %%)%n",
                    meteredPerTask / plainPerTask, (meteredPerTask / plainPerTask - 1) * 100);
            System.out.printf(Locale.ROOT, "ratio per round: median %.3f, from %.3f to %.3f%n",
                    ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
            metered.stop();
            plain.stop();
        } finally {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** This JVM's CPU nanoseconds for {@code tasks} tasks, {@code concurrency} at a time. */
    private static long run(CamelContext context, int tasks, int concurrency) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        long before = processCpuNanos();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            inFlight.add(template.asyncRequestBody("direct:generate", "a lighthouse number " + n + " at " + before));
            if (inFlight.size() == concurrency) {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
                inFlight.clear();
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        long used = processCpuNanos() - before;
        template.stop();
        return used;
    }

    private static CamelContext context(String baseUrl, Object meterRegistry) throws Exception {
        CamelContext context = new DefaultCamelContext();
        if (meterRegistry != null) {
            context.getRegistry().bind("meters", meterRegistry);
        }
        EvolinkComponent evolink = new EvolinkComponent();
        evolink.getConfiguration().setApiKey(KEY);
        evolink.getConfiguration().setBaseUrl(baseUrl);
        evolink.getConfiguration().setFilesBaseUrl(baseUrl);
        evolink.getConfiguration().setAllowInsecureUrls(true);
        evolink.getConfiguration().setMinPollInterval(5);
        evolink.getConfiguration().setMaxPollInterval(50);
        evolink.getConfiguration().setMaxConcurrentTasks(1000);
        evolink.setTaskStore(new InMemoryTaskStore());
        context.addComponent("evolink", evolink);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("evolink:mj-v7");
            }
        });
        context.start();
        return context;
    }

    /** A Micrometer SimpleMeterRegistry, made by name (Micrometer is not a dependency of this module). */
    private static Object newRegistry() throws ReflectiveOperationException {
        try {
            return Class.forName("io.micrometer.core.instrument.simple.SimpleMeterRegistry").getConstructor()
                    .newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("micrometer-core is not on the classpath: see docs/operating.md, "
                    + "'Overhead', for the command", e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Process startSimulator() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.camelevolink.simulator.SimulatorMain", "--port", "0", "--host", "127.0.0.1", "--api-key", KEY,
                "--time-scale", "0.0005", "--credits", "1000000000").redirectErrorStream(true).start();
    }

    private static String baseUrlOf(Process simulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // keep draining its output, so that the child never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }
}
