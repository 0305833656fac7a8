package org.camelevolink.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.http.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every static rule of {@code POST /v1/images/generations}: required fields, types, enums, ranges, lengths, image
 * URLs, prompt rules and callback_url. Rules that need other tasks (the source task) are checked by the caller.
 */
public final class CreateRequestValidator {

    private static final Set<String> TOP_LEVEL = Set.of("model", "prompt", "image_urls", "model_params",
            "callback_url", "quality");
    private static final List<String> IMAGE_PROMPT_FORMATS = List.of("png", "gif", "webp", "jpg", "jpeg");
    private static final int MAX_CANVAS = 8192;
    private static final Set<String> OREF_EXCLUDED = Set.of("inpaint", "pan", "outpaint");

    private final ModelCatalog catalog;
    private final boolean insecureCallbacks;

    public CreateRequestValidator(ModelCatalog catalog, boolean insecureCallbacks) {
        this.catalog = catalog;
        this.insecureCallbacks = insecureCallbacks;
    }

    public ValidatedRequest validate(ObjectNode body) {
        ModelSpec spec = model(body);
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!TOP_LEVEL.contains(field) || (field.equals("quality") && !spec.quality())) {
                throw ApiError.invalid(field, "Unknown field '" + field + "' for model " + spec.id());
            }
        }
        String quality = quality(body, spec);
        String prompt = prompt(body, spec);
        List<String> imageUrls = imageUrls(body, spec);
        ObjectNode params = params(body, spec);
        String speed = params.has("speed") ? params.get("speed").asText() : null;
        if (speed != null && prompt == null && spec.prompt() == ModelSpec.Presence.OPTIONAL) {
            speed = "fast"; // documented: speed only takes effect when a prompt is given
        }
        if ("hd".equals(quality) && "draft".equals(speed)) {
            throw ApiError.invalid("quality", "quality hd is mutually exclusive with speed draft");
        }
        ParsedPrompt parsed = prompt == null ? ParsedPrompt.empty()
                : PromptRules.check(prompt, spec.family(), IMAGE_PROMPT_FORMATS,
                        spec.operation().equals("generate"), speed);
        if (parsed.flags().containsKey("--oref") && OREF_EXCLUDED.contains(spec.operation())) {
            throw ApiError.invalid("prompt", "--oref cannot be used with " + spec.operation()); // REPO, §2.2
        }
        String callbackUrl = callbackUrl(body);
        return new ValidatedRequest(spec, parsed, imageUrls, params, callbackUrl, quality, speed);
    }

    private ModelSpec model(ObjectNode body) {
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ApiError.invalid("model", "model is required and must be a string");
        }
        ModelSpec spec = catalog.find(model.asText());
        if (spec == null) {
            throw ApiError.notFound("model_not_found", "model", "Specified model not found: " + model.asText());
        }
        return spec;
    }

    private static String quality(ObjectNode body, ModelSpec spec) {
        JsonNode q = body.get("quality");
        if (q == null) {
            return spec.quality() ? "standard" : null;
        }
        if (!q.isTextual() || !Set.of("standard", "hd").contains(q.asText())) {
            throw ApiError.invalid("quality", "quality must be one of [standard, hd]");
        }
        return q.asText();
    }

    private static String prompt(ObjectNode body, ModelSpec spec) {
        JsonNode p = body.get("prompt");
        if (p == null || p.isNull()) {
            if (spec.prompt() == ModelSpec.Presence.REQUIRED) {
                throw ApiError.invalid("prompt", "prompt is required for " + spec.id());
            }
            return null;
        }
        if (spec.prompt() == ModelSpec.Presence.FORBIDDEN || spec.prompt() == ModelSpec.Presence.NONE) {
            throw ApiError.invalid("prompt", spec.id() + " does not take a prompt");
        }
        if (!p.isTextual()) {
            throw ApiError.invalid("prompt", "prompt must be a string");
        }
        String text = p.asText();
        if (text.isBlank()) {
            throw ApiError.invalid("prompt", "prompt must not be empty");
        }
        int length = text.codePointCount(0, text.length()); // JSON Schema maxLength counts characters
        if (length > spec.promptMaxLength()) {
            throw ApiError.invalid("prompt", "Prompt is too long: " + length + " characters, at most "
                    + spec.promptMaxLength() + " for " + spec.id());
        }
        return text;
    }

    private static List<String> imageUrls(ObjectNode body, ModelSpec spec) {
        JsonNode urls = body.get("image_urls");
        if (urls == null || urls.isNull()) {
            if (spec.imageUrls() == ModelSpec.Presence.REQUIRED) {
                throw ApiError.invalid("image_urls", "image_urls is required for " + spec.id());
            }
            return List.of();
        }
        if (spec.imageUrls() == ModelSpec.Presence.NONE) {
            throw ApiError.invalid("image_urls", spec.id() + " does not take image_urls"
                    + (spec.operation().equals("generate") ? "; put image prompts at the start of the prompt" : ""));
        }
        if (!urls.isArray() || urls.isEmpty()) {
            throw ApiError.invalid("image_urls", "image_urls must be a non-empty array of URLs");
        }
        if (urls.size() > spec.maxImageUrls()) {
            throw ApiError.invalid("image_urls", "image_urls takes at most " + spec.maxImageUrls() + " item(s), got "
                    + urls.size());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode u : urls) {
            String url = u.isTextual() ? u.asText() : "";
            if (!ImageUrlRules.isHttpUrl(url)) {
                throw ApiError.invalid("image_urls", "image_urls items must be http(s) URLs");
            }
            if (url.length() > spec.maxImageUrlLength()) {
                throw ApiError.invalid("image_urls", "image URL exceeds " + spec.maxImageUrlLength() + " characters");
            }
            if (!ImageUrlRules.hasFormat(url, spec.imageFormats())) {
                throw ApiError.invalid("image_urls", "Unsupported image format: supported are "
                        + spec.imageFormats());
            }
            out.add(url);
        }
        return List.copyOf(out);
    }

    private ObjectNode params(ObjectNode body, ModelSpec spec) {
        JsonNode given = body.get("model_params");
        if (given == null || given.isNull()) {
            if (spec.paramsRequired()) {
                throw ApiError.invalid("model_params", "model_params is required for " + spec.id());
            }
            given = Json.MAPPER.createObjectNode();
        }
        if (!given.isObject()) {
            throw ApiError.invalid("model_params", "model_params must be an object");
        }
        ObjectNode params = ((ObjectNode) given).deepCopy();
        params.fieldNames().forEachRemaining(name -> {
            if (!spec.params().containsKey(name)) {
                throw ApiError.invalid("model_params." + name, "Unknown parameter '" + name + "' for " + spec.id());
            }
        });
        for (ParamSpec p : spec.params().values()) {
            JsonNode value = params.get(p.name());
            if (value == null || value.isNull()) {
                if (p.required()) {
                    throw ApiError.invalid("model_params." + p.name(), p.name() + " is required for " + spec.id());
                }
                if (p.defaultValue() != null) {
                    params.set(p.name(), p.defaultValue());
                } else {
                    params.remove(p.name());
                }
                continue;
            }
            checkParam(p, value, spec);
        }
        return params;
    }

    private static void checkParam(ParamSpec p, JsonNode v, ModelSpec spec) {
        String field = "model_params." + p.name();
        switch (p.type()) {
            case "string" -> {
                if (!v.isTextual() || !p.enumValues().contains(v.asText())) {
                    throw ApiError.invalid(field, p.name() + " must be one of " + p.enumValues() + " for "
                            + spec.id());
                }
            }
            case "integer" -> {
                if (!v.isIntegralNumber()) {
                    throw ApiError.invalid(field, p.name() + " must be an integer");
                }
                range(field, p, v.asDouble());
            }
            case "number" -> {
                if (!v.isNumber()) {
                    throw ApiError.invalid(field, p.name() + " must be a number");
                }
                range(field, p, v.asDouble());
            }
            case "task_id" -> {
                if (!v.isTextual() || !v.asText().startsWith("task-unified-")) {
                    throw new ApiError(400, "invalid_task_id", "invalid_request_error", field,
                            "Invalid task ID format, must start with 'task-unified-'");
                }
            }
            case "mask" -> MaskRules.check(field, v, spec.family().maskDataUri());
            case "canvas" -> dimensions(field, v, Map.of("width", 1, "height", 1), false);
            case "img_pos" -> dimensions(field, v, Map.of("width", 1, "height", 1, "x", -MAX_CANVAS, "y", -MAX_CANVAS),
                    true);
            default -> throw new IllegalStateException("models.json names an unknown type " + p.type());
        }
    }

    private static void range(String field, ParamSpec p, double value) {
        if ((p.min() != null && value < p.min()) || (p.max() != null && value > p.max())) {
            throw ApiError.invalid(field, p.name() + " must be within " + num(p.min()) + ".." + num(p.max())
                    + ", was " + num(value));
        }
    }

    /** Integer members with their minimum; all at most {@value #MAX_CANVAS}. */
    private static void dimensions(String field, JsonNode v, Map<String, Integer> members, boolean positionsToo) {
        if (!v.isObject()) {
            throw ApiError.invalid(field, field + " must be an object with " + members.keySet());
        }
        for (Map.Entry<String, Integer> m : members.entrySet()) {
            JsonNode n = v.get(m.getKey());
            String name = field + "." + m.getKey();
            if (n == null || !n.isIntegralNumber()) {
                throw ApiError.invalid(name, name + " is required and must be an integer");
            }
            if (!n.canConvertToInt() || n.asInt() < m.getValue() || n.asInt() > MAX_CANVAS) {
                throw ApiError.invalid(name, name + " must be within " + m.getValue() + ".." + MAX_CANVAS);
            }
        }
        v.fieldNames().forEachRemaining(name -> {
            if (!members.containsKey(name)) {
                throw ApiError.invalid(field + "." + name, "Unknown member '" + name + "' of " + field);
            }
        });
    }

    private String callbackUrl(ObjectNode body) {
        JsonNode cb = body.get("callback_url");
        if (cb == null || cb.isNull()) {
            return null;
        }
        if (!cb.isTextual()) {
            throw ApiError.invalid("callback_url", "callback_url must be a string");
        }
        CallbackUrlRules.check(cb.asText(), insecureCallbacks);
        return cb.asText();
    }

    private static String num(Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }
}
