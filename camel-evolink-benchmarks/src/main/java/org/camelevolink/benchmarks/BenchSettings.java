package org.camelevolink.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * What a run is made of. Durations follow EvoLink's documented ones (a Midjourney V7 image: 45 s, polled every 3 s by
 * EvoLink's own examples) shrunk by {@code timeScale}, so every way of waiting keeps its real proportions.
 *
 * @param timeScale       the simulator's time scale; poll intervals are scaled by the same factor
 * @param model           the model every task uses
 * @param handPollMillis  the hand-written route's delay between reads (EvoLink's examples: 3 s, scaled)
 * @param handThreads     the hand-written route's consumer threads, as its author would size them
 * @param maxRunTime      how long one scenario may take before the run is declared stuck
 * @param arrivals        all tasks at once, or Poisson arrivals (see {@link LoadShape})
 * @param arrivalWindow   with Poisson arrivals: the N tasks arrive over this many {@code estimated_time}s on average
 * @param seed            the seed of arrivals and durations (the same for every scenario of a run) and of the order
 *                        the scenarios run in
 * @param repetitions     runs of every scenario at every N, each repetition in an order of its own
 */
public record BenchSettings(double timeScale, String model, long handPollMillis, int handThreads,
        Duration maxRunTime, LoadShape.Arrivals arrivals, double arrivalWindow, long seed, int repetitions) {

    /** EvoLink's documented duration of an {@code mj-v7} image, the model every task uses. */
    static final double DOCUMENTED_SECONDS = 45;

    public static final String API_KEY = "sk-benchmark-0123456789";

    /** The time scale of the published figures. */
    static final double STANDARD_TIME_SCALE = 0.2;

    /** Repetitions of the published figures: each cell gives its median and its min–max over these. */
    static final int STANDARD_REPETITIONS = 5;

    /** The settings of the published figures. */
    public static BenchSettings standard() {
        return scaled(STANDARD_TIME_SCALE);
    }

    /**
     * The settings given as {@code bench.*} system properties (the Maven profile passes each one to the forked JVM),
     * the published ones where a property is absent.
     */
    static BenchSettings fromSystemProperties() {
        BenchSettings s = scaled(Double.parseDouble(property("timeScale", STANDARD_TIME_SCALE)));
        return s.withLoad(LoadShape.Arrivals.valueOf(property("arrivals", s.arrivals()).toUpperCase(Locale.ROOT)),
                Double.parseDouble(property("arrivalWindow", s.arrivalWindow())),
                Long.parseLong(property("seed", s.seed())))
                .withRepetitions(Integer.parseInt(property("repetitions", s.repetitions())));
    }

    static String property(String name, Object standard) {
        return System.getProperty("bench." + name, String.valueOf(standard)).trim();
    }

    /** These settings with another load shape. */
    BenchSettings withLoad(LoadShape.Arrivals arrivals, double arrivalWindow, long seed) {
        return new BenchSettings(timeScale, model, handPollMillis, handThreads, maxRunTime, arrivals, arrivalWindow,
                seed, repetitions);
    }

    /** These settings with another number of repetitions (at least 1). */
    BenchSettings withRepetitions(int count) {
        return new BenchSettings(timeScale, model, handPollMillis, handThreads, maxRunTime, arrivals, arrivalWindow,
                seed, Math.max(1, count));
    }

    /** Everything at {@code timeScale}: a 45 s task takes {@code 45 * timeScale} s. */
    public static BenchSettings scaled(double timeScale) {
        return new BenchSettings(timeScale, "mj-v7", Math.max(1, Math.round(3_000 * timeScale)), 50,
                Duration.ofMinutes(10), LoadShape.Arrivals.POISSON, 1.0, 42, STANDARD_REPETITIONS);
    }

    /** One line naming every setting, printed at the start of a run so a log says what it measured. */
    String describe() {
        return "bench settings: timeScale=" + timeScale + " model=" + model + " handPollMillis=" + handPollMillis
                + " handThreads=" + handThreads + " minPollMillis=" + minPollMillis() + " maxPollMillis="
                + maxPollMillis() + " maxRunTime=" + maxRunTime + " arrivals=" + arrivals + " arrivalWindow=" + arrivalWindow
                + " seed=" + seed + " repetitions=" + repetitions;
    }

    /** EvoLink's {@code estimated_time} for every task, scaled: the centre of the drawn durations. */
    double estimatedMillis() {
        return DOCUMENTED_SECONDS * 1000 * timeScale;
    }

    /** The component's documented poll bounds (1 s to 30 s), scaled like the tasks. */
    long minPollMillis() {
        return Math.max(1, Math.round(1_000 * timeScale));
    }

    long maxPollMillis() {
        return Math.max(minPollMillis(), Math.round(30_000 * timeScale));
    }
}
