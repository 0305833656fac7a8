package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.camelevolink.component.client.CreateTaskRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The Idempotency-Key of a paid submit, derived from a base (the {@code CamelEvolinkIdempotencyKey} header, else
 * the exchange id), the endpoint and the request. So a redelivery of an exchange, or a re-sent message carrying
 * the same header, gets the same key and EvoLink answers the first task again instead of charging twice, while
 * two different steps of one route never share a key.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static String of(Exchange exchange, EvolinkEndpoint endpoint, CreateTaskRequest request) {
        String given = exchange.getMessage().getHeader(EvolinkConstants.IDEMPOTENCY_KEY, String.class);
        String base = given != null && !given.isBlank() ? given : exchange.getExchangeId();
        // the callback URL is left out: it carries a fresh token per submit
        String seed = base + '|' + endpoint.getEndpointKey() + '|' + request.getModel() + '|' + request.getPrompt()
                + '|' + request.getImageUrls() + '|' + new TreeMap<>(request.getModelParams()) + '|'
                + request.getQuality();
        return "camel-" + sha256(seed).substring(0, 40);
    }

    private static String sha256(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
