package org.camelevolink.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The drawn arrivals and durations: paired by seed, within their bounds, at the rate asked for. */
class LoadShapeTest {

    private static final int N = 10_000;
    private final BenchSettings settings = BenchSettings.scaled(0.2);

    @Test
    void theSameSeedGivesTheSameArrivalsAndDurations() {
        LoadShape one = LoadShape.draw(N, settings);
        LoadShape two = LoadShape.draw(N, settings);
        LoadShape other = LoadShape.draw(N, settings.withLoad(LoadShape.Arrivals.POISSON, 1.0, 7));
        assertThat(arrivals(two)).isEqualTo(arrivals(one));
        assertThat(durations(two)).isEqualTo(durations(one));
        assertThat(durations(other)).isNotEqualTo(durations(one));
    }

    @Test
    void aBurstSharesThePoissonRunsDurations() {
        LoadShape burst = LoadShape.draw(N, settings.withLoad(LoadShape.Arrivals.BURST, 1.0, settings.seed()));
        assertThat(arrivals(burst)).containsOnly(0L);
        assertThat(durations(burst)).isEqualTo(durations(LoadShape.draw(N, settings)));
    }

    @Test
    void durationsSpreadLogNormallyWithinTheirBounds() {
        double est = settings.estimatedMillis();
        long[] d = durations(LoadShape.draw(N, settings));
        assertThat(Arrays.stream(d).min().orElseThrow()).isGreaterThanOrEqualTo(Math.round(est * 0.3));
        assertThat(Arrays.stream(d).max().orElseThrow()).isLessThanOrEqualTo(Math.round(est * 3.0));
        long[] sorted = d.clone();
        Arrays.sort(sorted);
        assertThat((double) sorted[N / 2]).as("median").isBetween(est * 0.95, est * 1.05);
        assertThat(Arrays.stream(d).filter(x -> x < est * 0.75).count()).as("ending before the first read at 0.75x")
                .isGreaterThan(N / 10);
    }

    @Test
    void poissonArrivalsComeInOverTheWindow() {
        long[] at = arrivals(LoadShape.draw(N, settings));
        assertThat(at).isSorted();
        assertThat((double) at[N - 1]).isBetween(settings.estimatedMillis() * 0.95, settings.estimatedMillis() * 1.05);
    }

    private static long[] arrivals(LoadShape load) {
        return IntStream.range(0, load.size()).mapToLong(load::arrivalMillis).toArray();
    }

    private static long[] durations(LoadShape load) {
        return IntStream.range(0, load.size()).mapToLong(load::durationMillis).toArray();
    }
}
