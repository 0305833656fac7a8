package org.camelevolink.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.ApiError;

/**
 * The mask forms of inpaint, edit and upload-paint: {@code {"areas":[{width,height,points}]}} or {@code {"url"}}.
 * A polygon needs at least three points inside its frame; V8.2 also takes a base64 data URI.
 */
final class MaskRules {

    private MaskRules() {
    }

    static void check(String field, JsonNode mask, boolean dataUriAllowed) {
        if (!mask.isObject() || mask.has("areas") == mask.has("url") || mask.size() != 1) {
            throw ApiError.invalid(field, "mask must have exactly one of 'areas' or 'url'");
        }
        if (mask.has("url")) {
            String url = mask.get("url").asText("");
            boolean dataUri = dataUriAllowed && url.startsWith("data:image/");
            if (!dataUri && !ImageUrlRules.isHttpUrl(url)) {
                throw ApiError.invalid(field + ".url", "mask url must be an http(s) URL"
                        + (dataUriAllowed ? " or a data:image/ URI" : ""));
            }
            return;
        }
        JsonNode areas = mask.get("areas");
        if (!areas.isArray() || areas.isEmpty()) {
            throw ApiError.invalid(field + ".areas", "mask areas must be a non-empty array");
        }
        for (int i = 0; i < areas.size(); i++) {
            area(field + ".areas[" + i + "]", areas.get(i));
        }
    }

    private static void area(String field, JsonNode area) {
        int width = positive(field + ".width", area.get("width"));
        int height = positive(field + ".height", area.get("height"));
        JsonNode points = area.get("points");
        if (points == null || !points.isArray() || points.size() < 6 || points.size() % 2 != 0) {
            throw ApiError.invalid(field + ".points", "points must be an even number (at least 6) of coordinates");
        }
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            int limit = i % 2 == 0 ? width : height;
            if (!p.isIntegralNumber() || !p.canConvertToInt() || p.asInt() < 0 || p.asInt() > limit) {
                throw ApiError.invalid(field + ".points", "point coordinate " + i + " must be an integer within 0.."
                        + limit);
            }
        }
    }

    private static int positive(String field, JsonNode n) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 8192) {
            throw ApiError.invalid(field, field + " must be an integer within 1..8192");
        }
        return n.asInt();
    }
}
