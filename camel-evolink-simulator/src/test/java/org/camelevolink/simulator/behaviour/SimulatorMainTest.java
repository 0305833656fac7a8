package org.camelevolink.simulator.behaviour;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.SimulatorMain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone command line: {@code --api-key} adds keys next to {@code sk-simulator}, {@code --time-scale}. */
class SimulatorMainTest {

    private static SimulatorConfig parse(String... args) {
        return SimulatorMain.parse(args);
    }

    @Test
    void apiKeyAddsAKeyAndTimeScaleIsTaken() {
        SimulatorConfig c = parse("--port", "0", "--api-key", "sk-extra-key", "--time-scale", "0.01");
        assertThat(c.apiKeys()).containsOnlyKeys("sk-simulator", "sk-extra-key");
        assertThat(c.timeScale()).isEqualTo(0.01);
        assertThat(c.port()).isZero();
        assertThat(c.allowInsecureCallbacks()).as("strict by default").isFalse();
        assertThat(c.rateLimitPerSecond()).as("no rate limit by default").isZero();
    }

    @Test
    void theDefaultPortIs8089() {
        assertThat(parse().port()).isEqualTo(8089);
        assertThat(parse().apiKeys()).containsOnlyKeys("sk-simulator");
        assertThat(parse().timeScale()).isEqualTo(1.0);
    }

    @Test
    void aSimulatorStartedFromTheCommandLineAcceptsBothKeys() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(parse("--port", "0", "--api-key", "sk-extra-key",
                "--time-scale", "0.01", "--credits", "77"))) {
            SimHttp def = new SimHttp(sim);
            assertThat(def.get("/v1/credits").json().at("/data/token/remaining_credits").asDouble()).isEqualTo(77);
            assertThat(def.withKey("sk-extra-key").get("/v1/credits").status()).isEqualTo(200);
            assertThat(def.withKey("sk-unknown-key").get("/v1/credits").status()).isEqualTo(401);
        }
    }

    @Test
    void helpAndBadOptions() {
        assertThat(parse("--help")).isNull();
        assertThatThrownBy(() -> parse("--bogus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> parse("--api-key")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("--time-scale", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--port", "70000")).isInstanceOf(IllegalArgumentException.class);
    }
}
