package org.camelevolink.simulator.behaviour;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.v7;

/** The JUnit 5 extension: one simulator per class, injected as a parameter, reset before every test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32));

    private static int port;

    @Test
    @Order(1)
    void injectsTheRunningSimulator(EvolinkSimulator sim) {
        assertThat(sim).isSameAs(SIM.simulator());
        assertThat(SIM.baseUrl()).isEqualTo(sim.baseUrl()).startsWith("http://127.0.0.1:");
        port = sim.port();
        SimHttp http = new SimHttp(sim);
        assertThat(http.create(v7("leave state behind")).status()).isEqualTo(200);
        Support.upload(http, TestImages.png(4, 4));
        sim.setCredits(KEY, 3);
        sim.faults().script(null, Fault.of(FaultKind.HTTP_500), 10);
        sim.clock().advance(1_000_000);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromAClearedSimulatorOnTheSamePort(EvolinkSimulator sim) {
        assertThat(sim.port()).as("one simulator for the class").isEqualTo(port);
        assertThat(sim.tasks().size()).isZero();
        assertThat(sim.journal().entries()).isEmpty();
        assertThat(sim.credits(KEY).remaining()).isEqualTo(10_000);
        assertThat(sim.faults().injectedTotal()).isZero();
        assertThat(sim.clock().nowMillis()).isLessThan(System.currentTimeMillis() + 500_000);
        SimHttp http = new SimHttp(sim);
        assertThat(http.get("/v1/credits").status()).as("no fault left over").isEqualTo(200);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isZero();
        assertThat(http.create(Map.of("model", "mj-v7", "prompt", "fresh")).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aSecondParameterIsTheSameSimulator(EvolinkSimulator first, EvolinkSimulator second) {
        assertThat(first).isSameAs(second);
    }
}
