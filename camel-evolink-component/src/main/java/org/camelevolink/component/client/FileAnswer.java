package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the files API's {@code {success, code, msg, data:{...}}} envelope (evolink-api.md §7.1). */
final class FileAnswer {

    /** The members of {@code data} in the documented 200 answer (evolink-api.md 7.1). */
    private static final Set<String> DOCUMENTED = Set.of("file_id", "file_name", "original_name", "file_size",
            "mime_type", "upload_path", "file_url", "download_url", "upload_time", "expires_at");

    private FileAnswer() {
    }

    static EvolinkFile read(HttpResult r, JsonCodec json) {
        JsonNode root = json.object(r);
        if (!root.path("success").asBoolean(false)) {
            // the files API may say "no" inside a 2xx answer
            throw root.has("msg") ? json.errors().filesError(r, root) : json.errors().malformed(r, null);
        }
        JsonNode d = root.path("data");
        if (!d.path("file_url").isTextual()) {
            throw json.errors().malformed(r, null);
        }
        Map<String, Object> others = new LinkedHashMap<>();
        d.fields().forEachRemaining(f -> {
            if (!DOCUMENTED.contains(f.getKey())) {
                others.put(f.getKey(), json.convert(f.getValue(), Object.class, r));
            }
        });
        return new EvolinkFile(text(d, "file_id"), text(d, "file_name"), text(d, "file_url"), text(d, "download_url"),
                text(d, "mime_type"), d.path("file_size").asLong(-1), text(d, "expires_at"), text(d, "original_name"),
                text(d, "upload_path"), text(d, "upload_time"), others);
    }

    private static String text(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
