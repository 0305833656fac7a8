package org.camelevolink.component.catalog;

import java.util.Map;

/**
 * Values that must not appear together in one request, e.g. quality {@code hd} with speed {@code draft}.
 *
 * @param when  request field ({@code quality} or {@code model_params.<name>}) -> value; an absent field counts as
 *              its default
 * @param field the field the error names
 */
public record Conflict(Map<String, String> when, String field, String rule) {

    public Conflict {
        when = Map.copyOf(when);
    }
}
