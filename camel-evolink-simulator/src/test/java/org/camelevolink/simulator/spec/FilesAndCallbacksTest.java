package org.camelevolink.simulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.callback.CallbackAttempt;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** §7.1 the files API, and §8 callbacks with their retries and faults. */
class FilesAndCallbacksTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64).allowInsecureCallbacks(true).fileQuota(3)
                    .maxFileBytes(200_000));

    private SimHttp http;
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        http = new SimHttp(SIM.simulator());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " via "
                    + exchange.getRequestMethod());
            int status = failuresToAnswer.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    // ---- files ------------------------------------------------------------------------------------------------

    @Test
    void uploadBase64DataUrlAndRawThenServeBack() {
        byte[] png = Fixtures.png(20, 20);
        JsonNode dataUrl = http.post("/api/v1/files/upload/base64", Map.of("base64_data",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png), "file_name", "a.png",
                "upload_path", "shots")).json();
        assertThat(dataUrl.get("success").asBoolean()).isTrue();
        assertThat(dataUrl.get("code").asInt()).isEqualTo(200);
        JsonNode d = dataUrl.get("data");
        assertThat(d.get("file_name").asText()).isEqualTo("a.png");
        assertThat(d.get("mime_type").asText()).isEqualTo("image/png");
        assertThat(d.get("file_size").asInt()).isEqualTo(png.length);
        assertThat(d.get("file_url").asText()).endsWith("/files/shots/a.png");
        assertThat(d.get("expires_at").asText()).isNotBlank();
        assertThat(http.get(d.get("file_url").asText()).bytes()).isEqualTo(png);
        assertThat(http.get(d.get("download_url").asText()).bytes()).isEqualTo(png);
        JsonNode raw = http.post("/api/v1/files/upload/base64", Map.of("base64_data",
                Base64.getEncoder().encodeToString(png))).json();
        assertThat(raw.at("/data/file_name").asText()).endsWith(".png");
    }

    @Test
    void uploadMultipartStream() {
        String boundary = "----sim-test-boundary";
        byte[] png = Fixtures.png(10, 10);
        byte[] body = multipart(boundary, List.of(new Part("file", "tiny.png", png), new Part("uploadPath", null,
                "inputs".getBytes())));
        JsonNode d = http.send("POST", "/api/v1/files/upload/stream", "multipart/form-data; boundary=" + boundary,
                body).json().get("data");
        assertThat(d.get("file_url").asText()).contains("/files/inputs/file_").endsWith(".png");
        assertThat(d.get("original_name").asText()).isEqualTo("tiny.png");
        assertThat(http.get(d.get("file_url").asText()).bytes()).isEqualTo(png);
        byte[] two = multipart(boundary, List.of(new Part("file", "a.png", png), new Part("file", "b.png", png)));
        SimHttp.Answer rejected = http.send("POST", "/api/v1/files/upload/stream",
                "multipart/form-data; boundary=" + boundary, two);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void uploadByUrlFromTheSimulatorAndFromAnotherServer() throws IOException {
        JsonNode gen = http.run(Map.of("model", "mj-v7", "prompt", "x y"));
        JsonNode local = http.post("/api/v1/files/upload/url", Map.of("file_url",
                gen.get("results").get(0).asText())).json();
        assertThat(local.get("success").asBoolean()).isTrue();
        byte[] png = Fixtures.png(12, 12);
        HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/pic.png", ex -> {
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
            ex.close();
        });
        origin.start();
        try {
            String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/pic.png";
            JsonNode remote = http.post("/api/v1/files/upload/url", Map.of("file_url", url)).json();
            assertThat(http.get(remote.at("/data/file_url").asText()).bytes()).isEqualTo(png);
            SimHttp.Answer missing = http.post("/api/v1/files/upload/url", Map.of("file_url",
                    url.replace("/pic.png", "/missing.png")));
            assertThat(missing.json().get("code").asInt()).isEqualTo(40004);
        } finally {
            origin.stop(0);
        }
    }

    @Test
    void onlyImagesOneAtATimeWithinQuotaAndSize() {
        SimHttp.Answer text = http.post("/api/v1/files/upload/base64", Map.of("base64_data",
                Base64.getEncoder().encodeToString("hello".getBytes())));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("code").asInt()).isEqualTo(40002);
        for (int i = 0; i < 3; i++) {
            assertThat(upload("f" + i + ".png").status()).isEqualTo(200);
        }
        SimHttp.Answer over = upload("f3.png");
        assertThat(over.json().get("code").asInt()).isEqualTo(40003);
        assertThat(upload("f1.png").status()).as("same name overwrites, no quota used").isEqualTo(200);
        JsonNode quota = http.get("/api/v1/files/quota").json().get("data");
        assertThat(quota.get("used_files").asInt()).isEqualTo(3);
        assertThat(quota.get("remain_files").asInt()).isZero();
        JsonNode list = http.get("/api/v1/files/list?page=1&pageSize=2").json().get("data");
        assertThat(list.get("total").asInt()).isEqualTo(3);
        assertThat(list.get("files")).hasSize(2);
        String id = list.get("files").get(0).get("file_id").asText();
        assertThat(http.send("DELETE", "/api/v1/files/" + id, null, new byte[0]).status()).isEqualTo(200);
        assertThat(upload("f4.png").status()).isEqualTo(200);
        SimHttp.Answer big = http.post("/api/v1/files/upload/base64", Map.of("base64_data",
                Base64.getEncoder().encodeToString(new byte[250_000])));
        assertThat(big.status()).isEqualTo(413);
    }

    @Test
    void filesExpireAfter72HoursAndNeedAKey() {
        String url = upload("old.png").json().at("/data/file_url").asText();
        SIM.simulator().clock().advance(Math.round(72 * 3600_000 * 0.0005) + 10);
        assertThat(http.get(url).status()).isEqualTo(404);
        SimHttp.Answer anonymous = new SimHttp(SIM.baseUrl(), null).get("/api/v1/files/quota");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("success").asBoolean()).isFalse();
        assertThat(anonymous.json().get("code").asInt()).isEqualTo(401);
    }

    private SimHttp.Answer upload(String name) {
        return http.post("/api/v1/files/upload/base64", Map.of("base64_data",
                Base64.getEncoder().encodeToString(Fixtures.png(8, 8)), "file_name", name));
    }

    private record Part(String name, String fileName, byte[] content) {
    }

    private static byte[] multipart(String boundary, List<Part> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\nContent-Type: image/png")
                    + "\r\n\r\n").getBytes());
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes());
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes());
        return out.toByteArray();
    }

    // ---- callbacks --------------------------------------------------------------------------------------------

    private List<CallbackAttempt> awaitAttempts(String taskId, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<CallbackAttempt> mine = SIM.simulator().callbackAttempts().stream()
                    .filter(a -> a.taskId().equals(taskId)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            SimHttp.sleep(5);
        }
        throw new AssertionError("fewer than " + count + " callback attempts for " + taskId);
    }

    @Test
    void callbackPostsTheTaskBodyOnCompletionAndFailure() {
        String done = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json().get("id")
                .asText();
        awaitAttempts(done, 1);
        assertThat(received.get(0)).contains("\"id\":\"" + done + "\"").contains("\"status\":\"completed\"")
                .contains("\"results\"").endsWith(" via POST");
        SIM.simulator().faults().script(null, Fault.failTask("service_error"), 1);
        String failed = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json()
                .get("id").asText();
        awaitAttempts(failed, 1);
        assertThat(received.get(1)).contains("\"status\":\"failed\"").contains("service_error");
    }

    @Test
    void nonSuccessAnswersAreRetriedThreeTimesAtMost() {
        failuresToAnswer.set(10);
        String id = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json().get("id")
                .asText();
        List<CallbackAttempt> attempts = awaitAttempts(id, 4);
        SimHttp.sleep(100);
        assertThat(SIM.simulator().callbackAttempts()).hasSize(4);
        assertThat(attempts).extracting(CallbackAttempt::attempt).containsExactly(0, 1, 2, 3);
        assertThat(attempts).allMatch(a -> a.status() == 500);
    }

    @Test
    void retriesStopAtTheFirstSuccess() {
        failuresToAnswer.set(1);
        String id = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json().get("id")
                .asText();
        awaitAttempts(id, 2);
        SimHttp.sleep(50);
        assertThat(SIM.simulator().callbackAttempts()).extracting(CallbackAttempt::status).containsExactly(500, 204);
    }

    @Test
    void duplicateLateAndLostCallbacks() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.CALLBACK_DUPLICATE), 1);
        String dup = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json().get("id")
                .asText();
        assertThat(awaitAttempts(dup, 2)).extracting(CallbackAttempt::delivery).containsExactlyInAnyOrder(1, 2);

        SIM.simulator().faults().script(null, Fault.lateCallback(300), 1);
        String late = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json()
                .get("id").asText();
        long finished = http.awaitTerminal(late).get("status").asText().equals("completed")
                ? System.currentTimeMillis() : 0;
        CallbackAttempt a = awaitAttempts(late, 1).get(0);
        assertThat(a.atMillis() - finished).isGreaterThanOrEqualTo(200);

        SIM.simulator().faults().script(null, Fault.of(FaultKind.CALLBACK_LOST), 1);
        String lost = http.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", hook())).json()
                .get("id").asText();
        http.awaitTerminal(lost);
        SimHttp.sleep(100);
        assertThat(SIM.simulator().callbackAttempts()).noneMatch(x -> x.taskId().equals(lost));
    }

    @Test
    void strictModeRefusesInsecureCallbackUrls() {
        try (EvolinkSimulator strict = EvolinkSimulator.start(SimulatorConfig.builder().build())) {
            SimHttp client = new SimHttp(strict);
            for (String url : List.of(hook(), "https://127.0.0.1/hook", "https://10.1.2.3/h", "https://172.16.0.1/h",
                    "https://192.168.1.1/h", "https://localhost/h", "https://[::1]/h", "https://169.254.1.1/h",
                    "https://example.com/" + "a".repeat(2049 - 20), "not a url")) {
                SimHttp.Answer a = client.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", url));
                assertThat(a.status()).as(url).isEqualTo(400);
                assertThat(a.param()).isEqualTo("callback_url");
            }
            String ok = "https://hooks.example.com/" + "a".repeat(2048 - 26);
            assertThat(ok).hasSize(2048);
            assertThat(client.create(Map.of("model", "mj-v7", "prompt", "x y", "callback_url", ok)).status())
                    .isEqualTo(200);
        }
    }
}
