package org.camelevolink.simulator.journal;

import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {

    @Test
    void countsEveryRequestPerEndpointBeyondWhatTheBoundKeeps() {
        Journal journal = new Journal(2);
        for (int i = 0; i < 5; i++) {
            journal.record(i, "GET", "/v1/tasks/t" + i, Endpoint.TASK_GET, Map.of(), new byte[0]);
        }
        journal.record(5, "POST", "/v1/images/generations", Endpoint.CREATE, Map.of(), new byte[0]);

        assertThat(journal.entries()).hasSize(2);
        assertThat(journal.count(Endpoint.TASK_GET)).isEqualTo(5);
        assertThat(journal.count(Endpoint.CREATE)).isEqualTo(1);
        assertThat(journal.count(Endpoint.TASK_BATCH)).isZero();

        journal.clear();
        assertThat(journal.count(Endpoint.TASK_GET)).isZero();
    }
}
