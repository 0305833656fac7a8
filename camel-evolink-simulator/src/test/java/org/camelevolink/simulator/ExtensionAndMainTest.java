package org.camelevolink.simulator;

import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JUnit 5 extension (parameter injection, reset between tests) and the standalone command line. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionAndMainTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.001));

    @Test
    @Order(1)
    void injectsTheRunningSimulator(EvolinkSimulator sim) {
        assertThat(sim).isSameAs(SIM.simulator());
        assertThat(new SimHttp(sim).create(Map.of("model", "mj-v7", "prompt", "x y")).status()).isEqualTo(200);
        assertThat(sim.tasks().size()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void stateIsResetBeforeEachTest(EvolinkSimulator sim) {
        assertThat(sim.tasks().size()).isZero();
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void commandLineAddsKeysAndScale() {
        SimulatorConfig c = SimulatorMain.parse(new String[] {"--port", "0", "--api-key", "sk-extra-key", "--time-scale",
            "0.01", "--credits", "50", "--allow-insecure-callbacks", "--rate-limit", "5", "--seed", "9"});
        assertThat(c.apiKeys()).containsEntry("sk-simulator", 50.0).containsEntry("sk-extra-key", 50.0);
        assertThat(c.timeScale()).isEqualTo(0.01);
        assertThat(c.allowInsecureCallbacks()).isTrue();
        assertThat(c.rateLimitPerSecond()).isEqualTo(5);
        assertThat(c.seed()).isEqualTo(9);
        assertThat(c.toString()).doesNotContain("sk-extra-key").doesNotContain("sk-simulator");
        assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--nope"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
                .hasMessageContaining("needs a value");
    }
}
