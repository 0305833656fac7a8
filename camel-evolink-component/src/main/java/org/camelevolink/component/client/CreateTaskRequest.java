package org.camelevolink.component.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /v1/images/generations}. Immutable; build with {@link #builder(String)}.
 * {@code modelParams} holds JSON-ready values (String, Number, Boolean, Map, List).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class CreateTaskRequest {

    private final String model;
    private final String prompt;
    private final List<String> imageUrls;
    private final Map<String, Object> modelParams;
    private final String callbackUrl;
    private final String quality;

    private CreateTaskRequest(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.prompt = b.prompt;
        this.imageUrls = List.copyOf(b.imageUrls);
        this.modelParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.modelParams));
        this.callbackUrl = b.callbackUrl;
        this.quality = b.quality;
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    public Builder toBuilder() {
        Builder b = new Builder(model).prompt(prompt).callbackUrl(callbackUrl).quality(quality);
        b.imageUrls(imageUrls);
        b.modelParams.putAll(modelParams);
        return b;
    }

    @JsonProperty("model")
    public String getModel() {
        return model;
    }

    @JsonProperty("prompt")
    public String getPrompt() {
        return prompt;
    }

    @JsonProperty("image_urls")
    public List<String> getImageUrls() {
        return imageUrls;
    }

    @JsonProperty("model_params")
    public Map<String, Object> getModelParams() {
        return modelParams;
    }

    @JsonProperty("callback_url")
    public String getCallbackUrl() {
        return callbackUrl;
    }

    @JsonProperty("quality")
    public String getQuality() {
        return quality;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateTaskRequest r && model.equals(r.model) && Objects.equals(prompt, r.prompt)
                && imageUrls.equals(r.imageUrls) && modelParams.equals(r.modelParams)
                && Objects.equals(callbackUrl, r.callbackUrl) && Objects.equals(quality, r.quality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, prompt, imageUrls, modelParams, callbackUrl, quality);
    }

    /** The callback URL carries a secret token: only whether one is set is shown. */
    @Override
    public String toString() {
        return "CreateTaskRequest[model=" + model + ", prompt=" + (prompt == null ? null : abbreviate(prompt))
                + ", imageUrls=" + imageUrls.size() + ", modelParams=" + modelParams.keySet() + ", callbackUrl="
                + (callbackUrl == null ? "none" : "set") + ", quality=" + quality + "]";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public static final class Builder {
        private String model;
        private String prompt;
        private final java.util.ArrayList<String> imageUrls = new java.util.ArrayList<>();
        private final Map<String, Object> modelParams = new LinkedHashMap<>();
        private String callbackUrl;
        private String quality;

        private Builder(String model) {
            this.model = model;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder imageUrls(List<String> urls) {
            imageUrls.clear();
            if (urls != null) {
                imageUrls.addAll(urls);
            }
            return this;
        }

        public Builder imageUrl(String url) {
            imageUrls.add(url);
            return this;
        }

        /** Sets one model_params entry; a null value removes it. */
        public Builder modelParam(String name, Object value) {
            if (value == null) {
                modelParams.remove(name);
            } else {
                modelParams.put(name, value);
            }
            return this;
        }

        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        public Builder quality(String quality) {
            this.quality = quality;
            return this;
        }

        public CreateTaskRequest build() {
            return new CreateTaskRequest(this);
        }
    }
}
