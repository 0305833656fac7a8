package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the files API's {@code {success, code, msg, data:{...}}} envelope (evolink-api.md §7.1). */
final class FileAnswer {

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
        return new EvolinkFile(text(d, "file_id"), text(d, "file_name"), text(d, "file_url"), text(d, "download_url"),
                text(d, "mime_type"), d.path("file_size").asLong(-1), text(d, "expires_at"));
    }

    private static String text(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
