package org.camelevolink.component.client;

import java.util.Locale;

/** A task's status. {@code CANCELLED} is not in EvoLink's schema but appears in its callbacks; accepted too. */
public enum TaskStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** A status this client does not know yet: treated as still running. */
    UNKNOWN;

    public static TaskStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
