package org.camelevolink.benchmarks;

import java.util.regex.Pattern;

/**
 * Which part of the JVM a thread belongs to, by its name: the harness's or the scenario's (the simulator runs in a
 * JVM of its own); and the
 * group a scenario's thread is counted in (its name with every number replaced by {@code #}, e.g.
 * {@code Camel (camel-#) thread ## - Delay}), so figures can be broken down by what runs on the threads.
 */
final class ThreadNames {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ThreadNames() {
    }

    /**
     * The harness's own threads (samplers, the simulator's killer), never measured; and the JDK's keep-alive timer
     * of the {@code HttpURLConnection} the harness talks to the simulator's control API with (no scenario uses it).
     */
    static boolean isHarness(String name) {
        return name.startsWith("bench-") || name.equals("Keep-Alive-Timer");
    }

    static boolean isOutsideScenario(String name) {
        return isHarness(name);
    }

    /** The group a scenario thread is counted in. */
    static String group(String name) {
        return NUMBER.matcher(name).replaceAll("#");
    }
}
