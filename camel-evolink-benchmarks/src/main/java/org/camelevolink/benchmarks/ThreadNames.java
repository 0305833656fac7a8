package org.camelevolink.benchmarks;

import java.util.regex.Pattern;

/**
 * Which part of the JVM a thread belongs to, by its name: the simulator's, the harness's, or the scenario's; and the
 * group a scenario's thread is counted in (its name with every number replaced by {@code #}, e.g.
 * {@code Camel (camel-#) thread ## - Delay}), so figures can be broken down by what runs on the threads.
 */
final class ThreadNames {

    /** The group every simulator thread's CPU is summed in. */
    static final String SIMULATOR = "(simulator)";

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ThreadNames() {
    }

    /** The simulator shares the JVM: its server, its workers and the JDK HTTP client it sends callbacks with. */
    static boolean isSimulator(String name) {
        return name.startsWith("evolink-sim") || name.startsWith("HttpClient-") || name.equals("HTTP-Dispatcher")
                || name.startsWith("idle-timeout");
    }

    /** The harness's own threads (arrivals, the task ender, samplers), never measured. */
    static boolean isHarness(String name) {
        return name.startsWith("bench-");
    }

    static boolean isOutsideScenario(String name) {
        return isSimulator(name) || isHarness(name);
    }

    /** The group a scenario thread is counted in. */
    static String group(String name) {
        return NUMBER.matcher(name).replaceAll("#");
    }
}
