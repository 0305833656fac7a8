package org.camelevolink.component.tracking;

import org.camelevolink.component.client.EvolinkTask;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads the current state of tasks, many at once where the server allows; unknown ids are absent. */
@FunctionalInterface
public interface TaskReader {
    CompletableFuture<List<EvolinkTask>> read(Collection<String> taskIds);
}
