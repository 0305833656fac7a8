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
 * the message id, which is the exchange id unless the consumer that received the message gave it one, as JMS
 * does), the endpoint and the request. So a redelivery of an exchange, a message redelivered by its broker, or a
 * re-sent message carrying the same header gets the same key, and the task store (then EvoLink) answers the first
 * task again instead of charging twice, while two different steps of one route never share a key. Inside a split or
 * a loop the index takes part too, so that equal requests of one message stay distinct tasks.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static String of(Exchange exchange, EvolinkEndpoint endpoint, CreateTaskRequest request) {
        String given = exchange.getMessage().getHeader(EvolinkConstants.IDEMPOTENCY_KEY, String.class);
        String base = given != null && !given.isBlank() ? given : exchange.getMessage().getMessageId();
        if (base == null) {
            base = exchange.getExchangeId();
        }
        Object splitIndex = exchange.getProperty(Exchange.SPLIT_INDEX);
        Object loopIndex = exchange.getProperty(Exchange.LOOP_INDEX);
        if (given == null && (splitIndex != null || loopIndex != null)) {
            base = base + '#' + splitIndex + '#' + loopIndex;
        }
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
