package org.camelevolink.component.reliability;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the 5,000-task soak: a submit answered 500 created nothing, and the same message redelivered later than
 * maxWaitTime created the task then; the consumer's wait counted from the first attempt and gave the new task up
 * as timed out at its first read.
 */
class LateRedeliveryTest {

    /** A simulator of each test's own, handed to it as a parameter. */
    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.002)
            .allowInsecureCallbacks(true).imageBaseSize(32));

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"CONSUME", "CALLBACK"})
    void aRedeliveryLaterThanMaxWaitTimeWaitsFromItsOwnSubmit(Mode mode, EvolinkSimulator sim) throws Exception {
        try (Rig rig = new Rig(sim, Rig.Settings.of(mode).maxWaitTime(1_000))) {
            sim.faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_500), 1);
            rig.send("late-redelivery", "a lighthouse");
            Invariants.awaitEnds(rig, Invariants.LIMIT);
            assertThat(rig.ledger().entry("late-redelivery").last().code()).isEqualTo("internal_error");

            Thread.sleep(1_200); // the source redelivers after maxWaitTime has passed since the first attempt
            rig.send("late-redelivery", "a lighthouse");
            Invariants.awaitEnds(rig, Invariants.LIMIT);

            Outcome last = rig.ledger().entry("late-redelivery").last();
            assertThat(last.kind()).as(last.toString()).isEqualTo(Outcome.Kind.COMPLETED);
            assertThat(sim.journal().chargedSubmits()).isEqualTo(1);
            Invariants.assertNothingLeftBehind(rig);
        }
    }
}
