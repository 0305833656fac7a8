package org.camelevolink.component.client;

import org.camelevolink.component.exceptions.EvolinkApiException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Reads many tasks with as few requests as the server allows: {@code POST /v1/tasks/batch} with at most 50 ids,
 * or, once the server has answered 404 or 405 to it, one {@code GET /v1/tasks/{id}} per task. The batch endpoint
 * is undocumented (evolink-api.md §4), so a gateway without it must keep working.
 */
public final class BatchReads {

    /** The most ids one {@code POST /v1/tasks/batch} carries; more are split into several. */
    public static final int MAX_BATCH = 50;

    private final Function<List<String>, CompletableFuture<List<EvolinkTask>>> batch;
    private final Function<String, CompletableFuture<EvolinkTask>> single;
    private final AtomicBoolean batchUnsupported = new AtomicBoolean();

    BatchReads(Function<List<String>, CompletableFuture<List<EvolinkTask>>> batch,
            Function<String, CompletableFuture<EvolinkTask>> single) {
        this.batch = batch;
        this.single = single;
    }

    /** The tasks the server knows among {@code taskIds}, in no particular order; unknown ids are absent. */
    CompletableFuture<List<EvolinkTask>> read(Collection<String> taskIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        List<CompletableFuture<List<EvolinkTask>>> parts = new ArrayList<>();
        if (batchUnsupported.get()) {
            ids.forEach(id -> parts.add(readOne(id)));
        } else {
            for (int i = 0; i < ids.size(); i += MAX_BATCH) {
                parts.add(readChunk(ids.subList(i, Math.min(ids.size(), i + MAX_BATCH))));
            }
        }
        return concat(parts);
    }

    boolean isBatchUnsupported() {
        return batchUnsupported.get();
    }

    private CompletableFuture<List<EvolinkTask>> readChunk(List<String> ids) {
        return batch.apply(ids).exceptionallyCompose(e -> {
            if (!(Futures.unwrap(e) instanceof EvolinkApiException api) || !isMissingEndpoint(api)) {
                return CompletableFuture.failedFuture(Futures.unwrap(e));
            }
            batchUnsupported.set(true);
            List<CompletableFuture<List<EvolinkTask>>> singles = new ArrayList<>();
            ids.forEach(id -> singles.add(readOne(id)));
            return concat(singles);
        });
    }

    /** One task as a list: empty when the server does not know the id, as a batch answer would leave it out. */
    private CompletableFuture<List<EvolinkTask>> readOne(String id) {
        return single.apply(id).thenApply(List::of).exceptionallyCompose(e -> {
            Throwable t = Futures.unwrap(e);
            boolean unknown = t instanceof EvolinkApiException api
                    && (api.getStatusCode() == 404 || api.getStatusCode() == 400);
            return unknown ? CompletableFuture.completedFuture(List.of()) : CompletableFuture.failedFuture(t);
        });
    }

    private static boolean isMissingEndpoint(EvolinkApiException e) {
        return e.getStatusCode() == 404 || e.getStatusCode() == 405;
    }

    private static CompletableFuture<List<EvolinkTask>> concat(List<CompletableFuture<List<EvolinkTask>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<EvolinkTask> out = new ArrayList<>();
            parts.forEach(p -> out.addAll(p.join()));
            return out;
        });
    }

}
