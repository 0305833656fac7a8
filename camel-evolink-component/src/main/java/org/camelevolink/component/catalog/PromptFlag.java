package org.camelevolink.component.catalog;

import java.util.List;
import java.util.Map;

/**
 * One row of a family's prompt-guide table ({@code --name value}) and its documented dependencies.
 *
 * @param type             {@code integer}, {@code number}, {@code enum}, {@code ratio} (W:H), {@code url},
 *                         {@code keywords} or {@code switch} (no value)
 * @param requires         other flags that must be present too ({@code --sw} needs {@code --sref})
 * @param needsImagePrompt the generation prompt must start with an image URL ({@code --iw})
 * @param needsText        the prompt must have text besides image URLs and flags ({@code --sref})
 * @param speeds           the model_params.speed values the flag works with; empty: any
 * @param notWith          flag -> value that must not accompany this one ({@code --oref} not with {@code --q 4})
 * @param notForOperations model operations whose prompt must not carry the flag
 */
public record PromptFlag(String name, List<String> aliases, String type, Double min, Double max,
        List<String> values, List<String> requires, boolean needsImagePrompt, boolean needsText, List<String> speeds,
        Map<String, String> notWith, List<String> notForOperations) {

    public PromptFlag {
        aliases = List.copyOf(aliases);
        values = List.copyOf(values);
        requires = List.copyOf(requires);
        speeds = List.copyOf(speeds);
        notWith = Map.copyOf(notWith);
        notForOperations = List.copyOf(notForOperations);
    }
}
