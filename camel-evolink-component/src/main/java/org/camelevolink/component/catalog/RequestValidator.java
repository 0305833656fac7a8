package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.client.EvolinkValidationException;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a create request against the catalog before anything is sent, so a broken rule costs nothing and names
 * model, field and rule. A model the catalog does not know gets the generic checks only, so a new EvoLink model
 * works without a release.
 */
public final class RequestValidator {

    private static final int MAX_CALLBACK_URL = 2048;
    private static final int MAX_DIMENSION = 8192;

    private final ModelCatalog catalog;
    private final boolean allowInsecureCallbackUrls;

    /** {@code allowInsecureCallbackUrls}: test mode for a local simulator (http:// and loopback callbacks). */
    public RequestValidator(ModelCatalog catalog, boolean allowInsecureCallbackUrls) {
        this.catalog = catalog;
        this.allowInsecureCallbackUrls = allowInsecureCallbackUrls;
    }

    public void validate(CreateTaskRequest r) {
        String model = r.getModel();
        if (model == null || model.isBlank()) {
            throw new EvolinkValidationException("(none)", "model", "is required");
        }
        callbackUrl(model, r.getCallbackUrl());
        ModelSpec spec = catalog.find(model).orElse(null);
        if (spec == null) {
            generic(r);
            return;
        }
        Object speed = r.getModelParams().get("speed");
        prompt(spec, r.getPrompt(), speed == null ? "fast" : speed.toString());
        imageUrls(spec, r.getImageUrls());
        quality(spec, r.getQuality(), speed);
        params(spec, r.getModelParams());
    }

    private static void generic(CreateTaskRequest r) {
        for (String url : r.getImageUrls()) {
            if (!UrlRules.isHttp(url)) {
                throw new EvolinkValidationException(r.getModel(), "image_urls", "must hold http(s) URLs, got " + url);
            }
        }
    }

    private void callbackUrl(String model, String url) {
        if (url == null) {
            return;
        }
        if (url.length() > MAX_CALLBACK_URL) {
            throw new EvolinkValidationException(model, "callback_url", "must not exceed " + MAX_CALLBACK_URL
                    + " characters");
        }
        URI uri = UrlRules.parse(url);
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (allowInsecureCallbackUrls && (scheme.equals("https") || scheme.equals("http"))) {
            return;
        }
        if (!scheme.equals("https")) {
            throw new EvolinkValidationException(model, "callback_url", "must be an absolute HTTPS URL");
        }
        if (UrlRules.isPrivateHost(uri.getHost())) {
            throw new EvolinkValidationException(model, "callback_url",
                    "must not point at a private or loopback address (EvoLink refuses those)");
        }
    }

    private static void prompt(ModelSpec spec, String prompt, String speed) {
        if (prompt == null) {
            if (spec.requiresPrompt()) {
                throw new EvolinkValidationException(spec.id(), "prompt", "is required");
            }
            return;
        }
        if (!spec.acceptsPrompt()) {
            throw new EvolinkValidationException(spec.id(), "prompt", "is not accepted by " + spec.id());
        }
        if (prompt.isBlank()) {
            throw new EvolinkValidationException(spec.id(), "prompt", "must not be empty");
        }
        if (prompt.length() > spec.promptMaxLength()) {
            throw new EvolinkValidationException(spec.id(), "prompt", "is " + prompt.length()
                    + " characters; at most " + spec.promptMaxLength());
        }
        PromptRules.check(spec, prompt, speed);
    }

    private static void imageUrls(ModelSpec spec, List<String> urls) {
        if (urls.isEmpty()) {
            if (spec.requiresImageUrls()) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "is required: one input image URL");
            }
            return;
        }
        if (!spec.requiresImageUrls()) {
            throw new EvolinkValidationException(spec.id(), "image_urls", "is not accepted by " + spec.id()
                    + (spec.operation().equals("generate") ? "; put image prompts at the start of the prompt" : ""));
        }
        if (urls.size() > spec.maxImageUrls()) {
            throw new EvolinkValidationException(spec.id(), "image_urls", "takes at most " + spec.maxImageUrls()
                    + " URL(s), got " + urls.size());
        }
        for (String url : urls) {
            if (!UrlRules.isHttp(url)) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "must hold http(s) URLs, got " + url);
            }
            if (url.length() > spec.maxImageUrlLength()) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "URLs must not exceed "
                        + spec.maxImageUrlLength() + " characters");
            }
            if (!UrlRules.hasFormat(url, spec.imageFormats())) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "must end in one of "
                        + spec.imageFormats() + ": " + url);
            }
        }
    }

    private static void quality(ModelSpec spec, String quality, Object speed) {
        if (quality == null) {
            return;
        }
        if (!spec.acceptsQuality()) {
            throw new EvolinkValidationException(spec.id(), "quality", "is only accepted by V8.x generation models");
        }
        if (!quality.equals("standard") && !quality.equals("hd")) {
            throw new EvolinkValidationException(spec.id(), "quality", "must be standard or hd, got " + quality);
        }
        if (quality.equals("hd") && "draft".equals(speed)) {
            throw new EvolinkValidationException(spec.id(), "quality", "hd cannot be combined with speed draft");
        }
    }

    private static void params(ModelSpec spec, Map<String, Object> params) {
        for (String name : params.keySet()) {
            if (!spec.acceptsParam(name)) {
                throw new EvolinkValidationException(spec.id(), "model_params." + name, "is not a parameter of "
                        + spec.id() + " (it takes " + spec.paramNames() + ")");
            }
        }
        for (ParamSpec p : spec.params().values()) {
            Object value = params.get(p.name());
            String field = "model_params." + p.name();
            if (value == null) {
                if (p.required()) {
                    throw new EvolinkValidationException(spec.id(), field, "is required");
                }
                continue;
            }
            ParamRules.check(spec, p, field, value);
        }
    }

    /** The checks of one parameter kind. */
    private static final class ParamRules {

        private ParamRules() {
        }

        static void check(ModelSpec spec, ParamSpec p, String field, Object value) {
            switch (p.kind()) {
                case "enum" -> {
                    if (!(value instanceof String s) || !p.values().contains(s)) {
                        throw new EvolinkValidationException(spec.id(), field, "must be one of " + p.values()
                                + ", got " + value);
                    }
                }
                case "integer" -> range(spec, p, field, integer(spec, field, value));
                case "number" -> range(spec, p, field, number(spec, field, value));
                case "taskId" -> {
                    if (!(value instanceof String s) || !s.startsWith("task-unified-")) {
                        throw new EvolinkValidationException(spec.id(), field, "must be an EvoLink task id "
                                + "(task-unified-...), got " + value);
                    }
                }
                case "mask" -> mask(spec, field, value);
                case "canvas" -> box(spec, field, value, List.of("width", "height"));
                case "imgPos" -> box(spec, field, value, List.of("width", "height", "x", "y"));
                default -> throw new IllegalStateException("evolink-models.json names an unknown kind " + p.kind());
            }
        }

        private static void range(ModelSpec spec, ParamSpec p, String field, double v) {
            if ((p.min() != null && v < p.min()) || (p.max() != null && v > p.max())) {
                throw new EvolinkValidationException(spec.id(), field, "must be within " + fmt(p.min()) + ".."
                        + fmt(p.max()) + ", got " + fmt(v));
            }
        }

        private static long integer(ModelSpec spec, String field, Object value) {
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            if (value instanceof String s && s.matches("-?\\d{1,9}")) {
                throw new EvolinkValidationException(spec.id(), field, "must be a JSON integer, not the string \""
                        + s + "\"");
            }
            throw new EvolinkValidationException(spec.id(), field, "must be an integer, got " + value);
        }

        private static double number(ModelSpec spec, String field, Object value) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            throw new EvolinkValidationException(spec.id(), field, "must be a number, got " + value);
        }

        private static void mask(ModelSpec spec, String field, Object value) {
            if (!(value instanceof Map<?, ?> mask) || mask.size() != 1
                    || mask.containsKey("areas") == mask.containsKey("url")) {
                throw new EvolinkValidationException(spec.id(), field, "must have exactly one of 'areas' or 'url'");
            }
            Object url = mask.get("url");
            if (url != null) {
                String u = url.toString();
                boolean dataUri = spec.maskDataUriAllowed() && u.startsWith("data:image/");
                if (!dataUri && !UrlRules.isHttp(u)) {
                    throw new EvolinkValidationException(spec.id(), field + ".url", "must be an http(s) URL"
                            + (spec.maskDataUriAllowed() ? " or a data:image/ URI" : ""));
                }
                return;
            }
            if (!(mask.get("areas") instanceof Collection<?> areas) || areas.isEmpty()) {
                throw new EvolinkValidationException(spec.id(), field + ".areas", "must be a non-empty list");
            }
            int i = 0;
            for (Object area : areas) {
                area(spec, field + ".areas[" + i++ + "]", area);
            }
        }

        private static void area(ModelSpec spec, String field, Object value) {
            if (!(value instanceof Map<?, ?> area)) {
                throw new EvolinkValidationException(spec.id(), field, "must be {width, height, points}");
            }
            long width = positive(spec, field + ".width", area.get("width"));
            long height = positive(spec, field + ".height", area.get("height"));
            if (!(area.get("points") instanceof List<?> points) || points.size() < 6 || points.size() % 2 != 0) {
                throw new EvolinkValidationException(spec.id(), field + ".points",
                        "must be an even number (at least 6) of coordinates");
            }
            for (int i = 0; i < points.size(); i++) {
                long v = integer(spec, field + ".points", points.get(i));
                long limit = i % 2 == 0 ? width : height;
                if (v < 0 || v > limit) {
                    throw new EvolinkValidationException(spec.id(), field + ".points", "coordinate " + i
                            + " must be within 0.." + limit + ", got " + v);
                }
            }
        }

        private static void box(ModelSpec spec, String field, Object value, List<String> members) {
            if (!(value instanceof Map<?, ?> box)) {
                throw new EvolinkValidationException(spec.id(), field, "must be an object with " + members);
            }
            for (Object key : box.keySet()) {
                if (!members.contains(String.valueOf(key))) {
                    throw new EvolinkValidationException(spec.id(), field + "." + key, "is not a member of " + field);
                }
            }
            for (String m : members) {
                long v = integer(spec, field + "." + m, box.get(m));
                long min = m.equals("x") || m.equals("y") ? -MAX_DIMENSION : 1;
                if (v < min || v > MAX_DIMENSION) {
                    throw new EvolinkValidationException(spec.id(), field + "." + m, "must be within " + min + ".."
                            + MAX_DIMENSION + ", got " + v);
                }
            }
        }

        private static long positive(ModelSpec spec, String field, Object value) {
            long v = integer(spec, field, value);
            if (v < 1 || v > MAX_DIMENSION) {
                throw new EvolinkValidationException(spec.id(), field, "must be within 1.." + MAX_DIMENSION);
            }
            return v;
        }

        private static String fmt(Double d) {
            if (d == null) {
                return "";
            }
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
    }
}
