package org.camelevolink.component.tracking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Notices when EvoLink stops answering the reads of waiting tasks (network errors, timeouts, 429, 5xx: what the
 * tracker keeps reading through) and says so once per outage: a WARN when it has lasted {@code warnAfterMillis},
 * an INFO when a read is answered again. Each reader (one per client) has its own outages.
 */
public final class OutageWatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutageWatch.class);

    private final long warnAfterMillis;
    private final LongSupplier clock;
    private final Map<TaskReader, Outage> outages = new ConcurrentHashMap<>();

    private static final class Outage {
        private final long since;
        private volatile String lastError;
        private boolean warned;

        private Outage(long since) {
            this.since = since;
        }
    }

    public OutageWatch(long warnAfterMillis, LongSupplier clock) {
        this.warnAfterMillis = warnAfterMillis;
        this.clock = clock;
    }

    /** A read through {@code reader} of {@code tasks} tasks failed for a passing reason; they are read again. */
    void readFailed(TaskReader reader, Throwable error, int tasks) {
        long now = clock.getAsLong();
        Outage outage = outages.computeIfAbsent(reader, r -> new Outage(now));
        outage.lastError = String.valueOf(error.getMessage());
        boolean warn;
        synchronized (outage) {
            warn = !outage.warned && now - outage.since >= warnAfterMillis;
            outage.warned |= warn;
        }
        if (warn) {
            LOG.warn("EvoLink has not answered the reads of waiting tasks for {} s ({} tasks in the last read); they "
                    + "are read again until it does or their maxWaitTime passes. Last error: {}",
                    (now - outage.since) / 1000, tasks, outage.lastError);
        }
    }

    /** EvoLink answered a read through {@code reader}: any outage of it is over. */
    void readAnswered(TaskReader reader) {
        Outage outage = outages.remove(reader);
        if (outage != null && outage.warned) {
            LOG.info("EvoLink answers the reads of waiting tasks again, after {} s",
                    (clock.getAsLong() - outage.since) / 1000);
        }
    }

    /** Whether the last read of some reader failed for a passing reason: an outage may be starting. */
    public boolean anyFailing() {
        return !outages.isEmpty();
    }

    /** What is wrong with reads through {@code reader} once they have failed for {@code warnAfterMillis}, else empty. */
    public Optional<String> outage(TaskReader reader) {
        Outage outage = outages.get(reader);
        if (outage == null || clock.getAsLong() - outage.since < warnAfterMillis) {
            return Optional.empty();
        }
        return Optional.of("EvoLink has not answered reads for " + (clock.getAsLong() - outage.since) / 1000
                + " s; last error: " + outage.lastError);
    }
}
