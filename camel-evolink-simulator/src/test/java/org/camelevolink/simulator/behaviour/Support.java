package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the behaviour tests share: request bodies, pictures, uploads and bounded waiting. */
final class Support {

    static final String KEY = "sk-simulator";
    static final String SECOND_KEY = "sk-second-key-000";
    /** Every bounded wait gives up after this long; a healthy run needs a tiny fraction of it. */
    static final long WAIT_MILLIS = 20_000;

    private Support() {
    }

    /** A JSON object from alternating keys and values, in order. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static Map<String, Object> v7(String prompt) {
        return body("model", "mj-v7", "prompt", prompt);
    }

    /** Creates a task, asserting the submit was accepted; returns its id. */
    static String create(SimHttp http, Map<String, Object> body) {
        SimHttp.Answer a = http.create(body);
        assertThat(a.status()).as("create answered %s", new String(a.bytes())).isEqualTo(200);
        return a.json().get("id").asText();
    }

    /** Creates a task and ends it successfully at once through the control API of the simulator. */
    static String completed(EvolinkSimulator sim, SimHttp http, Map<String, Object> body) {
        String id = create(http, body);
        sim.completeTask(id);
        assertThat(http.get("/v1/tasks/" + id).json().get("status").asText()).isEqualTo("completed");
        return id;
    }

    static JsonNode task(SimHttp http, String id) {
        SimHttp.Answer a = http.get("/v1/tasks/" + id);
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        return a.json();
    }

    static JsonNode credits(SimHttp http) {
        SimHttp.Answer a = http.get("/v1/credits");
        assertThat(a.status()).isEqualTo(200);
        return a.json().at("/data/token");
    }

    /** Polls until the condition holds, at most {@link #WAIT_MILLIS}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            SimHttp.sleep(3);
        }
    }

    /** Polls until the supplier answers non-null, at most {@link #WAIT_MILLIS}. */
    static <T> T awaitValue(String what, Supplier<T> supplier) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            T value = supplier.get();
            if (value != null) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            SimHttp.sleep(3);
        }
    }

    /** Random pixels: a PNG that does not compress, to exceed size limits. */
    static byte[] noisePng(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return TestImages.encode(img);
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(img).as("a decodable image").isNotNull();
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Uploads a picture through the files API (base64) and returns its file_url. */
    static String upload(SimHttp http, byte[] png) {
        SimHttp.Answer a = http.post("/api/v1/files/upload/base64", Map.of("base64_data", dataUrl(png)));
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        return a.json().at("/data/file_url").asText();
    }

    /** Downloads result {@code index} of a completed task and decodes it. */
    static BufferedImage result(SimHttp http, JsonNode task, int index) {
        SimHttp.Answer a = http.get(task.get("results").get(index).asText());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("image/png");
        return decode(a.bytes());
    }
}
