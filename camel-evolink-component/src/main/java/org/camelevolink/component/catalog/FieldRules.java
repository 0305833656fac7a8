package org.camelevolink.component.catalog;

import org.camelevolink.component.client.HttpUrls;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.util.List;

/**
 * The top-level fields besides model_params: whether the model takes {@code prompt}, {@code image_urls} and
 * {@code quality}, and their sizes and formats. An empty string or list counts as absent: the client does not
 * send empty fields.
 */
final class FieldRules {

    private FieldRules() {
    }

    static void prompt(ModelSpec spec, String prompt) {
        boolean present = prompt != null && !prompt.isEmpty();
        if (!present) {
            if (spec.requiresPrompt()) {
                throw new EvolinkValidationException(spec.id(), "prompt", "is required");
            }
            return;
        }
        if (!spec.acceptsPrompt()) {
            throw new EvolinkValidationException(spec.id(), "prompt", "is not accepted by " + spec.id()
                    + " (it takes no prompt)");
        }
        if (prompt.isBlank()) {
            throw new EvolinkValidationException(spec.id(), "prompt", "must not be blank");
        }
        // the documented maxLength is JSON Schema's, which counts characters, not UTF-16 units: an emoji is one
        int length = prompt.codePointCount(0, prompt.length());
        if (length > spec.promptMaxLength()) {
            throw new EvolinkValidationException(spec.id(), "prompt", "must not exceed " + spec.promptMaxLength()
                    + " characters, has " + length);
        }
    }

    static void imageUrls(ModelSpec spec, List<String> urls) {
        if (urls.isEmpty()) {
            if (spec.requiresImageUrls()) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "is required: the URL of the input "
                        + "image");
            }
            return;
        }
        if (!spec.acceptsImageUrls()) {
            throw new EvolinkValidationException(spec.id(), "image_urls", "is not accepted by " + spec.id()
                    + (spec.isGeneration() ? "; put image prompts at the start of the prompt" : ""));
        }
        if (urls.size() > spec.maxImageUrls()) {
            throw new EvolinkValidationException(spec.id(), "image_urls", "takes at most " + spec.maxImageUrls()
                    + " URL(s), got " + urls.size());
        }
        for (String url : urls) {
            if (!HttpUrls.http(url).isPresent()) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "must hold absolute http(s) URLs, got "
                        + url);
            }
            spec.maxImageUrlLength().ifPresent(max -> {
                if (url.length() > max) {
                    throw new EvolinkValidationException(spec.id(), "image_urls", "URLs must not exceed " + max
                            + " characters, got " + url.length());
                }
            });
            if (!spec.imageFormats().isEmpty() && !UrlRules.hasFormat(url, spec.imageFormats())) {
                throw new EvolinkValidationException(spec.id(), "image_urls", "must be " + UrlRules.dotted(
                        spec.imageFormats()) + " images (judged by the URL path, the query ignored): " + url);
            }
        }
    }

    static void quality(ModelSpec spec, String quality) {
        if (quality == null || quality.isEmpty()) {
            return;
        }
        if (!spec.acceptsQuality()) {
            throw new EvolinkValidationException(spec.id(), "quality", "is not accepted by " + spec.id()
                    + " (only the V8.x generation models take quality)");
        }
        if (!spec.qualityValues().contains(quality)) {
            throw new EvolinkValidationException(spec.id(), "quality", "must be one of " + spec.qualityValues()
                    + ", got \"" + quality + "\"");
        }
    }

    /** A model the catalog does not know: only what holds for every EvoLink image model. */
    static void generic(String model, List<String> urls) {
        for (String url : urls) {
            if (!HttpUrls.http(url).isPresent()) {
                throw new EvolinkValidationException(model, "image_urls", "must hold absolute http(s) URLs, got "
                        + url);
            }
        }
    }
}
