package org.camelevolink.component.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the models of one Midjourney family (v7, v8.1, v8.2) share: the prompt rules and the mask-url forms.
 *
 * @param rejectedPromptFlags flag (without dashes) -> why it is refused before sending
 * @param strippedPromptFlags flags EvoLink silently removes from a prompt; accepted, and removed by
 *                            {@link RequestNormalizer}
 * @param promptFlags         the prompt-guide table checked in this family's prompts, by flag name
 * @param resultLinkHours     how long result links live, or null where that is not documented
 */
public record FamilySpec(String id, String generationModel, Integer resultLinkHours, boolean maskUrlDataUri,
        int maxImagePrompts, List<String> imagePromptFormats, List<String> strippedPromptFlags,
        Map<String, String> rejectedPromptFlags, Map<String, PromptFlag> promptFlags, List<String> notes) {

    public FamilySpec {
        imagePromptFormats = List.copyOf(imagePromptFormats);
        strippedPromptFlags = List.copyOf(strippedPromptFlags);
        rejectedPromptFlags = Map.copyOf(rejectedPromptFlags);
        promptFlags = Collections.unmodifiableMap(new LinkedHashMap<>(promptFlags));
        notes = List.copyOf(notes);
    }

    /** The table row a flag name or alias ({@code chaos} for {@code c}) stands for. */
    public Optional<PromptFlag> promptFlag(String nameOrAlias) {
        PromptFlag direct = promptFlags.get(nameOrAlias);
        if (direct != null) {
            return Optional.of(direct);
        }
        return promptFlags.values().stream().filter(f -> f.aliases().contains(nameOrAlias)).findFirst();
    }
}
