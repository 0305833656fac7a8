package org.camelevolink.benchmarks;

import java.util.Random;

/**
 * When each task of a run arrives and how long it runs, drawn from the run's seed: every scenario at the same N
 * gets the same arrivals and the same durations (paired runs), so their differences are theirs, not the draw's.
 *
 * <p>Arrivals: all at once ({@link Arrivals#BURST}) or a Poisson process ({@link Arrivals#POISSON}) whose rate
 * brings the N tasks in over {@code arrivalWindow} times {@code estimated_time} on average. Durations: log-normal
 * around {@code estimated_time} (median 1x, sigma {@value #SIGMA}), drawn again when outside 0.3x to 3x: real
 * durations are unknown, so the spread is wide and not centred on what the component's first read expects.
 * Arrivals and durations have streams of their own, so burst and Poisson runs share their durations too.
 */
final class LoadShape {

    enum Arrivals { BURST, POISSON }

    static final double SIGMA = 0.5;
    static final double MIN_FACTOR = 0.3;
    static final double MAX_FACTOR = 3.0;

    /** A warm-up's arrivals and durations are the run's shrunk by this: it only has to exercise the code. */
    static final double WARM_UP_SHRINK = 0.25;

    private final BenchSettings settings;
    private final long[] arrivalMillis;
    private final long[] durationMillis;

    private LoadShape(BenchSettings settings, long[] arrivalMillis, long[] durationMillis) {
        this.settings = settings;
        this.arrivalMillis = arrivalMillis;
        this.durationMillis = durationMillis;
    }

    /** A scenario's warm-up: {@code n} tasks drawn as a run's, a quarter as long. */
    static LoadShape warmUp(int n, BenchSettings settings) {
        LoadShape run = draw(n, settings);
        long[] at = new long[n];
        long[] runs = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = Math.round(run.arrivalMillis[i] * WARM_UP_SHRINK);
            runs[i] = Math.max(1, Math.round(run.durationMillis[i] * WARM_UP_SHRINK));
        }
        return new LoadShape(settings, at, runs);
    }

    static LoadShape draw(int n, BenchSettings settings) {
        double estimated = settings.estimatedMillis();
        Random durations = new Random(settings.seed());
        Random arrivals = new Random(settings.seed() ^ 0x5DEECE66DL);
        double meanGap = settings.arrivalWindow() * estimated / n;
        long[] at = new long[n];
        long[] runs = new long[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            runs[i] = Math.max(1, Math.round(estimated * factor(durations)));
            if (settings.arrivals() == Arrivals.POISSON && i > 0) {
                t += -Math.log(1 - arrivals.nextDouble()) * meanGap;
            }
            at[i] = Math.round(t);
        }
        return new LoadShape(settings, at, runs);
    }

    /** A duration as a multiple of {@code estimated_time}: log-normal, median 1, within the documented bounds. */
    private static double factor(Random random) {
        while (true) {
            double f = Math.exp(SIGMA * random.nextGaussian());
            if (f >= MIN_FACTOR && f <= MAX_FACTOR) {
                return f;
            }
        }
    }

    BenchSettings settings() {
        return settings;
    }

    int size() {
        return arrivalMillis.length;
    }

    /** When task {@code i} is handed to the scenario, in milliseconds after the run started. */
    long arrivalMillis(int i) {
        return arrivalMillis[i];
    }

    long durationMillis(int i) {
        return durationMillis[i];
    }

    /** Each task's prompt and its drawn duration: what the simulator is told before the run. */
    java.util.Map<String, Long> durationsByPrompt() {
        java.util.Map<String, Long> byPrompt = new java.util.HashMap<>();
        for (int i = 0; i < size(); i++) {
            byPrompt.put(BenchEnvironment.prompt(i), durationMillis[i]);
        }
        return byPrompt;
    }
}
