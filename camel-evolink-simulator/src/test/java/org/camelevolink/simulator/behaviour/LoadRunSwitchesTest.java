package org.camelevolink.simulator.behaviour;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.create;
import static org.camelevolink.simulator.behaviour.Support.v7;

/** What a load run switches: no batch endpoint, no journal entries; the per-endpoint counts stay exact. */
class LoadRunSwitchesTest {

    @Test
    void withoutBatchReadsTheBatchPathAnswers405AndSingleReadsStillWork() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .imageBaseSize(32).apiKey(KEY).batchReads(false).build())) {
            SimHttp http = new SimHttp(sim);
            String id = create(http, v7("no batch"));

            assertThat(http.post("/v1/tasks/batch", Map.of("task_ids", List.of(id))).status()).isEqualTo(405);
            assertThat(http.get("/v1/tasks/" + id).status()).isEqualTo(200);
            assertThat(sim.journal().count(Endpoint.TASK_BATCH)).isZero();
            assertThat(sim.journal().unroutedCount()).isEqualTo(1);
            assertThat(sim.journal().count(Endpoint.TASK_GET)).isEqualTo(1);
        }
    }

    @Test
    void aJournalOfNoEntriesStillCountsEveryRequestUntilReset() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001)
                .imageBaseSize(32).apiKey(KEY).journalCapacity(0).build())) {
            SimHttp http = new SimHttp(sim);
            String id = create(http, v7("counted"));
            for (int i = 0; i < 3; i++) {
                http.get("/v1/tasks/" + id);
            }
            http.post("/v1/tasks/batch", Map.of("task_ids", List.of(id)));

            assertThat(sim.journal().entries()).isEmpty();
            assertThat(sim.journal().count(Endpoint.CREATE)).isEqualTo(1);
            assertThat(sim.journal().count(Endpoint.TASK_GET)).isEqualTo(3);
            assertThat(sim.journal().count(Endpoint.TASK_BATCH)).isEqualTo(1);
            sim.reset();
            assertThat(sim.journal().count(Endpoint.TASK_GET)).isZero();
        }
    }
}
