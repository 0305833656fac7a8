package org.camelevolink.component.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An EvoLink model as data (from {@code evolink-models.json}).
 *
 * @param promptUse {@code required}, {@code optional} or {@code none}
 * @param imageUrlsUse {@code required} or {@code none}
 * @param sourceOperations operations of a source task this follow-up accepts (empty: not a follow-up)
 * @param draftSourceOnly the source must be a draft-mode generation (enhance)
 */
public record ModelSpec(String id, String family, String operation, String promptUse, int promptMaxLength,
        String imageUrlsUse, int maxImageUrls, List<String> imageFormats, int maxImageUrlLength,
        boolean modelParamsRequired, boolean acceptsQuality, Map<String, ParamSpec> params,
        Set<String> sourceOperations, boolean draftSourceOnly, List<String> forbiddenPromptFlags,
        boolean maskDataUriAllowed, int resultLinkHours) {

    public boolean needsSourceTask() {
        return params.containsKey("task_id");
    }

    public boolean requiresImageUrls() {
        return "required".equals(imageUrlsUse);
    }

    public boolean acceptsPrompt() {
        return !"none".equals(promptUse);
    }

    public boolean requiresPrompt() {
        return "required".equals(promptUse);
    }

    public boolean acceptsParam(String name) {
        return params.containsKey(name);
    }

    public Set<String> paramNames() {
        return params.keySet();
    }

    public ParamSpec param(String name) {
        return params.get(name);
    }

    /** Whether a finished task of {@code sourceModel} (run at {@code sourceSpeed}) can feed this follow-up. */
    public boolean acceptsSource(ModelSpec sourceModel, String sourceSpeed) {
        if (!needsSourceTask() || !sourceModel.family().equals(family)
                || !sourceOperations.contains(sourceModel.operation())) {
            return false;
        }
        return !draftSourceOnly || "draft".equals(sourceSpeed);
    }

    /** Images a completed task returns: 4 for the grid models, 1 for upscale/enhance/remove-bg, 24 for V8 drafts. */
    public int expectedResults(String speed) {
        return switch (operation) {
            case "upscale", "enhance", "remove-bg" -> 1;
            case "generate" -> !family.equals("v7") && "draft".equals(speed) ? 24 : 4;
            default -> 4;
        };
    }
}
