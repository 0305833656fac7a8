package org.camelevolink.simulator.model;

import java.util.List;
import java.util.Map;

/**
 * A Midjourney model as the simulator reads the EvoLink docs. Loaded from {@code models.json}: adding a model is
 * adding an entry there.
 *
 * @param seconds documented duration of a fast-mode task, before the time scale
 * @param credits price of a fast-mode task
 * @param results images a completed task returns
 * @param sourceOperations operations a source task may have run; empty: any the family allows
 */
public record ModelSpec(String id, FamilySpec family, String operation, Presence prompt, int promptMaxLength,
        Presence imageUrls, int maxImageUrls, List<String> imageFormats, int maxImageUrlLength,
        boolean paramsRequired, boolean quality, Map<String, ParamSpec> params, int seconds, double credits,
        int results, List<String> sourceOperations) {

    /** Whether a field must, may or must not be sent. */
    public enum Presence {
        REQUIRED,
        OPTIONAL,
        FORBIDDEN,
        NONE
    }

    public boolean needsSourceTask() {
        return params.containsKey("task_id");
    }

    public List<String> speeds() {
        ParamSpec speed = params.get("speed");
        return speed == null ? List.of() : speed.enumValues();
    }
}
