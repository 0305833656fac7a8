package org.camelevolink.simulator.api;

import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.http.SimResponse;

import org.camelevolink.simulator.http.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on submits, per API key: the same key with the same body replays the first answer
 * (marked {@code idempotency-replayed: true}, nothing charged); with another body it is a conflict. Only
 * successful submits are remembered, so a rejected submit may be corrected and sent again under its key. A
 * concurrent duplicate waits for the first to finish instead of racing it.
 */
public final class IdempotencyStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{16,96}");

    private record Entry(Object body, CompletableFuture<SimResponse> answer) {
    }

    /** What the submit handler must do: run (and then {@link #finish}), or answer the replay. */
    public record Decision(SimResponse replay, String slot) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Decision begin(String apiKey, String idempotencyKey, byte[] body) {
        if (idempotencyKey == null) {
            return new Decision(null, null);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw ApiError.invalid("Idempotency-Key", "Idempotency-Key must be 16-96 characters of [A-Za-z0-9._-]");
        }
        String slot = apiKey + '\n' + idempotencyKey;
        Entry mine = new Entry(fingerprint(body), new CompletableFuture<>());
        Entry existing = entries.putIfAbsent(slot, mine);
        if (existing == null) {
            return new Decision(null, slot);
        }
        if (!Objects.equals(existing.body(), mine.body())) {
            throw new ApiError(409, "idempotency_conflict", "invalid_request_error", "Idempotency-Key",
                    "Idempotency-Key was already used with a different request body");
        }
        SimResponse first;
        try {
            first = existing.answer().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the first attempt was rejected, so nothing was created: this one runs afresh
            return begin(apiKey, idempotencyKey, body);
        }
        return new Decision(first.withBody(first.body()).header("idempotency-replayed", "true"), null);
    }

    /** Records the answer of a submit that ran; a failed submit releases its key. */
    public void finish(String slot, SimResponse answer) {
        if (slot == null) {
            return;
        }
        Entry e = entries.get(slot);
        if (answer != null && answer.status() == 200) {
            e.answer().complete(answer);
        } else {
            entries.remove(slot, e);
            e.answer().completeExceptionally(new IllegalStateException("submit rejected"));
        }
    }

    public void clear() {
        entries.clear();
    }

    /** "The same body" means the same JSON, whatever the key order or spacing; bytes when it is not JSON. */
    private static Object fingerprint(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return ByteBuffer.wrap(body.clone());
        }
    }
}
