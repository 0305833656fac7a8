package org.camelevolink.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.ApiError;

/**
 * The mask forms of inpaint, edit and upload-paint: {@code {"areas":[{width,height,points}]}} or {@code {"url"}};
 * V8.2 also takes a base64 data URI. A polygon is integer {@code width}, {@code height} and {@code points}
 * (x1,y1,x2,y2,...) as documented; how many points, how large the frame and where the points lie are not
 * documented (evolink-api.md 2.2), so nothing is refused for them: the inpaint page's own example has points at 250
 * in a 200x200 area.
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
        integer(field + ".width", area.get("width"));
        integer(field + ".height", area.get("height"));
        JsonNode points = area.get("points");
        if (points == null || !points.isArray() || points.size() % 2 != 0) {
            throw ApiError.invalid(field + ".points",
                    "points must be an even number of coordinates (x1,y1,x2,y2,...)");
        }
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            if (!p.isIntegralNumber() || !p.canConvertToInt()) {
                throw ApiError.invalid(field + ".points", "point coordinate " + i + " must be an integer");
            }
        }
    }

    private static void integer(String field, JsonNode n) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiError.invalid(field, field + " is required and must be an integer");
        }
    }
}
