package org.camelevolink.simulator.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.SimClock;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.http.Lazy;
import org.camelevolink.simulator.http.SimRequest;
import org.camelevolink.simulator.http.SimResponse;
import org.camelevolink.simulator.image.ImageRenderer;
import org.camelevolink.simulator.model.CallbackUrlRules;
import org.camelevolink.simulator.model.ImageUrlRules;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * EvoLink's files API (§7.1): upload by base64, multipart stream or URL, one image per request, images only,
 * per-key quota, 72 h expiry (scaled); files are served back by path and by download id. Errors use the files
 * envelope {@code {success:false, code, msg}}.
 */
public final class FilesApi {

    private static final Duration EXPIRY = Duration.ofHours(72);
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/gif", "gif", "image/webp", "webp");

    private final FileStore store;
    private final SimClock clock;
    private final Supplier<String> baseUrl;
    private final long expiryMillis;
    private final int maxFileBytes;
    private final int quota;
    private final boolean insecureUrls;
    private final Function<String, byte[]> localResolver;
    private final Lazy<HttpClient> http = new Lazy<>(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build());

    public FilesApi(FileStore store, SimClock clock, Supplier<String> baseUrl, long expiryMillis, int maxFileBytes,
            int quota, boolean insecureUrls, Function<String, byte[]> localResolver) {
        this.store = store;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.expiryMillis = expiryMillis;
        this.maxFileBytes = maxFileBytes;
        this.quota = quota;
        this.insecureUrls = insecureUrls;
        this.localResolver = localResolver;
    }

    /** The documented 72 hours on the given scale. */
    public static Duration documentedExpiry() {
        return EXPIRY;
    }

    public SimResponse uploadBase64(SimRequest request) {
        ObjectNode body = Json.object(request.body());
        String data = text(body, "base64_data");
        if (data == null) {
            throw filesError(400, "400", "base64_data is required");
        }
        int comma = data.indexOf(',');
        String payload = data.startsWith("data:") && comma > 0 ? data.substring(comma + 1) : data;
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw filesError(400, "400", "base64_data is not valid base64");
        }
        return store(request.apiKey(), bytes, text(body, "upload_path"), text(body, "file_name"), null);
    }

    public SimResponse uploadStream(SimRequest request) {
        String boundary = Multipart.boundary(request.contentType());
        if (!request.contentType().startsWith("multipart/form-data") || boundary == null) {
            throw filesError(400, "400", "Content-Type must be multipart/form-data with a boundary");
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(request.body(), boundary);
        } catch (IllegalArgumentException e) {
            throw filesError(400, "400", "Malformed multipart body: " + e.getMessage());
        }
        List<Multipart.Part> files = parts.stream().filter(p -> p.fileName() != null).toList();
        if (files.size() != 1 || !"file".equals(files.get(0).name())) {
            throw filesError(400, "400", "Exactly one file is required in the 'file' field (maximum 1 image per "
                    + "request), got " + files.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        parts.stream().filter(p -> p.fileName() == null && p.name() != null).forEach(p -> fields.put(p.name(), p.text()));
        String path = fields.getOrDefault("upload_path", fields.get("uploadPath"));
        String name = fields.getOrDefault("file_name", fields.get("fileName"));
        Multipart.Part file = files.get(0);
        return store(request.apiKey(), file.content(), path, name, file.fileName());
    }

    public SimResponse uploadUrl(SimRequest request) {
        ObjectNode body = Json.object(request.body());
        String url = text(body, "file_url");
        if (url == null || !ImageUrlRules.isHttpUrl(url)) {
            throw filesError(400, "400", "file_url is required and must be an http(s) URL");
        }
        byte[] bytes = fetch(url);
        String original = URI.create(url).getPath();
        original = original.substring(original.lastIndexOf('/') + 1);
        return store(request.apiKey(), bytes, text(body, "upload_path"), text(body, "file_name"),
                original.isEmpty() ? null : original);
    }

    /** {@code GET /files/{path}}: the file_url, public like a CDN link. */
    public SimResponse serveByPath(SimRequest request) {
        return content(store.byPath(request.pathParam("path"), clock.nowMillis()));
    }

    /** {@code GET /api/v1/files/download/{id}}. */
    public SimResponse download(SimRequest request) {
        return content(store.byId(request.pathParam("id"), clock.nowMillis()));
    }

    public SimResponse delete(SimRequest request) {
        if (!store.delete(request.pathParam("id"), request.apiKey())) {
            throw filesError(404, "404", "File not found");
        }
        return Json.ok(envelope("File deleted successfully", null));
    }

    public SimResponse list(SimRequest request) {
        int page = Math.max(1, parse(request.query("page"), 1));
        int pageSize = Math.min(100, Math.max(1, parse(request.query("pageSize"), 20)));
        List<StoredFile> files = store.ofKey(request.apiKey(), clock.nowMillis());
        List<Object> items = new ArrayList<>();
        files.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(f -> items.add(Map.of(
                "file_id", f.fileId(), "file_name", f.fileName(), "file_size", f.bytes().length,
                "upload_time", time(f.uploadedMillis()))));
        return Json.ok(envelope("ok", Map.of("total", files.size(), "files", items)));
    }

    public SimResponse quota(SimRequest request) {
        int used = store.ofKey(request.apiKey(), clock.nowMillis()).size();
        return Json.ok(envelope("ok", Map.of("user_group", "default", "used_files", used, "max_files", quota,
                "remain_files", Math.max(0, quota - used))));
    }

    private SimResponse store(String apiKey, byte[] bytes, String uploadPath, String fileName, String originalName) {
        if (bytes.length > maxFileBytes) {
            throw filesError(413, "40001", "File too large: " + bytes.length + " bytes, at most " + maxFileBytes);
        }
        String mime = ImageRenderer.sniffMimeType(bytes);
        if (mime == null) {
            throw filesError(400, "40002", "File type not allowed: only image/jpeg, image/png, image/gif and "
                    + "image/webp");
        }
        long now = clock.nowMillis();
        String path = safeSegment(uploadPath == null ? "images" : uploadPath);
        String name = fileName == null ? "file_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + "." + EXTENSIONS.get(mime) : safeSegment(fileName);
        synchronized (store) {
            if (store.heldByAnother(apiKey, path + "/" + name, now)) {
                // same name overwrites only within one account: another key's file keeps its place
                path = "u" + Integer.toHexString(apiKey.hashCode()) + "/" + path;
            }
            boolean overwrite = store.wouldOverwrite(apiKey, path + "/" + name, now);
            if (!overwrite && store.ofKey(apiKey, now).size() >= quota) {
                throw filesError(403, "40003", "Upload quota exceeded: " + quota + " files");
            }
            String id = "file_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            StoredFile f = new StoredFile(id, apiKey, name, originalName == null ? name : originalName, path, mime,
                    bytes, now, now + expiryMillis);
            store.put(f);
            return Json.ok(envelope("File uploaded successfully", describe(f)));
        }
    }

    private Map<String, Object> describe(StoredFile f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file_id", f.fileId());
        d.put("file_name", f.fileName());
        d.put("original_name", f.originalName());
        d.put("file_size", f.bytes().length);
        d.put("mime_type", f.mimeType());
        d.put("upload_path", f.uploadPath());
        d.put("file_url", baseUrl.get() + "/files/" + f.path());
        d.put("download_url", baseUrl.get() + "/api/v1/files/download/" + f.fileId());
        d.put("upload_time", time(f.uploadedMillis()));
        d.put("expires_at", time(f.expiresMillis()));
        return d;
    }

    private byte[] fetch(String url) {
        byte[] local = localResolver.apply(url);
        if (local != null) {
            return local;
        }
        if (!insecureUrls && CallbackUrlRules.isPrivate(URI.create(url).getHost())) {
            throw filesError(400, "40004", "URL download failed: file_url must be publicly accessible");
        }
        try {
            HttpResponse<InputStream> response = http.get().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw filesError(400, "40004", "URL download failed: HTTP " + response.statusCode());
                }
                byte[] bytes = in.readNBytes(maxFileBytes + 1);
                if (bytes.length > maxFileBytes) {
                    throw filesError(413, "40001", "File too large: more than " + maxFileBytes + " bytes");
                }
                return bytes;
            }
        } catch (ApiError e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw filesError(400, "40004", "URL download failed: interrupted");
        } catch (Exception e) {
            throw filesError(400, "40004", "URL download failed: " + e.getClass().getSimpleName());
        }
    }

    private static SimResponse content(StoredFile f) {
        if (f == null) {
            throw ApiError.notFound("not_found", null, "File not found or expired");
        }
        return new SimResponse(200, f.mimeType(), f.bytes());
    }

    private static Map<String, Object> envelope(String msg, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", true);
        m.put("code", 200);
        m.put("msg", msg);
        if (data != null) {
            m.put("data", data);
        }
        return m;
    }

    /** A files-API error; the server writes it as {@code {success:false, code, msg}}. */
    static ApiError filesError(int status, String code, String msg) {
        return new ApiError(status, code, "files_error", null, msg);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    /** Keeps names inside their folder: no traversal, no separators beyond the path's own. */
    private static String safeSegment(String s) {
        String cleaned = s.replace('\\', '/').replaceAll("\\.\\.+", "_").replaceAll("[^A-Za-z0-9._/-]", "_");
        cleaned = cleaned.replaceAll("^/+|/+$", "");
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    private static int parse(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toString();
    }
}
