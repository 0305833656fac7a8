package org.camelevolink.simulator.task;

import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.model.ValidatedRequest;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One task. Its status is derived from the clock until it is settled: pending for the first tenth of its
 * duration, then processing with rising progress, then settled once into completed or failed.
 */
public final class SimTask {

    /** The settled end of a task. */
    public record Terminal(String status, long atMillis, String errorCode, String errorMessage) {
        public boolean completed() {
            return "completed".equals(status);
        }
    }

    private final String id;
    private final String apiKey;
    private final ValidatedRequest request;
    private final long createdMillis;
    private final long durationMillis;
    private final double estimatedSeconds;
    private final double credits;
    private final SimTask source;
    private final List<Fault> faults;
    private final CompletableFuture<Map<String, BufferedImage>> inputs;
    private final AtomicReference<Terminal> terminal = new AtomicReference<>();
    private volatile int[] size;
    private volatile long linkExpiryMillis;
    private volatile long sequence;

    SimTask(String id, String apiKey, ValidatedRequest request, long createdMillis, long durationMillis,
            double estimatedSeconds, SimTask source, List<Fault> faults,
            CompletableFuture<Map<String, BufferedImage>> inputs) {
        this.id = id;
        this.apiKey = apiKey;
        this.request = request;
        this.createdMillis = createdMillis;
        this.durationMillis = durationMillis;
        this.estimatedSeconds = estimatedSeconds;
        this.credits = request.credits();
        this.source = source;
        this.faults = List.copyOf(faults);
        this.inputs = inputs;
    }

    public String id() {
        return id;
    }

    public String apiKey() {
        return apiKey;
    }

    public ValidatedRequest request() {
        return request;
    }

    public String model() {
        return request.spec().id();
    }

    public String operation() {
        return request.spec().operation();
    }

    public long createdMillis() {
        return createdMillis;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public double estimatedSeconds() {
        return estimatedSeconds;
    }

    public double credits() {
        return credits;
    }

    /** The task this follow-up works on, or null. */
    public SimTask source() {
        return source;
    }

    /** The input images read so far; empty while they are read or when one could not be read. */
    public Map<String, BufferedImage> inputs() {
        return inputs == null || !inputs.isDone() || inputs.isCompletedExceptionally() ? Map.of() : inputs.join();
    }

    CompletableFuture<Map<String, BufferedImage>> inputsFuture() {
        return inputs;
    }

    public boolean has(FaultKind kind) {
        return fault(kind) != null;
    }

    public Fault fault(FaultKind kind) {
        return faults.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
    }

    public Terminal terminal() {
        return terminal.get();
    }

    /** Order of registration: breaks ties between tasks created within the same millisecond. */
    long sequence() {
        return sequence;
    }

    void sequence(long sequence) {
        this.sequence = sequence;
    }

    /** Settles the task; only the first call wins. */
    boolean settle(Terminal end) {
        return terminal.compareAndSet(null, end);
    }

    /** Width and height of every result image, known once the inputs are read. */
    public int[] size() {
        return size;
    }

    void size(int[] size) {
        this.size = size;
    }

    /** Images the completed task returns: fewer than planned when moderation filtered some. */
    public int resultCount() {
        Fault moderated = fault(FaultKind.MODERATED);
        return moderated != null ? Math.min(moderated.images(), request.results()) : request.results();
    }

    public long linkExpiryMillis() {
        return linkExpiryMillis;
    }

    void linkExpiryMillis(long at) {
        this.linkExpiryMillis = at;
    }

    /** Status at {@code now}: a settled task answers its end, an unsettled one what the clock says. */
    public String statusAt(long now) {
        Terminal end = terminal.get();
        if (end != null) {
            return end.status();
        }
        return now - createdMillis < durationMillis / 10 ? "pending" : "processing";
    }

    public int progressAt(long now) {
        Terminal end = terminal.get();
        if (end != null) {
            return end.completed() ? 100 : 0;
        }
        long elapsed = now - createdMillis;
        if (elapsed < durationMillis / 10) {
            return 0;
        }
        return (int) Math.max(1, Math.min(99, elapsed * 100 / Math.max(1, durationMillis)));
    }

    /** Seconds left by the estimate, on the simulator's time scale. */
    public double remainingEstimateAt(long now) {
        return Math.max(0, estimatedSeconds - (now - createdMillis) / 1000.0);
    }

    @Override
    public String toString() {
        return "SimTask[" + id + ", " + model() + ", " + statusAt(System.currentTimeMillis()) + "]";
    }
}
