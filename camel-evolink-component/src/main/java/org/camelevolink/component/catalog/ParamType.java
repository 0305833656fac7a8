package org.camelevolink.component.catalog;

import java.util.Arrays;

/** The kinds of {@code model_params} values EvoLink's Midjourney models take, by their name in the catalog. */
public enum ParamType {
    ENUM("enum", "enum"),
    INTEGER("integer", "integer"),
    NUMBER("number", "number"),
    /** An EvoLink task id, {@code task-unified-...}. */
    TASK_ID("task_id", "taskId"),
    /** Exactly one of {@code areas} (polygons) or {@code url} (a mask image). */
    MASK("mask", "mask"),
    /** {@code {width, height}}. */
    CANVAS("canvas", "canvas"),
    /** {@code {width, height, x, y}}. */
    IMG_POS("img_pos", "imgPos");

    private final String catalogName;
    private final String kind;

    ParamType(String catalogName, String kind) {
        this.catalogName = catalogName;
        this.kind = kind;
    }

    /** The name in evolink-models.json. */
    public String catalogName() {
        return catalogName;
    }

    /** The camelCase name the first version of the catalog used ({@code taskId}, {@code imgPos}). */
    public String kind() {
        return kind;
    }

    static ParamType of(String name) {
        return Arrays.stream(values()).filter(t -> t.catalogName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model_params type '" + name + "'"));
    }
}
