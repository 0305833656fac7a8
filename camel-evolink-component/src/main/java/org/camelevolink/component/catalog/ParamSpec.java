package org.camelevolink.component.catalog;

import java.util.List;

/**
 * One {@code model_params} field.
 *
 * @param kind {@code enum}, {@code integer}, {@code number}, {@code taskId}, {@code mask}, {@code canvas} or
 *             {@code imgPos}
 */
public record ParamSpec(String name, String kind, boolean required, List<String> values, Double min, Double max,
        Object defaultValue) {
}
