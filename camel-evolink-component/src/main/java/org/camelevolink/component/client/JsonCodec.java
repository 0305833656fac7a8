package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;

/**
 * Jackson for EvoLink bodies. Unknown fields are ignored (EvoLink adds fields); anything else that does not read
 * becomes {@code malformed_response}, never a raw Jackson exception.
 */
final class JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // a truncated body must fail, not read as the part that arrived
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    private final ErrorDecoder errors;

    JsonCodec(Redactor redactor) {
        this.errors = new ErrorDecoder(mapper, redactor);
    }

    ErrorDecoder errors() {
        return errors;
    }

    <T> T read(HttpResult r, Class<T> type) {
        try {
            T value = mapper.readValue(r.body(), type);
            if (value == null) {
                throw errors.malformed(r, null);
            }
            return value;
        } catch (EvolinkApiException e) {
            throw e;
        } catch (Exception e) {
            throw errors.malformed(r, e);
        }
    }

    /** The body as a JSON object; anything else (an array, a string, nothing) is malformed here. */
    JsonNode object(HttpResult r) {
        JsonNode node = read(r, JsonNode.class);
        if (!node.isObject()) {
            throw errors.malformed(r, null);
        }
        return node;
    }

    <T> T convert(JsonNode node, Class<T> type, HttpResult from) {
        try {
            return mapper.treeToValue(node, type);
        } catch (Exception e) {
            throw errors.malformed(from, e);
        }
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new EvolinkException("cannot serialise a request body of type " + value.getClass().getSimpleName(),
                    e);
        }
    }
}
