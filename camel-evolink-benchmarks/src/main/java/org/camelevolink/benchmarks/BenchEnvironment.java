package org.camelevolink.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** What a scenario runs against: the simulator, the settings, the run's arrivals and durations, and its ledger. */
public record BenchEnvironment(SimulatorHandle sim, BenchSettings settings, LoadShape load, TaskLedger ledger) {

    /** The prompt of task {@code i}: distinct, so no two requests look alike. */
    static String prompt(int i) {
        return "a lighthouse at dusk, number " + i;
    }

    /** The create request's JSON body for task {@code i}, with a callback URL or without ({@code null}). */
    String createBody(int i, String callbackUrl) {
        return "{\"model\":\"" + settings.model() + "\",\"prompt\":\"" + prompt(i) + "\""
                + (callbackUrl == null ? "" : ",\"callback_url\":\"" + callbackUrl + "\"") + "}";
    }

    /** A loopback port free now, for a receiver of callbacks. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
