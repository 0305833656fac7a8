package org.camelevolink.simulator.journal;

import org.camelevolink.simulator.http.Endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as the simulator received it and what came of it. Tests count paid submits with
 * {@link #charged()}; the Authorization header is kept masked.
 */
public final class JournalEntry {

    private static final Pattern API_KEY_FIELD = Pattern.compile("(\"api_key\"\\s*:\\s*\")([^\"]*)(\")");

    private final long seq;
    private final long receivedAtMillis;
    private final String method;
    private final String path;
    private final Endpoint endpoint;
    private final Map<String, String> headers;
    private final String body;
    private volatile int status;
    private volatile String fault;
    private volatile String taskId;
    private volatile double charged;
    private volatile boolean replayed;
    private volatile String apiKeyMasked;

    JournalEntry(long seq, long receivedAtMillis, String method, String path, Endpoint endpoint,
            Map<String, List<String>> rawHeaders, String body) {
        this.seq = seq;
        this.receivedAtMillis = receivedAtMillis;
        this.method = method;
        this.path = path;
        this.endpoint = endpoint;
        this.headers = maskedHeaders(rawHeaders);
        this.body = maskedBody(body);
    }

    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****" + secret.substring(secret.length() - 2);
    }

    /** The control API takes keys in bodies ({@code {"api_key": ...}}): they are secrets there too. */
    private static String maskedBody(String body) {
        if (!body.contains("api_key")) {
            return body;
        }
        Matcher m = API_KEY_FIELD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + mask(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> maskedHeaders(Map<String, List<String>> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (name == null) {
                return;
            }
            String value = String.join(",", values);
            if (name.equalsIgnoreCase("Authorization")) {
                value = value.startsWith("Bearer ") ? "Bearer " + mask(value.substring(7)) : mask(value);
            }
            out.put(name.toLowerCase(java.util.Locale.ROOT), value);
        });
        return out;
    }

    public long seq() {
        return seq;
    }

    public long receivedAtMillis() {
        return receivedAtMillis;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Header names are lower-cased. */
    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The request body as text, cut at 64 KiB. */
    public String body() {
        return body;
    }

    /** Status answered; 0 when the connection was dropped without an answer. */
    public int status() {
        return status;
    }

    /** The fault injected into this request, or null. */
    public String fault() {
        return fault;
    }

    public String taskId() {
        return taskId;
    }

    /** Credits reserved by this request (0 for reads, replays and rejected submits). */
    public double charged() {
        return charged;
    }

    public boolean isCharged() {
        return charged > 0;
    }

    public boolean replayed() {
        return replayed;
    }

    public String apiKeyMasked() {
        return apiKeyMasked;
    }

    public String idempotencyKey() {
        return header("Idempotency-Key");
    }

    public void status(int status) {
        this.status = status;
    }

    public void fault(String fault) {
        this.fault = fault;
    }

    public void taskId(String taskId) {
        this.taskId = taskId;
    }

    public void charged(double credits) {
        this.charged = credits;
    }

    public void replayed(boolean replayed) {
        this.replayed = replayed;
    }

    public void apiKey(String apiKey) {
        this.apiKeyMasked = mask(apiKey);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("received_at", receivedAtMillis);
        m.put("method", method);
        m.put("path", path);
        m.put("endpoint", endpoint.name());
        m.put("headers", headers);
        m.put("body", body);
        m.put("status", status);
        m.put("fault", fault);
        m.put("task_id", taskId);
        m.put("charged", charged);
        m.put("replayed", replayed);
        m.put("api_key", apiKeyMasked);
        return m;
    }
}
