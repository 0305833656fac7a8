package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a create request against the catalog before anything is sent, so a broken rule costs nothing and the
 * {@link EvolinkValidationException} names model, field (EvoLink's naming) and rule. A model the catalog does not
 * know gets the checks every EvoLink model shares, so a new model works without a release.
 */
public final class RequestValidator {

    private final ModelCatalog catalog;
    private final CallbackUrlRule callbackUrl;

    /**
     * @param allowInsecureCallbackUrls let {@code http://} and private or loopback callback URLs through, for tests
     *                                  against a local simulator; EvoLink itself refuses them
     */
    public RequestValidator(ModelCatalog catalog, boolean allowInsecureCallbackUrls) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.callbackUrl = new CallbackUrlRule(allowInsecureCallbackUrls);
    }

    public RequestValidator(ModelCatalog catalog) {
        this(catalog, false);
    }

    public void validate(CreateTaskRequest request) {
        String model = request.getModel();
        if (model == null || model.isBlank()) {
            throw new EvolinkValidationException(String.valueOf(model), "model", "is required");
        }
        ModelSpec spec = catalog.find(model).orElse(null);
        if (spec == null) {
            FieldRules.generic(model, request.getImageUrls());
        } else {
            FieldRules.prompt(spec, request.getPrompt());
            FieldRules.imageUrls(spec, request.getImageUrls());
            FieldRules.quality(spec, request.getQuality());
            ParamRules.check(spec, request.getModelParams());
            conflicts(spec, request);
            if (request.getPrompt() != null && !request.getPrompt().isEmpty()) {
                PromptRules.check(spec, request.getPrompt(), request.getModelParams());
            }
        }
        callbackUrl.check(model, request.getCallbackUrl());
    }

    /**
     * The rules of what an endpoint fixes before any message: the fields {@code staticPart} holds are checked as
     * {@link #validate} would check them; a required field it lacks may still come with each message.
     */
    public void validateStatic(CreateTaskRequest staticPart) {
        String model = staticPart.getModel();
        ModelSpec spec = catalog.find(model).orElse(null);
        if (spec == null) {
            FieldRules.generic(model, staticPart.getImageUrls());
        } else {
            String prompt = staticPart.getPrompt();
            if (prompt != null && !prompt.isEmpty()) {
                FieldRules.prompt(spec, prompt);
                PromptRules.check(spec, prompt, staticPart.getModelParams());
            }
            if (!staticPart.getImageUrls().isEmpty()) {
                FieldRules.imageUrls(spec, staticPart.getImageUrls());
            }
            FieldRules.quality(spec, staticPart.getQuality());
            ParamRules.checkGiven(spec, staticPart.getModelParams());
        }
        callbackUrl.check(model, staticPart.getCallbackUrl());
    }

    /** EvoLink's rules on {@code callback_url} alone: for URLs the component builds itself. */
    public void validateCallbackUrl(String model, String url) {
        callbackUrl.check(model, url);
    }

    /**
     * The rules that need the finished source task of a follow-up: its family and operation, whether it was a
     * draft, and whether image_number names one of its images (V8.2: 0-3 unless the source was a draft; an
     * upscale has one image). Call it when the source is known (the exchange
     * carries the finished task); a request for a model that takes no source, or a source model the catalog does
     * not know, passes.
     *
     * @param sourceModel the model that produced the source task
     * @param sourceSpeed the model_params.speed the source ran at, or null when unknown (then draft-only rules are
     *                    left to EvoLink)
     */
    public void validateSource(CreateTaskRequest request, String sourceModel, String sourceSpeed) {
        ModelSpec spec = catalog.find(request.getModel()).orElse(null);
        ModelSpec source = catalog.find(sourceModel).orElse(null);
        if (spec == null || source == null || spec.sourceRule().isEmpty()) {
            return;
        }
        spec.sourceRule().get().problem(spec, source, sourceSpeed).ifPresent(problem -> {
            throw new EvolinkValidationException(spec.id(), "model_params.task_id", problem);
        });
        imageNumber(spec, source, sourceSpeed, Numbers.whole(request.getModelParams().get("image_number")));
    }

    /**
     * image_number picks one of the source's images: V8.2 documents 0-3 unless the source is a draft, and a
     * source with one image (upscale, enhance, remove-bg) offers only 0. An unknown speed is not held against it.
     */
    private static void imageNumber(ModelSpec spec, ModelSpec source, String sourceSpeed, BigInteger chosen) {
        if (chosen == null) {
            return;
        }
        ParamSpec p = spec.param("image_number");
        boolean knownNotDraft = !source.isGeneration() || (sourceSpeed != null && !"draft".equals(sourceSpeed));
        if (p != null && p.maxUnlessDraftSource() != null && knownNotDraft
                && chosen.compareTo(BigInteger.valueOf(p.maxUnlessDraftSource())) > 0) {
            throw new EvolinkValidationException(spec.id(), "model_params.image_number", "must be within 0-"
                    + p.maxUnlessDraftSource() + " for a source that is not a draft generation, got " + chosen);
        }
        int images = sourceSpeed == null ? Math.max(source.expectedResults("fast"), source.expectedResults("draft"))
                : source.expectedResults(sourceSpeed);
        if (chosen.compareTo(BigInteger.valueOf(images)) >= 0) {
            throw new EvolinkValidationException(spec.id(), "model_params.image_number", "must be within 0-"
                    + (images - 1) + ": the source task (" + source.id() + ") has " + images + " image(s), got "
                    + chosen);
        }
    }

    private static void conflicts(ModelSpec spec, CreateTaskRequest request) {
        for (Conflict c : spec.conflicts()) {
            boolean all = c.when().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(String.valueOf(effective(spec, request, e.getKey()))));
            if (all) {
                throw new EvolinkValidationException(spec.id(), c.field(), c.rule());
            }
        }
    }

    /** A request field's value as EvoLink sees it: the given one, else the catalog's default. */
    private static Object effective(ModelSpec spec, CreateTaskRequest request, String field) {
        if (field.equals("quality")) {
            String q = request.getQuality();
            return q == null || q.isEmpty() ? spec.defaultQuality().orElse(null) : q;
        }
        if (field.startsWith(ParamRules.PREFIX)) {
            Map<String, Object> params = request.getModelParams();
            return spec.effectiveParam(field.substring(ParamRules.PREFIX.length()), params);
        }
        throw new IllegalStateException("a conflict names an unknown field " + field);
    }
}
