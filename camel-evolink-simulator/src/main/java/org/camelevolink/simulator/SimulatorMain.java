package org.camelevolink.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar camel-evolink-simulator-<version>-standalone.jar --port 8089 [--api-key KEY]... [--time-scale S]
 * [--credits N] [--host H] [--public-url URL] [--allow-insecure-callbacks] [--rate-limit PER_SECOND] [--seed N]}
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(usage());
            return;
        }
        EvolinkSimulator sim = EvolinkSimulator.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "evolink-sim-shutdown"));
        System.out.printf(Locale.ROOT, "EvoLink simulator listening on %s (started in %d ms; %d API key(s); "
                + "time scale %s)%n", sim.baseUrl(), (System.nanoTime() - started) / 1_000_000,
                config.apiKeys().size(), config.timeScale());
        Thread.currentThread().join();
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
                case "--rate-limit" -> b.rateLimit(Double.parseDouble(value(args, ++i, a)), 20);
                case "--seed" -> b.seed(Long.parseLong(value(args, ++i, a)));
                case "--image-size" -> b.imageBaseSize(Integer.parseInt(value(args, ++i, a)));
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
                + "  [--public-url URL] [--seed 42] [--image-size 512]";
    }
}
