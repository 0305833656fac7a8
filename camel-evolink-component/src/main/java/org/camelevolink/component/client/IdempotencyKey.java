package org.camelevolink.component.client;

import java.util.UUID;
import java.util.regex.Pattern;

/** EvoLink's {@code Idempotency-Key}: 16 to 96 of {@code A-Z a-z 0-9 . _ -} (evolink-api.md §1). */
public final class IdempotencyKey {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{16,96}");

    private IdempotencyKey() {
    }

    /** A fresh random key (36 characters). */
    public static String generate() {
        return "evo-" + UUID.randomUUID().toString().replace("-", "");
    }

    public static boolean isValid(String key) {
        return key != null && VALID.matcher(key).matches();
    }
}
