package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.completed;

/**
 * Result links expire (evolink-api.md §4: 24 h for V7, 30 days for V8.x) on the time scale and then answer 410;
 * uploaded files expire after 72 h (§7.1). Time moves with {@code clock().advance(...)}.
 */
class ExpiryTest {

    private static final double SCALE = 0.01;
    private static final long HOUR = Math.round(3_600_000 * SCALE); // 36 s of simulator time

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(SCALE).imageBaseSize(32).allowInsecureCallbacks(true));

    private SimHttp http;

    @BeforeEach
    void client() {
        http = new SimHttp(SIM.simulator());
    }

    private JsonNode done(String model) {
        String id = completed(SIM.simulator(), http, body("model", model, "prompt", "a lighthouse"));
        return Support.task(http, id);
    }

    @Test
    void v7LinksExpireAfter24HoursWhileV8LinksLive30Days() {
        JsonNode v7 = done("mj-v7");
        JsonNode v81 = done("mj-v8.1");
        JsonNode v82 = done("mj-v8.2");
        String v7Link = v7.get("results").get(0).asText();
        List<String> v8Links = List.of(v81.get("results").get(0).asText(), v82.get("results").get(3).asText());

        SIM.simulator().clock().advance(23 * HOUR);
        assertThat(http.get(v7Link).status()).as("still valid after 23 h").isEqualTo(200);

        SIM.simulator().clock().advance(2 * HOUR);
        SimHttp.Answer gone = http.get(v7Link);
        assertThat(gone.status()).as("expired after 24 h").isEqualTo(410);
        assertThat(gone.code()).isEqualTo("link_expired");
        for (String link : v8Links) {
            assertThat(http.get(link).status()).as("V8.x link after 25 h").isEqualTo(200);
        }

        SIM.simulator().clock().advance(28 * 24 * HOUR);
        for (String link : v8Links) {
            assertThat(http.get(link).status()).as("V8.x link after 29 days").isEqualTo(200);
        }
        SIM.simulator().clock().advance(2 * 24 * HOUR);
        for (String link : v8Links) {
            assertThat(http.get(link).status()).as("V8.x link after 31 days").isEqualTo(410);
        }
    }

    @Test
    void theTaskStaysReadableAfterItsLinksExpired() {
        JsonNode v7 = done("mj-v7");
        SIM.simulator().clock().advance(25 * HOUR);
        JsonNode again = Support.task(http, v7.get("id").asText());
        assertThat(again.get("status").asText()).isEqualTo("completed");
        assertThat(again.get("results")).hasSize(4);
    }

    @Test
    void everyLinkOfTheTaskExpiresTogether() {
        JsonNode v7 = done("mj-v7");
        SIM.simulator().clock().advance(25 * HOUR);
        for (JsonNode link : v7.get("results")) {
            assertThat(http.get(link.asText()).status()).isEqualTo(410);
        }
    }

    @Test
    void theLinkLifetimeStartsWhenTheTaskEnds() {
        String id = Support.create(http, body("model", "mj-v7", "prompt", "late finisher"));
        SIM.simulator().clock().advance(HOUR / 2); // far past its duration: the next read ends it
        JsonNode t = Support.task(http, id);
        assertThat(t.get("status").asText()).isEqualTo("completed");
        SIM.simulator().clock().advance(23 * HOUR);
        assertThat(http.get(t.get("results").get(0).asText()).status()).isEqualTo(200);
    }

    @Test
    void anExpiredResultLinkIsAnUnreadableInput() {
        JsonNode v7 = done("mj-v7");
        String link = v7.get("results").get(0).asText();
        SIM.simulator().clock().advance(25 * HOUR);
        JsonNode t = http.run(body("model", "mj-v7-remove-bg", "image_urls", List.of(link)));
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.at("/error/code").asText()).isEqualTo("image_processing_error");
    }

    @Test
    void uploadedFilesExpireAfter72Hours() {
        SimHttp.Answer a = http.post("/api/v1/files/upload/base64",
                Map.of("base64_data", Support.dataUrl(TestImages.png(8, 8))));
        String fileUrl = a.json().at("/data/file_url").asText();
        SIM.simulator().clock().advance(71 * HOUR);
        assertThat(http.get(fileUrl).status()).isEqualTo(200);
        SIM.simulator().clock().advance(2 * HOUR);
        assertThat(http.get(fileUrl).status()).isEqualTo(404);
        assertThat(http.get(a.json().at("/data/download_url").asText()).status()).isEqualTo(404);
    }
}
