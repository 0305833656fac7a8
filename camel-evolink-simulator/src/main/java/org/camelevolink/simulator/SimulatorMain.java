package org.camelevolink.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar camel-evolink-simulator-<version>-standalone.jar --port 8089 [--api-key KEY]... [--time-scale S]
 * [--credits N] [--host H] [--public-url URL] [--allow-insecure-callbacks] [--rate-limit PER_SECOND] [--seed N] [--no-batch]
 * [--journal-capacity N]}
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the command line: prints the usage (0) or what is wrong with the arguments (2) or why the simulator
     * cannot listen (1), each in a few lines without a stack trace; once listening, serves until the JVM ends, or
     * until the calling thread is interrupted (then it stops the simulator and answers 0).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        if (config == null) {
            out.println(usage());
            return 0;
        }
        EvolinkSimulator sim;
        try {
            sim = EvolinkSimulator.start(config);
        } catch (UncheckedIOException e) {
            err.println("error: " + cannotListen(config, e.getCause()));
            return 1;
        }
        Thread hook = new Thread(sim::close, "evolink-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf(Locale.ROOT, "EvoLink simulator listening on %s (started in %d ms; %d API key(s); "
                + "time scale %s)%n", sim.baseUrl(), (System.nanoTime() - started) / 1_000_000,
                config.apiKeys().size(), config.timeScale());
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            // only a caller in the same JVM interrupts: stop here instead of at the JVM's end
            Runtime.getRuntime().removeShutdownHook(hook);
            sim.close();
        }
        return 0;
    }

    private static String cannotListen(SimulatorConfig config, IOException cause) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof BindException && message.toLowerCase(Locale.ROOT).contains("in use")) {
            return "port " + config.port() + " is in use on " + config.host() + "; choose another with --port";
        }
        return "cannot listen on " + config.host() + ":" + config.port() + ": " + message;
    }

    /** The configuration the command line asks for; null when help was asked for. */
    public static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder b = SimulatorConfig.builder().port(8089);
        double credits = 10_000;
        List<String> extraKeys = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
                case "--host" -> b.host(value(args, ++i, a));
                case "--public-url" -> b.publicBaseUrl(value(args, ++i, a));
                case "--api-key" -> extraKeys.add(value(args, ++i, a));
                case "--credits" -> credits = Double.parseDouble(value(args, ++i, a));
                case "--time-scale" -> b.timeScale(Double.parseDouble(value(args, ++i, a)));
                case "--allow-insecure-callbacks" -> b.allowInsecureCallbacks(true);
                case "--no-batch" -> b.batchReads(false);
                case "--rate-limit" -> b.rateLimit(Double.parseDouble(value(args, ++i, a)), 20);
                case "--seed" -> b.seed(Long.parseLong(value(args, ++i, a)));
                case "--image-size" -> b.imageBaseSize(Integer.parseInt(value(args, ++i, a)));
                case "--journal-capacity" -> b.journalCapacity(Integer.parseInt(value(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        // --api-key adds keys: the default key stays accepted
        b.apiKey(SimulatorConfig.DEFAULT_API_KEY, credits);
        for (String key : extraKeys) {
            b.apiKey(key, credits);
        }
        return b.build();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String usage() {
        return "usage: java -jar camel-evolink-simulator-standalone.jar [--port 8089] [--host 127.0.0.1]\n"
                + "  [--api-key KEY]... (adds keys; sk-simulator is always accepted) [--credits 10000]\n"
                + "  [--time-scale 1.0] [--allow-insecure-callbacks] [--rate-limit REQUESTS_PER_SECOND]\n"
                + "  [--public-url URL] [--seed 42] [--image-size 512] [--no-batch] [--journal-capacity 200000]";
    }
}
