package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.png;

/** Result downloads: bounded, no redirects, and the API key only ever to EvoLink's own hosts. */
class DownloadTest {

    private static final String KEY = "sk-download-test-key-61bb";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = SIM.client(KEY, b -> b);
    }

    /** The fake CDN is on 127.0.0.1 like the simulator, on another port: another origin all the same. */
    @Test
    void aForeignHostNeverSeesTheKey() throws Exception {
        byte[] image = png();
        try (FakeServer cdn = FakeServer.start().on("GET", "/img/", (x, r) -> FakeServer.respond(x, 200, "image/png",
                image))) {
            Download d = await(client.download(cdn.baseUrl() + "/img/1.png?sig=abc", 1_000_000));
            assertThat(d.bytes()).isEqualTo(image);
            assertThat(d.contentType()).isEqualTo("image/png");
            FakeServer.Request seen = cdn.requests().get(0);
            assertThat(seen.header("Authorization")).isNull();
            assertThat(seen.headers().values()).noneMatch(v -> v.contains(KEY));
        }
    }

    @Test
    void evolinksOwnFileHostGetsTheKey() throws Exception {
        EvolinkFile file = await(client.uploadBase64(png(), "image/png", "own.png", null));
        await(client.download(file.downloadUrl(), 1_000_000));
        JournalEntry read = SIM.simulator().journal(Endpoint.FILE_CONTENT).get(0);
        assertThat(read.header("Authorization")).isEqualTo("Bearer " + JournalEntry.mask(KEY));
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (FakeServer cdn = FakeServer.start().on("GET", "/moved", (x, r) -> FakeServer.respond(x, 302,
                "text/plain", new byte[0], "Location", SIM.baseUrl() + "/v1/credits"))) {
            EvolinkApiException e = apiFailure(client.download(cdn.baseUrl() + "/moved", 1_000_000));
            assertThat(e.getStatusCode()).isEqualTo(302);
            assertThat(SIM.simulator().journal().entries()).isEmpty();
        }
    }

    @Test
    void aResultLargerThanMaxBytesIsRefused() throws Exception {
        EvolinkFile file = await(client.uploadBase64(png(), "image/png", "big.png", null));
        EvolinkApiException e = apiFailure(client.download(file.fileUrl(), 10));
        assertThat(e.getCode()).isEqualTo(EvolinkApiException.RESPONSE_TOO_LARGE);
        assertThat(SIM.simulator().journal(Endpoint.FILE_CONTENT)).as("not retried").hasSize(1);
    }

    @Test
    void anExpiredOrMissingResultIsA404() {
        EvolinkApiException e = apiFailure(client.download(SIM.baseUrl() + "/files/nothing/here.png", 1_000));
        assertThat(e.getStatusCode()).isEqualTo(404);
    }
}
