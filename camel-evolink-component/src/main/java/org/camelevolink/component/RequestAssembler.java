package org.camelevolink.component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelevolink.component.catalog.ModelSpec;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the create request of one exchange: the body (a request, a Map, a prompt String or a finished source
 * task) first, then the endpoint's options where the body left a field empty, then the headers, which win.
 * Image content in the body is not handled here: the producer uploads it first and passes its URL.
 */
final class RequestAssembler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> AREAS = new TypeReference<>() {
    };

    private final String model;
    private final ModelSpec spec;
    private final EvolinkConfiguration options;

    /** {@code spec} is null for a model the catalog does not know: only generic fields are then filled in. */
    RequestAssembler(String model, ModelSpec spec, EvolinkConfiguration options) {
        this.model = model;
        this.spec = spec;
        this.options = options;
    }

    CreateTaskRequest assemble(Exchange exchange, String uploadedImageUrl) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        CreateTaskRequest.Builder b = fromBody(body);
        applyOptions(b);
        applyHeaders(b, in);
        applySourceTask(b, in, body);
        applySourceImage(b, in, body);
        if (uploadedImageUrl != null) {
            applyUploadedImage(b, uploadedImageUrl);
        }
        return b.build();
    }

    /** What the endpoint's options alone put in every request: known when the route starts. */
    CreateTaskRequest staticPart() {
        CreateTaskRequest.Builder b = CreateTaskRequest.builder(model);
        applyOptions(b);
        return b.build();
    }

    private CreateTaskRequest.Builder fromBody(Object body) {
        if (body instanceof CreateTaskRequest r) {
            return r.toBuilder().model(model);
        }
        CreateTaskRequest.Builder b = CreateTaskRequest.builder(model);
        if (body instanceof String s && !s.isBlank()) {
            b.prompt(s);
        } else if (body instanceof Map<?, ?> map) {
            fromMap(b, map);
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private static void fromMap(CreateTaskRequest.Builder b, Map<?, ?> map) {
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            switch (key) {
                case "prompt" -> b.prompt(v == null ? null : v.toString());
                case "image_urls", "imageUrls" -> b.imageUrls(urls(v));
                case "callback_url", "callbackUrl" -> b.callbackUrl(v == null ? null : v.toString());
                case "quality" -> b.quality(v == null ? null : v.toString());
                case "model_params", "modelParams" -> {
                    if (v instanceof Map<?, ?> params) {
                        ((Map<String, Object>) params).forEach(b::modelParam);
                    }
                }
                case "model" -> {
                    // the endpoint names the model
                }
                default -> b.modelParam(key, v);
            }
        });
    }

    private void applyOptions(CreateTaskRequest.Builder b) {
        CreateTaskRequest current = b.build();
        if (current.getPrompt() == null && options.getPrompt() != null) {
            b.prompt(options.getPrompt());
        }
        if (current.getImageUrls().isEmpty() && options.getImageUrls() != null) {
            b.imageUrls(urls(options.getImageUrls()));
        }
        if (current.getCallbackUrl() == null) {
            b.callbackUrl(options.getCallbackUrl());
        }
        if (current.getQuality() == null) {
            b.quality(options.getQuality());
        }
        Map<String, Object> params = new LinkedHashMap<>(options.getParams());
        putIfSet(params, "speed", options.getSpeed());
        if (accepts("image_number")) {
            putIfSet(params, "image_number", options.getImageNumber());
        }
        putIfSet(params, "type", options.getType());
        putIfSet(params, "mode", options.getMode());
        putIfSet(params, "scale", options.getScale());
        putIfSet(params, "direction", options.getDirection());
        putIfSet(params, "canvas", canvas());
        putIfSet(params, "img_pos", imgPos());
        putIfSet(params, "mask", mask());
        params.forEach((k, v) -> {
            if (!current.getModelParams().containsKey(k)) {
                b.modelParam(k, v);
            }
        });
    }

    /** Headers left by an earlier step apply only where this model takes the field. */
    private void applyHeaders(CreateTaskRequest.Builder b, Message in) {
        String prompt = in.getHeader(EvolinkConstants.PROMPT, String.class);
        if (prompt != null) {
            b.prompt(prompt);
        }
        Object urls = in.getHeader(EvolinkConstants.IMAGE_URLS);
        if (urls != null) {
            b.imageUrls(urls(urls));
        }
        putHeader(b, in, EvolinkConstants.SPEED, "speed", String.class);
        putHeader(b, in, EvolinkConstants.IMAGE_NUMBER, "image_number", Integer.class);
        Map<?, ?> params = in.getHeader(EvolinkConstants.MODEL_PARAMS, Map.class);
        if (params != null) {
            params.forEach((k, v) -> b.modelParam(String.valueOf(k), v));
        }
    }

    /**
     * Follow-ups take their source from the header, else a finished task in the body, else what the body or
     * params gave, else the option.
     */
    private void applySourceTask(CreateTaskRequest.Builder b, Message in, Object body) {
        if (spec == null || !spec.needsSourceTask()) {
            return;
        }
        String taskId = in.getHeader(EvolinkConstants.TASK_ID, String.class);
        if (taskId == null && body instanceof EvolinkTask task) {
            taskId = task.getId();
        }
        Object given = b.build().getModelParams().get("task_id");
        if (taskId == null && given != null) {
            taskId = given.toString();
        }
        if (taskId == null) {
            taskId = options.getTaskId();
        }
        if (taskId == null) {
            throw new EvolinkValidationException(model, "model_params.task_id", "is required: send the finished "
                    + "source task as the body, or set the " + EvolinkConstants.TASK_ID + " header or the taskId option");
        }
        b.modelParam("task_id", taskId);
    }

    /**
     * Models that take an input image (remove-bg, retexture, upload-paint) chain from a finished task in the body:
     * its result chosen by the image number (header, else option), or its only result.
     */
    private void applySourceImage(CreateTaskRequest.Builder b, Message in, Object body) {
        if (spec == null || !spec.requiresImageUrls() || !b.build().getImageUrls().isEmpty()
                || !(body instanceof EvolinkTask task) || task.getResults().isEmpty()) {
            return;
        }
        Integer chosen = in.getHeader(EvolinkConstants.IMAGE_NUMBER, Integer.class);
        if (chosen == null) {
            chosen = options.getImageNumber();
        }
        List<String> results = task.getResults();
        int index = chosen == null || (results.size() == 1 && chosen >= 1) ? 0 : chosen;
        if (index < 0 || index >= results.size()) {
            throw new EvolinkValidationException(model, "image_urls", "cannot take image " + index + " of task "
                    + task.getId() + ", which has " + results.size() + " result(s)");
        }
        b.imageUrls(List.of(results.get(index)));
    }

    private boolean accepts(String param) {
        return spec == null || spec.acceptsParam(param);
    }

    /** An uploaded image is the model's input image, or an image prompt in front of a generation prompt. */
    private void applyUploadedImage(CreateTaskRequest.Builder b, String url) {
        if (spec != null && "generate".equals(spec.operation())) {
            String prompt = b.build().getPrompt();
            b.prompt(prompt == null ? url : url + " " + prompt);
        } else {
            b.imageUrls(List.of(url));
        }
    }

    private Map<String, Object> canvas() {
        if (options.getCanvasWidth() == null && options.getCanvasHeight() == null) {
            return null;
        }
        Map<String, Object> canvas = new LinkedHashMap<>();
        putIfSet(canvas, "width", options.getCanvasWidth());
        putIfSet(canvas, "height", options.getCanvasHeight());
        return canvas;
    }

    private Map<String, Object> imgPos() {
        if (options.getImgPosX() == null && options.getImgPosY() == null && options.getImgPosWidth() == null
                && options.getImgPosHeight() == null) {
            return null;
        }
        Map<String, Object> pos = new LinkedHashMap<>();
        putIfSet(pos, "width", options.getImgPosWidth());
        putIfSet(pos, "height", options.getImgPosHeight());
        putIfSet(pos, "x", options.getImgPosX());
        putIfSet(pos, "y", options.getImgPosY());
        return pos;
    }

    private Map<String, Object> mask() {
        if (options.getMaskUrl() != null) {
            return Map.of("url", options.getMaskUrl());
        }
        if (options.getMaskAreas() == null) {
            return null;
        }
        try {
            return Map.of("areas", JSON.readValue(options.getMaskAreas(), AREAS));
        } catch (Exception e) {
            throw new EvolinkValidationException(model, "model_params.mask.areas",
                    "must be a JSON array of {width, height, points}: " + e.getMessage());
        }
    }

    private <T> void putHeader(CreateTaskRequest.Builder b, Message in, String header, String param, Class<T> type) {
        T value = in.getHeader(header, type);
        if (value != null && accepts(param)) {
            b.modelParam(param, value);
        }
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static List<String> urls(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
