package org.camelevolink.component.catalog;

import java.util.Locale;

/** Whether a model takes a top-level request field ({@code prompt}, {@code image_urls}). */
public enum Use {
    REQUIRED, OPTIONAL, NONE;

    static Use of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }

    public boolean accepted() {
        return this != NONE;
    }
}
