package org.camelevolink.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One received request, its body already read (bounded), as handlers see it. */
public final class SimRequest {

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, String> pathParams;
    private final String apiKey;

    public SimRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
            Map<String, String> pathParams, String apiKey) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.pathParams = pathParams;
        this.apiKey = apiKey;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String query(String name) {
        return query.get(name);
    }

    public Map<String, String> queryParams() {
        return query;
    }

    /** First value of a header, case-insensitively. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public String contentType() {
        String ct = header("Content-Type");
        return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
    }

    public byte[] body() {
        return body;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The authenticated API key, or null on unauthenticated endpoints. */
    public String apiKey() {
        return apiKey;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
