package org.camelevolink.component.client;

/**
 * Keeps the API key out of error messages built from what a server or a lower layer said: a misbehaving gateway or
 * proxy may echo request headers back in its answer.
 */
final class Redactor {

    static final String MASK = "******";

    private final String secret;

    Redactor(String secret) {
        this.secret = secret;
    }

    String scrub(String text) {
        return text == null || !text.contains(secret) ? text : text.replace(secret, MASK);
    }

    /** A cause chain that mentions the key must not travel inside an exception. */
    boolean leaks(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c.getMessage()).contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
