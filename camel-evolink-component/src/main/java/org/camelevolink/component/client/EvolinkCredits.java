package org.camelevolink.component.client;

/** {@code GET /v1/credits}: this key's remaining and used credits, and the account's. */
public record EvolinkCredits(double keyRemaining, double keyUsed, boolean unlimited, double accountRemaining,
        double accountUsed) {
}
