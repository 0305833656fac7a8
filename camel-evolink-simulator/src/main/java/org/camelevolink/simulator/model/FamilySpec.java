package org.camelevolink.simulator.model;

import org.camelevolink.simulator.image.Mask;

import java.util.List;

/**
 * What the models of one Midjourney generation share: link lifetime, mask semantics and prompt-flag rules.
 *
 * @param forbiddenPromptFlags flags answered with 400
 * @param strippedPromptFlags flags silently removed (speed is a model parameter)
 * @param failingPromptFlags flags accepted at create but failing the task with {@code invalid_parameters}
 */
public record FamilySpec(String id, int linkHours, Mask.MaskSemantics maskSemantics, boolean maskDataUri,
        List<String> forbiddenPromptFlags, List<String> strippedPromptFlags, List<String> failingPromptFlags) {
}
