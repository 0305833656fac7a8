package org.camelevolink.component.catalog;

import java.util.List;

/**
 * One {@code model_params} field of a model.
 *
 * @param values               the allowed values of an {@link ParamType#ENUM}, else empty
 * @param min                  inclusive lower bound of an integer or number, or null
 * @param max                  inclusive upper bound of an integer or number, or null
 * @param defaultValue         what EvoLink uses when the field is absent (String or Number), or null
 * @param maxUnlessDraftSource a lower upper bound that applies unless the source task was a draft generation
 *                             (V8.2's image_number: 0-23 for a draft source, 0-3 otherwise), or null
 * @param notes                what the docs add in words (e.g. "only effective when a prompt is given"), or null
 */
public record ParamSpec(String name, ParamType type, boolean required, List<String> values, Double min, Double max,
        Object defaultValue, Integer maxUnlessDraftSource, String notes) {

    public ParamSpec {
        values = List.copyOf(values);
    }
}
