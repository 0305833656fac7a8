package org.camelevolink.component.tracking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a task is read: at three quarters of its estimate, then in steps that grow with its running time. */
class WaitPolicyTest {

    private final WaitPolicy polling = new WaitPolicy(1_800_000, 1_000, 30_000);

    @Test
    void theFirstReadComesAtThreeQuartersOfTheEstimate() {
        assertThat(polling.firstReadDelay(45.0)).isEqualTo(33_750);
        assertThat(polling.firstReadDelay(null)).as("no estimate: the shortest delay").isEqualTo(1_000);
        assertThat(polling.firstReadDelay(0.2)).as("never closer than minPollInterval").isEqualTo(1_000);
        assertThat(polling.firstReadDelay(600.0)).as("however long the estimate").isEqualTo(450_000);
    }

    @Test
    void laterReadsComeEvery4PercentOfTheRunningTime() {
        assertThat(polling.nextDelay(45_000, 0.0)).isEqualTo(1_800);
        assertThat(polling.nextDelay(100_000, null)).isEqualTo(4_000);
        assertThat(polling.nextDelay(10_000, null)).as("bounded below").isEqualTo(1_000);
        assertThat(polling.nextDelay(3_600_000, null)).as("bounded above").isEqualTo(30_000);
    }

    @Test
    void aReadBeforeThreeQuartersOfTheEstimateWaitsForThem() {
        // 10 s in, 30 s left: the task should take 40 s, so the next read is at 30 s, 20 s from now
        assertThat(polling.nextDelay(10_000, 30.0)).isEqualTo(20_000);
        // 35 s in, 5 s left: already past three quarters, so one step
        assertThat(polling.nextDelay(35_000, 5.0)).isEqualTo(1_400);
    }

    @Test
    void withCallbacksPollingIsTheSafetyNet() {
        WaitPolicy callbacks = polling.withCallbacks(true);
        assertThat(callbacks.firstReadDelay(10.0)).isEqualTo(15_000);
        assertThat(callbacks.nextDelay(60_000, 0.0)).isEqualTo(15_000);
        assertThat(callbacks.withCallbacks(false)).isEqualTo(polling);
    }

    @Test
    void aReadMayBeMadeAQuarterOfTheShortestDelayEarlyToJoinABatch() {
        assertThat(new WaitPolicy(1_000, 200, 6_000).coalesceMillis()).isEqualTo(50);
        assertThat(new WaitPolicy(1_000, 5, 50).coalesceMillis()).as("at least 20 ms").isEqualTo(20);
        assertThat(polling.coalesceMillis()).as("at most 250 ms").isEqualTo(250);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new WaitPolicy(1_000, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitPolicy(1_000, 50, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitPolicy(0, 5, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
