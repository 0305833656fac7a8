package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.SECOND_KEY;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.dataUrl;

/**
 * The files API (evolink-api.md §7.1): base64, multipart and URL uploads, images only, one file per request,
 * quota, overwrite by name, list/quota/delete, 72 h expiry, size limit, and its own envelope
 * {@code {success, code, msg}}.
 */
class FilesApiTest {

    private static final int MAX_FILE_BYTES = 16 * 1024;

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).fileQuota(2).maxFileBytes(MAX_FILE_BYTES)
                    .allowInsecureCallbacks(true).apiKey(KEY).apiKey(SECOND_KEY));

    private static final String BOUNDARY = "----behaviour-test-boundary-7f3a";

    private SimHttp http;
    private LoopbackServer outside;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        outside = new LoopbackServer();
    }

    @AfterEach
    void tearDown() {
        outside.close();
    }

    /** One multipart/form-data part: a text field when fileName is null. */
    private record Part(String name, String fileName, String contentType, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    private static byte[] multipart(Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder h = new StringBuilder("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.fileName() != null) {
                h.append("; filename=\"").append(p.fileName()).append('"');
            }
            h.append("\r\n");
            if (p.contentType() != null) {
                h.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            h.append("\r\n");
            out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private SimHttp.Answer stream(SimHttp client, Part... parts) {
        return client.send("POST", "/api/v1/files/upload/stream", "multipart/form-data; boundary=" + BOUNDARY,
                multipart(parts));
    }

    private SimHttp.Answer base64(Object data) {
        return http.post("/api/v1/files/upload/base64", data);
    }

    private static void assertFilesError(SimHttp.Answer a, int status, int code) {
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(status);
        JsonNode j = a.json();
        assertThat(j.get("success").asBoolean()).isFalse();
        assertThat(j.get("code").asInt()).isEqualTo(code);
        assertThat(j.get("msg").asText()).isNotBlank();
        assertThat(j.has("error")).as("not the /v1 envelope").isFalse();
    }

    @Test
    void base64DataUrlUploadAnswersTheDocumentedEnvelopeAndServesTheBytesBack() {
        byte[] png = TestImages.png(40, 30);
        SimHttp.Answer a = base64(Map.of("base64_data", dataUrl(png)));
        assertThat(a.status()).isEqualTo(200);
        JsonNode j = a.json();
        assertThat(j.get("success").asBoolean()).isTrue();
        assertThat(j.get("code").asInt()).isEqualTo(200);
        assertThat(j.get("msg").asText()).isNotBlank();
        JsonNode d = j.get("data");
        assertThat(d.get("file_id").asText()).isNotBlank();
        assertThat(d.get("file_name").asText()).endsWith(".png");
        assertThat(d.get("original_name").asText()).isNotBlank();
        assertThat(d.get("file_size").asInt()).isEqualTo(png.length);
        assertThat(d.get("mime_type").asText()).isEqualTo("image/png");
        assertThat(d.get("upload_path").asText()).isNotBlank();
        OffsetDateTime uploaded = OffsetDateTime.parse(d.get("upload_time").asText());
        OffsetDateTime expires = OffsetDateTime.parse(d.get("expires_at").asText());
        assertThat(Duration.between(uploaded, expires)).as("72 h on the time scale")
                .isEqualTo(Duration.ofMillis(Math.round(72 * 3600_000L * 0.0005)));

        SimHttp anonymous = new SimHttp(SIM.baseUrl(), null);
        for (String url : List.of(d.get("file_url").asText(), d.get("download_url").asText())) {
            SimHttp.Answer served = anonymous.get(url);
            assertThat(served.status()).as(url).isEqualTo(200);
            assertThat(served.header("Content-Type")).isEqualTo("image/png");
            assertThat(served.bytes()).isEqualTo(png);
        }
    }

    @Test
    void rawBase64WithNameAndFolderIsStoredThere() {
        byte[] png = TestImages.png(20, 20);
        SimHttp.Answer a = base64(body("base64_data", Base64.getEncoder().encodeToString(png),
                "upload_path", "photos/2025", "file_name", "boat.png"));
        assertThat(a.status()).isEqualTo(200);
        JsonNode d = a.json().get("data");
        assertThat(d.get("file_name").asText()).isEqualTo("boat.png");
        assertThat(d.get("upload_path").asText()).isEqualTo("photos/2025");
        assertThat(d.get("file_url").asText()).isEqualTo(SIM.baseUrl() + "/files/photos/2025/boat.png");
        assertThat(http.get(d.get("file_url").asText()).bytes()).isEqualTo(png);
    }

    @Test
    void jpegGifAndWebpAreImagesToo() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        SimHttp.Answer a = base64(Map.of("base64_data", Base64.getEncoder().encodeToString(gif)));
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        assertThat(a.json().at("/data/mime_type").asText()).isEqualTo("image/gif");
    }

    @Test
    void badBase64AndMissingDataAre400() {
        SimHttp.Answer garbage = base64(Map.of("base64_data", "%%% not base64 %%%"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("success").asBoolean()).isFalse();
        assertFilesError(base64(Map.of("file_name", "x.png")), 400, 400);
    }

    @Test
    void nonImageBytesAre40002Everywhere() {
        byte[] text = "just some text, not an image".getBytes(StandardCharsets.UTF_8);
        assertFilesError(base64(Map.of("base64_data", Base64.getEncoder().encodeToString(text))), 400, 40002);
        assertFilesError(base64(Map.of("base64_data", "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(text))), 400, 40002);
        assertFilesError(stream(http, Part.file("file", "notes.png", "image/png", text)), 400, 40002);
        outside.serve("/notes.png", "image/png", text);
        assertFilesError(http.post("/api/v1/files/upload/url", Map.of("file_url", outside.url("/notes.png"))),
                400, 40002);
        assertThat(SIM.simulator().faults().injectedTotal()).isZero();
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isZero();
    }

    @Test
    void multipartStreamUploadTakesFieldsInBothSpellings() {
        byte[] png = TestImages.png(32, 16);
        SimHttp.Answer a = stream(http, Part.field("uploadPath", "camel"), Part.field("fileName", "hump.png"),
                Part.file("file", "original.png", "image/png", png));
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        JsonNode d = a.json().get("data");
        assertThat(d.get("file_name").asText()).isEqualTo("hump.png");
        assertThat(d.get("original_name").asText()).isEqualTo("original.png");
        assertThat(d.get("upload_path").asText()).isEqualTo("camel");
        assertThat(http.get(d.get("file_url").asText()).bytes()).isEqualTo(png);

        SimHttp.Answer snake = stream(http, Part.field("upload_path", "snake"), Part.field("file_name", "s.png"),
                Part.file("file", "o.png", "image/png", png));
        assertThat(snake.json().at("/data/file_url").asText()).endsWith("/files/snake/s.png");
    }

    @Test
    void multipartWithMoreThanOneFileOrNoneIsRefused() {
        byte[] png = TestImages.png(8, 8);
        assertFilesError(stream(http, Part.file("file", "a.png", "image/png", png),
                Part.file("file", "b.png", "image/png", png)), 400, 400);
        assertFilesError(stream(http, Part.field("file_name", "nothing.png")), 400, 400);
        assertFilesError(http.send("POST", "/api/v1/files/upload/stream", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), 400, 400);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isZero();
    }

    @Test
    void uploadByUrlOfAFileTheSimulatorServes() {
        byte[] png = TestImages.png(24, 24);
        String fileUrl = Support.upload(http, png);
        SimHttp.Answer copy = http.post("/api/v1/files/upload/url", Map.of("file_url", fileUrl));
        assertThat(copy.status()).as(new String(copy.bytes())).isEqualTo(200);
        assertThat(copy.json().at("/data/file_url").asText()).isNotEqualTo(fileUrl);
        assertThat(http.get(copy.json().at("/data/file_url").asText()).bytes()).isEqualTo(png);
    }

    @Test
    void uploadByUrlFromAnotherServer() {
        byte[] png = TestImages.png(50, 25);
        outside.serve("/cdn/sunset.png", "image/png", png);
        SimHttp.Answer a = http.post("/api/v1/files/upload/url", Map.of("file_url", outside.url("/cdn/sunset.png")));
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        assertThat(a.json().at("/data/original_name").asText()).isEqualTo("sunset.png");
        assertThat(outside.received("/cdn/sunset.png")).hasSize(1);
        assertThat(http.get(a.json().at("/data/download_url").asText()).bytes()).isEqualTo(png);
    }

    @Test
    void uploadByUrlThatCannotBeDownloadedIs40004() {
        assertFilesError(http.post("/api/v1/files/upload/url", Map.of("file_url", outside.url("/missing.png"))),
                400, 40004);
        assertFilesError(http.post("/api/v1/files/upload/url", Map.of("file_url", "ftp://example.com/a.png")),
                400, 400);
    }

    @Test
    void strictSimulatorRefusesToDownloadFromPrivateAddresses() {
        outside.serve("/inside.png", "image/png", TestImages.png(8, 8));
        try (EvolinkSimulator strict = EvolinkSimulator.start(SimulatorConfig.builder().build())) {
            SimHttp.Answer a = new SimHttp(strict).post("/api/v1/files/upload/url",
                    Map.of("file_url", outside.url("/inside.png")));
            assertFilesError(a, 400, 40004);
            assertThat(outside.received()).isEmpty();
        }
    }

    @Test
    void quotaIsPerKeyAndOverwritingByNameUsesNone() {
        byte[] png = TestImages.png(10, 10);
        assertThat(base64(body("base64_data", dataUrl(png), "file_name", "one.png")).status()).isEqualTo(200);
        assertThat(base64(body("base64_data", dataUrl(png), "file_name", "two.png")).status()).isEqualTo(200);
        assertFilesError(base64(body("base64_data", dataUrl(png), "file_name", "three.png")), 403, 40003);

        byte[] newer = TestImages.png(12, 12);
        SimHttp.Answer overwrite = base64(body("base64_data", dataUrl(newer), "file_name", "two.png"));
        assertThat(overwrite.status()).as("same name overwrites without using quota").isEqualTo(200);
        assertThat(http.get(overwrite.json().at("/data/file_url").asText()).bytes()).isEqualTo(newer);

        JsonNode quota = http.get("/api/v1/files/quota").json().get("data");
        assertThat(quota.get("used_files").asInt()).isEqualTo(2);
        assertThat(quota.get("max_files").asInt()).isEqualTo(2);
        assertThat(quota.get("remain_files").asInt()).isZero();
        assertThat(quota.get("user_group").asText()).isNotBlank();

        SimHttp second = http.withKey(SECOND_KEY);
        SimHttp.Answer theirs = second.post("/api/v1/files/upload/base64",
                body("base64_data", dataUrl(png), "file_name", "theirs.png"));
        assertThat(theirs.status()).as("another key has its own quota").isEqualTo(200);
    }

    @Test
    void anotherKeysUploadUnderTheSameNameDoesNotReplaceMine() {
        byte[] mine = TestImages.png(10, 10);
        byte[] theirs = TestImages.png(20, 20);
        SimHttp.Answer a = base64(body("base64_data", dataUrl(mine), "file_name", "input.png"));
        SimHttp.Answer b = http.withKey(SECOND_KEY).post("/api/v1/files/upload/base64",
                body("base64_data", dataUrl(theirs), "file_name", "input.png"));
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.json().at("/data/file_url").asText()).isNotEqualTo(a.json().at("/data/file_url").asText());
        assertThat(http.get(a.json().at("/data/file_url").asText()).bytes()).isEqualTo(mine);
        assertThat(http.get(a.json().at("/data/download_url").asText()).bytes()).isEqualTo(mine);
        assertThat(http.get(b.json().at("/data/file_url").asText()).bytes()).isEqualTo(theirs);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isEqualTo(1);

        byte[] theirsAgain = TestImages.png(30, 30);
        SimHttp.Answer again = http.withKey(SECOND_KEY).post("/api/v1/files/upload/base64",
                body("base64_data", dataUrl(theirsAgain), "file_name", "input.png"));
        assertThat(again.json().at("/data/file_url").asText()).as("their own name still overwrites their file")
                .isEqualTo(b.json().at("/data/file_url").asText());
        assertThat(http.withKey(SECOND_KEY).get("/api/v1/files/quota").json().at("/data/used_files").asInt())
                .isEqualTo(1);
        assertThat(http.get(a.json().at("/data/file_url").asText()).bytes()).isEqualTo(mine);
    }

    @Test
    void listQuotaAndDelete() {
        String first = base64(body("base64_data", dataUrl(TestImages.png(10, 10)), "file_name", "a.png"))
                .json().at("/data/file_id").asText();
        SimHttp.sleep(2);
        SimHttp.Answer secondUpload = base64(body("base64_data", dataUrl(TestImages.png(11, 11)), "file_name", "b.png"));
        String second = secondUpload.json().at("/data/file_id").asText();
        String secondUrl = secondUpload.json().at("/data/file_url").asText();

        JsonNode list = http.get("/api/v1/files/list?page=1&pageSize=20").json();
        assertThat(list.get("success").asBoolean()).isTrue();
        assertThat(list.at("/data/total").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        list.at("/data/files").forEach(f -> {
            ids.add(f.get("file_id").asText());
            assertThat(f.has("file_name")).isTrue();
            assertThat(f.get("file_size").asInt()).isPositive();
            assertThat(f.has("upload_time")).isTrue();
        });
        assertThat(ids).containsExactly(second, first);
        JsonNode page2 = http.get("/api/v1/files/list?page=2&pageSize=1").json();
        assertThat(page2.at("/data/files")).hasSize(1);
        assertThat(page2.at("/data/files/0/file_id").asText()).isEqualTo(first);
        assertThat(page2.at("/data/total").asInt()).isEqualTo(2);
        assertThat(http.withKey(SECOND_KEY).get("/api/v1/files/list").json().at("/data/total").asInt()).isZero();

        assertFilesError(http.withKey(SECOND_KEY).send("DELETE", "/api/v1/files/" + second, null, new byte[0]),
                404, 404);
        SimHttp.Answer deleted = http.send("DELETE", "/api/v1/files/" + second, null, new byte[0]);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
        assertThat(http.get(secondUrl).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/files/download/" + second).status()).isEqualTo(404);
        assertFilesError(http.send("DELETE", "/api/v1/files/" + second, null, new byte[0]), 404, 404);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isEqualTo(1);
        assertThat(base64(body("base64_data", dataUrl(TestImages.png(9, 9)), "file_name", "c.png")).status())
                .as("a deleted file frees its quota slot").isEqualTo(200);
    }

    @Test
    void filesExpireAfter72HoursOnTheTimeScale() {
        SimHttp.Answer a = base64(Map.of("base64_data", dataUrl(TestImages.png(10, 10))));
        String fileUrl = a.json().at("/data/file_url").asText();
        String downloadUrl = a.json().at("/data/download_url").asText();
        long lifetime = Math.round(72 * 3600_000L * 0.0005); // 129.6 s
        SIM.simulator().clock().advance(lifetime - 10_000);
        assertThat(http.get(fileUrl).status()).isEqualTo(200);
        SIM.simulator().clock().advance(20_000);
        assertThat(http.get(fileUrl).status()).isEqualTo(404);
        assertThat(http.get(downloadUrl).status()).isEqualTo(404);
        JsonNode quota = http.get("/api/v1/files/quota").json().get("data");
        assertThat(quota.get("used_files").asInt()).as("expired files free their slot").isZero();
        assertThat(http.get("/api/v1/files/list").json().at("/data/total").asInt()).isZero();
    }

    @Test
    void filesAboveTheSizeLimitAre413With40001() {
        byte[] big = Support.noisePng(96, 96);
        assertThat(big.length).isGreaterThan(MAX_FILE_BYTES);
        assertFilesError(base64(Map.of("base64_data", dataUrl(big))), 413, 40001);
        assertFilesError(stream(http, Part.file("file", "big.png", "image/png", big)), 413, 40001);
        outside.serve("/big.png", "image/png", big);
        assertFilesError(http.post("/api/v1/files/upload/url", Map.of("file_url", outside.url("/big.png"))),
                413, 40001);
    }

    @Test
    void uploadsFarAboveTheLimitAre413With40001Too() {
        byte[] huge = Support.noisePng(200, 200); // well beyond the body limit of the route, not only the file limit
        assertThat(huge.length).isGreaterThan(MAX_FILE_BYTES + 64 * 1024);
        assertFilesError(stream(http, Part.file("file", "huge.png", "image/png", huge)), 413, 40001);
        assertFilesError(base64(Map.of("base64_data", dataUrl(huge))), 413, 40001);
    }

    @Test
    void missingOrWrongKeyIs401InTheFilesEnvelope() {
        SimHttp anonymous = new SimHttp(SIM.baseUrl(), null);
        assertFilesError(anonymous.post("/api/v1/files/upload/base64", Map.of("base64_data",
                dataUrl(TestImages.png(4, 4)))), 401, 401);
        assertFilesError(anonymous.get("/api/v1/files/list"), 401, 401);
        assertFilesError(anonymous.get("/api/v1/files/quota"), 401, 401);
        assertFilesError(new SimHttp(SIM.baseUrl(), "sk-wrong").send("DELETE", "/api/v1/files/file_x", null,
                new byte[0]), 401, 401);
        assertFilesError(anonymous.send("POST", "/api/v1/files/upload/stream",
                "multipart/form-data; boundary=" + BOUNDARY, multipart(Part.file("file", "a.png", "image/png",
                        TestImages.png(4, 4)))), 401, 401);
    }

    @Test
    void uploadedFilesAreInputsForGenerations() {
        String fileUrl = Support.upload(http, TestImages.png(60, 40));
        JsonNode t = http.run(body("model", "mj-v7-remove-bg", "image_urls", List.of(fileUrl)));
        assertThat(t.get("status").asText()).isEqualTo("completed");
    }
}
