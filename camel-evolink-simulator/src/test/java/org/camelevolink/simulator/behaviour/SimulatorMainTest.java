package org.camelevolink.simulator.behaviour;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.SimulatorMain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standalone command line: {@code --api-key} adds keys next to {@code sk-simulator}, {@code --time-scale}; what
 * {@code main} prints and the exit status it ends with, through {@link SimulatorMain#run}, which {@code main} calls.
 */
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
        assertThat(parse().batchReads()).isTrue();
        assertThat(parse("--no-batch").batchReads()).isFalse();
        assertThat(parse().journalCapacity()).isEqualTo(200_000);
        assertThat(parse("--journal-capacity", "0").journalCapacity()).isZero();
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

    @Test
    void aBusyPortIsOneLineAndExitStatus1() {
        try (EvolinkSimulator first = EvolinkSimulator.start(parse("--port", "0"))) {
            int port = Integer.parseInt(first.baseUrl().substring(first.baseUrl().lastIndexOf(':') + 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = SimulatorMain.run(new String[] {"--port", String.valueOf(port)}, print(out), print(err));

            assertThat(status).isEqualTo(1);
            assertThat(text(err)).isEqualTo("error: port " + port + " is in use on 127.0.0.1; choose another with "
                    + "--port" + System.lineSeparator());
            assertThat(text(out)).isEmpty();
            // the first simulator still answers
            assertThat(new SimHttp(first).get("/v1/credits").status()).isEqualTo(200);
        }
    }

    @Test
    void aBadOptionIsTheErrorAndTheUsageWithExitStatus2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SimulatorMain.run(new String[] {"--bogus"}, print(new ByteArrayOutputStream()), print(err)))
                .isEqualTo(2);
        assertThat(text(err)).startsWith("error: unknown option --bogus" + System.lineSeparator() + "usage: ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SimulatorMain.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream())))
                .isZero();
        assertThat(text(out)).startsWith("usage: ").contains("--time-scale");
    }

    @Test
    void listeningItSaysWhereAndServesUntilInterrupted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread runner = new Thread(() -> status.complete(SimulatorMain.run(new String[] {"--port", "0"}, print(out),
                print(new ByteArrayOutputStream()))), "simulator-main-under-test");
        runner.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!text(out).contains("listening on") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(text(out)).startsWith("EvoLink simulator listening on http://127.0.0.1:");
        assertThat(status).isNotDone();
        runner.interrupt();
        assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
