package org.camelevolink.component.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Which finished tasks a follow-up model (one with {@code model_params.task_id}) takes as its source. These
 * rules need the source task itself, so they cannot be checked from the request alone: the Camel layer checks
 * them when the exchange carries the finished source task ({@link RequestValidator#validateSource}).
 *
 * @param families   families of the source model (follow-ups stay within their family)
 * @param operations operations of the source model ({@code mj-v7-upscale} does not take an upscale)
 * @param speeds     the speeds the source must have run at ({@code mj-v7-enhance}: draft); empty: any
 */
public record SourceRule(List<String> families, List<String> operations, List<String> speeds) {

    public SourceRule {
        families = List.copyOf(families);
        operations = List.copyOf(operations);
        speeds = List.copyOf(speeds);
    }

    /**
     * Why {@code source} (run at {@code sourceSpeed}, null when unknown) cannot feed {@code followUp}, if it
     * cannot. An unknown speed is not held against the source: the rule is then left to EvoLink.
     */
    Optional<String> problem(ModelSpec followUp, ModelSpec source, String sourceSpeed) {
        if (!families.contains(source.family())) {
            return Optional.of("takes a finished " + String.join("/", families) + " task as its source, not a "
                    + source.id() + " task");
        }
        if (!operations.contains(source.operation())) {
            return Optional.of("does not take a " + source.operation() + " task (" + source.id() + ") as its "
                    + "source; it takes " + operations + why(followUp, source));
        }
        if (!speeds.isEmpty() && sourceSpeed != null && !speeds.contains(sourceSpeed)) {
            return Optional.of("takes only sources generated at speed " + speeds + ", not " + sourceSpeed);
        }
        return Optional.empty();
    }

    private static String why(ModelSpec followUp, ModelSpec source) {
        if (followUp.operation().equals("upscale") && source.operation().equals("upscale")) {
            return " (an upscaled image cannot be upscaled again; EvoLink answers 403)";
        }
        if (source.operation().equals("retexture")) {
            return " (retextured tasks only support upscale as a follow-up)";
        }
        return "";
    }
}
