package org.camelevolink.component.catalog;

import org.camelevolink.component.client.HttpUrls;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object-valued model_params: {@code mask} (exactly one of polygon {@code areas} or a mask image {@code url}),
 * {@code canvas {width, height}} and {@code img_pos {width, height, x, y}}. EvoLink documents no size limits
 * ([NF]), so canvas and img_pos sizes must be positive whole numbers that fit an int, and offsets whole numbers.
 * A polygon area is what the docs show: integer {@code width} and {@code height} and integer {@code points}
 * (x1,y1,x2,y2,...); its limits (how many points, the frame's size, where the points lie) are not documented
 * (evolink-api.md 2.2 [NF]) and left to EvoLink: the inpaint page's own example has points outside its frame.
 */
final class ShapeRules {

    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

    private ShapeRules() {
    }

    static void mask(ModelSpec spec, String field, Object value) {
        if (!(value instanceof Map<?, ?> mask)) {
            throw invalid(spec, field, "must be an object with exactly one of 'areas' (polygons) or 'url' (a mask "
                    + "image), got " + Numbers.show(value));
        }
        members(spec, field, mask, Set.of("areas", "url"));
        if (mask.containsKey("areas") == mask.containsKey("url")) {
            throw invalid(spec, field, "must have exactly one of 'areas' (polygons) or 'url' (a mask image), "
                    + (mask.isEmpty() ? "not neither" : "not both"));
        }
        if (mask.containsKey("url")) {
            maskUrl(spec, field + ".url", mask.get("url"));
        } else {
            areas(spec, field + ".areas", mask.get("areas"));
        }
    }

    private static void maskUrl(ModelSpec spec, String field, Object value) {
        boolean dataUriAllowed = spec.familyRules().maskUrlDataUri();
        String url = value instanceof String s ? s : "";
        boolean dataUri = url.startsWith("data:image/") && url.indexOf(',') > 0;
        if (HttpUrls.http(url).isPresent() || (dataUriAllowed && dataUri)) {
            return;
        }
        throw invalid(spec, field, "must be an http(s) URL of the mask image" + (dataUriAllowed
                ? " or a data:image/ URI" : dataUri ? " (data: URIs are accepted by V8.2 models only)" : "")
                + ", got " + abbreviate(Numbers.show(value)));
    }

    private static void areas(ModelSpec spec, String field, Object value) {
        if (!(value instanceof List<?> areas) || areas.isEmpty()) {
            throw invalid(spec, field, "must be a non-empty list of {width, height, points}");
        }
        for (int i = 0; i < areas.size(); i++) {
            area(spec, field + "[" + i + "]", areas.get(i));
        }
    }

    /** {@code field} is the indexed path, e.g. model_params.mask.areas[0]. */
    private static void area(ModelSpec spec, String field, Object value) {
        if (!(value instanceof Map<?, ?> area)) {
            throw invalid(spec, field, "must be an object {width, height, points}");
        }
        members(spec, field, area, Set.of("width", "height", "points"));
        integer(spec, field + ".width", area.get("width"));
        integer(spec, field + ".height", area.get("height"));
        String pointsField = field + ".points";
        if (!(area.get("points") instanceof List<?> points) || points.size() % 2 != 0) {
            throw invalid(spec, pointsField, "must be a list of x,y coordinates (x1,y1,x2,y2,...): an even count");
        }
        for (int i = 0; i < points.size(); i++) {
            BigInteger v = Numbers.whole(points.get(i));
            if (v == null || v.compareTo(INT_MIN) < 0 || v.compareTo(INT_MAX) > 0) {
                throw invalid(spec, pointsField, "coordinate " + i + " must be a whole number, got "
                        + Numbers.show(points.get(i)));
            }
        }
    }

    static void canvas(ModelSpec spec, String field, Object value) {
        Map<?, ?> box = box(spec, field, value, "{width, height}");
        members(spec, field, box, Set.of("width", "height"));
        positive(spec, field + ".width", box.get("width"));
        positive(spec, field + ".height", box.get("height"));
    }

    static void imgPos(ModelSpec spec, String field, Object value) {
        Map<?, ?> box = box(spec, field, value, "{width, height, x, y}");
        members(spec, field, box, Set.of("width", "height", "x", "y"));
        positive(spec, field + ".width", box.get("width"));
        positive(spec, field + ".height", box.get("height"));
        integer(spec, field + ".x", box.get("x"));
        integer(spec, field + ".y", box.get("y"));
    }

    private static Map<?, ?> box(ModelSpec spec, String field, Object value, String shape) {
        if (!(value instanceof Map<?, ?> box)) {
            throw invalid(spec, field, "must be an object " + shape + ", got " + Numbers.show(value));
        }
        return box;
    }

    private static void members(ModelSpec spec, String field, Map<?, ?> object, Set<String> allowed) {
        for (Object key : object.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw invalid(spec, field, "has an unknown member '" + key + "'; it takes "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static void positive(ModelSpec spec, String field, Object value) {
        BigInteger v = Numbers.whole(value);
        if (v == null || v.signum() <= 0 || v.compareTo(INT_MAX) > 0) {
            throw invalid(spec, field, value == null ? "is required"
                    : "must be a positive whole number, got " + Numbers.show(value));
        }
    }

    /** A whole number that fits an int, any sign. */
    private static void integer(ModelSpec spec, String field, Object value) {
        BigInteger v = Numbers.whole(value);
        if (v == null || v.compareTo(INT_MIN) < 0 || v.compareTo(INT_MAX) > 0) {
            throw invalid(spec, field, value == null ? "is required" : "must be a whole number, got "
                    + Numbers.show(value));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static EvolinkValidationException invalid(ModelSpec spec, String field, String rule) {
        return new EvolinkValidationException(spec.id(), field, rule);
    }
}
