package org.camelevolink.simulator.task;

import org.camelevolink.simulator.http.Lazy;
import org.camelevolink.simulator.image.ImageRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Reads a task's input images (image_urls, image prompts, mask URLs) the way EvoLink's workers would: over HTTP,
 * bounded, and failing the task with {@code image_processing_error} when one cannot be read. URLs the simulator
 * serves itself are resolved in-process.
 */
public final class InputImageLoader {

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final Lazy<HttpClient> http;
    private final Function<String, byte[]> localResolver;
    private final Executor executor;

    /** {@code localResolver} answers the bytes of a URL the simulator serves, null for foreign URLs. */
    public InputImageLoader(Function<String, byte[]> localResolver, Executor executor) {
        this.localResolver = localResolver;
        this.executor = executor;
        this.http = new Lazy<>(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).executor(executor).build());
    }

    public CompletableFuture<Map<String, BufferedImage>> load(List<String> urls) {
        Map<String, CompletableFuture<BufferedImage>> pending = new LinkedHashMap<>();
        for (String url : urls) {
            pending.putIfAbsent(url, loadOne(url));
        }
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, BufferedImage> out = new LinkedHashMap<>();
            pending.forEach((url, f) -> out.put(url, f.join()));
            return out;
        });
    }

    private CompletableFuture<BufferedImage> loadOne(String url) {
        if (url.startsWith("data:")) {
            return CompletableFuture.supplyAsync(() -> decode(url, dataUri(url)), executor);
        }
        return CompletableFuture.supplyAsync(() -> localResolver.apply(url), executor).thenCompose(local -> {
            if (local != null) {
                return CompletableFuture.completedFuture(decode(url, local));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET()
                    .build();
            return http.get().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(response -> decode(url, body(url, response)));
        });
    }

    private static byte[] dataUri(String url) {
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw new IllegalArgumentException("not a base64 data URI");
        }
        return Base64.getDecoder().decode(url.substring(comma + 1));
    }

    private static byte[] body(String url, HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException(url + " is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
    }

    private static BufferedImage decode(String url, byte[] bytes) {
        try {
            return ImageRenderer.decode(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(url + " is not a readable image", e);
        }
    }
}
