package org.camelevolink.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.ApiError;

import java.io.IOException;

/** The one ObjectMapper of the simulator and the few ways it is used. */
public final class Json {

    // trailing text after the object ("{...} junk", "{...}{...}") is a malformed body, not an accepted one
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Parses a JSON object body or answers 400 the way EvoLink does for non-JSON. */
    public static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static SimResponse ok(Object value) {
        return SimResponse.json(200, bytes(value));
    }
}
