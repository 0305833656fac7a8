package org.camelevolink.component.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One EvoLink model as the catalog describes it (immutable). The queries are what request building and
 * validation need; the data behind them is in {@code evolink-models.json}.
 */
public final class ModelSpec {

    private final String id;
    private final FamilySpec family;
    private final String operation;
    private final Use promptUse;
    private final int promptMaxLength;
    private final Use imageUrlsUse;
    private final int maxImageUrls;
    private final List<String> imageFormats;
    private final Integer maxImageUrlLength;
    private final List<String> qualityValues;
    private final String defaultQuality;
    private final Map<String, ParamSpec> params;
    private final List<Conflict> conflicts;
    private final SourceRule source;
    private final int results;
    private final Integer draftResults;
    private final List<String> notes;

    ModelSpec(String id, FamilySpec family, String operation, Use promptUse, int promptMaxLength, Use imageUrlsUse,
            int maxImageUrls, List<String> imageFormats, Integer maxImageUrlLength, List<String> qualityValues,
            String defaultQuality, Map<String, ParamSpec> params, List<Conflict> conflicts, SourceRule source,
            int results, Integer draftResults, List<String> notes) {
        this.id = id;
        this.family = family;
        this.operation = operation;
        this.promptUse = promptUse;
        this.promptMaxLength = promptMaxLength;
        this.imageUrlsUse = imageUrlsUse;
        this.maxImageUrls = maxImageUrls;
        this.imageFormats = List.copyOf(imageFormats);
        this.maxImageUrlLength = maxImageUrlLength;
        this.qualityValues = List.copyOf(qualityValues);
        this.defaultQuality = defaultQuality;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.conflicts = List.copyOf(conflicts);
        this.source = source;
        this.results = results;
        this.draftResults = draftResults;
        this.notes = List.copyOf(notes);
    }

    public String id() {
        return id;
    }

    /** {@code v7}, {@code v8.1} or {@code v8.2}. */
    public String family() {
        return family.id();
    }

    /** The family's shared rules (prompt flags, mask forms, result link lifetime). */
    public FamilySpec familyRules() {
        return family;
    }

    /** {@code generate}, {@code upscale}, {@code variation}, {@code remix}, ..., {@code remove-bg}. */
    public String operation() {
        return operation;
    }

    public boolean isGeneration() {
        return operation.equals("generate");
    }

    /** Where the documented sources disagree or are silent, and what the catalog chose. */
    public List<String> notes() {
        return notes;
    }

    // --- prompt

    public Use promptUse() {
        return promptUse;
    }

    public boolean acceptsPrompt() {
        return promptUse.accepted();
    }

    public boolean requiresPrompt() {
        return promptUse == Use.REQUIRED;
    }

    /** 0 when the model takes no prompt. */
    public int promptMaxLength() {
        return promptMaxLength;
    }

    // --- image_urls

    public Use imageUrlsUse() {
        return imageUrlsUse;
    }

    public boolean acceptsImageUrls() {
        return imageUrlsUse.accepted();
    }

    public boolean requiresImageUrls() {
        return imageUrlsUse == Use.REQUIRED;
    }

    /** 0 when the model takes no image_urls. */
    public int maxImageUrls() {
        return maxImageUrls;
    }

    /** Accepted extensions of an input image URL's path ({@code png}, ...). */
    public List<String> imageFormats() {
        return imageFormats;
    }

    public OptionalInt maxImageUrlLength() {
        return maxImageUrlLength == null ? OptionalInt.empty() : OptionalInt.of(maxImageUrlLength);
    }

    // --- quality (V8.x generation)

    public boolean acceptsQuality() {
        return !qualityValues.isEmpty();
    }

    public List<String> qualityValues() {
        return qualityValues;
    }

    public Optional<String> defaultQuality() {
        return Optional.ofNullable(defaultQuality);
    }

    // --- model_params

    public boolean acceptsParam(String name) {
        return params.containsKey(name);
    }

    public Set<String> paramNames() {
        return params.keySet();
    }

    /** The field's spec, or null when the model does not take it. */
    public ParamSpec param(String name) {
        return params.get(name);
    }

    public Map<String, ParamSpec> params() {
        return params;
    }

    /** EvoLink requires the model_params object when one of its fields is required. */
    public boolean requiresModelParams() {
        return params.values().stream().anyMatch(ParamSpec::required);
    }

    /** The value EvoLink uses for {@code name}: the given one, else the default, else null. */
    public Object effectiveParam(String name, Map<String, Object> given) {
        Object value = given.get(name);
        if (value != null) {
            return value;
        }
        ParamSpec p = params.get(name);
        return p == null ? null : p.defaultValue();
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    // --- follow-ups

    /** A follow-up model: it takes {@code model_params.task_id} of a finished source task. */
    public boolean needsSourceTask() {
        return source != null;
    }

    public Optional<SourceRule> sourceRule() {
        return Optional.ofNullable(source);
    }

    /**
     * Whether a finished task of {@code sourceModel}, run at {@code sourceSpeed} (null when unknown), can feed
     * this follow-up. Use {@link RequestValidator#validateSource} for the reason; this is the yes/no.
     */
    public boolean acceptsSource(ModelSpec sourceModel, String sourceSpeed) {
        return source != null && source.problem(this, sourceModel, sourceSpeed).isEmpty();
    }

    // --- results

    /** Images a completed task returns at the model's default speed. */
    public int expectedResults() {
        Object speed = effectiveParam("speed", Map.of());
        return expectedResults(speed == null ? null : speed.toString());
    }

    /**
     * Images a completed task returns when run at {@code speed}: 4 for the grid operations, 1 for upscale,
     * enhance and remove-bg, 24 for a V8.x draft generation. Moderation may return fewer.
     */
    public int expectedResults(String speed) {
        return draftResults != null && "draft".equals(speed) ? draftResults : results;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ModelSpec[" + id + ", " + operation + ", params=" + params.keySet() + "]";
    }
}
