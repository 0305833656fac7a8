package org.camelevolink.benchmarks;

import org.camelevolink.component.tracking.WaitPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import static org.camelevolink.benchmarks.Goals.CPU_GOAL;
import static org.camelevolink.benchmarks.Goals.FLOOR_GOAL;
import static org.camelevolink.benchmarks.Goals.LATENCY_GOAL;
import static org.camelevolink.benchmarks.Goals.REQUESTS_GOAL;
import static org.camelevolink.benchmarks.Goals.THREAD_SLACK;
import static org.camelevolink.benchmarks.Goals.ratio;
import static org.camelevolink.component.client.BatchReads.MAX_BATCH;
import static org.camelevolink.component.tracking.TaskTracker.CALLBACK_GATHER_MILLIS;
import static org.camelevolink.component.tracking.WaitPolicy.FIRST_READ_SHARE;
import static org.camelevolink.component.tracking.WaitPolicy.MAX_COALESCE_MILLIS;
import static org.camelevolink.component.tracking.WaitPolicy.MIN_COALESCE_MILLIS;
import static org.camelevolink.component.tracking.WaitPolicy.STEP_SHARE;

/**
 * For every design goal the page marks missed, why it misses and what would close it, computed from the run's
 * figures: requests split by endpoint against the baseline's and the floor's, latency against the baselines that
 * differ only in their first read or in hearing callbacks (and a callback's sender and receiver delays), CPU by the
 * thread group that dominates it and the file store's share (a against a-mem), threads by the group that grew.
 * The component's levers it names are those of its read schedule ({@code WaitPolicy}, {@code TaskTracker},
 * {@code BatchReads}), named by the component's own constants; the goals and what they are checked against are
 * {@link Goals}', as in the goals table.
 */
final class MissedGoalNotes {

    /** One missed goal of one cell, explained. */
    record Note(String id, int tasks, String goal, String text) {
    }

    private final List<Cell> cells;
    private final Goals goals;
    private final BenchSettings settings;

    MissedGoalNotes(List<Cell> cells, BenchSettings settings) {
        this.cells = cells;
        this.goals = new Goals(cells);
        this.settings = settings;
    }

    /** The section's lines, notes grouped by scenario; nothing when every goal is met. */
    List<String> lines() {
        List<Note> notes = notes();
        List<String> out = new ArrayList<>();
        if (notes.isEmpty()) {
            return out;
        }
        out.add("### Why the missed goals miss, and what would close them");
        out.add("");
        out.add("Computed from the figures above. The component's schedule: first read at " + FIRST_READ_SHARE
                + " × `estimated_time` (`WaitPolicy.FIRST_READ_SHARE`), then every " + pct(STEP_SHARE)
                + " of the running time (`STEP_SHARE`) within `minPollInterval`=" + settings.minPollMillis()
                + " and `maxPollInterval`=" + settings.maxPollMillis() + " ms; reads due within "
                + coalesceMillis() + " ms of each other (`WaitPolicy.coalesceMillis()`, a quarter of"
                + " `minPollInterval` within " + MIN_COALESCE_MILLIS + "–" + MAX_COALESCE_MILLIS + " ms) share a"
                + " batch of up to " + MAX_BATCH + " ids"
                + " (`BatchReads.MAX_BATCH`); a callback's read waits " + CALLBACK_GATHER_MILLIS + " ms for others"
                + " (`TaskTracker.CALLBACK_GATHER_MILLIS`).");
        out.add("");
        notes.stream().map(Note::id).distinct().forEach(id -> {
            out.add("**" + id + "**");
            out.add("");
            notes.stream().filter(n -> n.id().equals(id)).forEach(n -> out.add("- N = "
                    + String.format(Locale.ROOT, "%,d", n.tasks()) + ", *" + n.goal() + "*: " + n.text()));
            out.add("");
        });
        return out;
    }

    /** Every missed goal of every component cell, in the order of the goals table. */
    List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        for (int n : taskCounts()) {
            for (Cell c : at(n).stream().filter(x -> x.role() == Scenario.Role.COMPONENT).toList()) {
                goals.bestBaseline(n, ScenarioResult::requestsPerTask).filter(b -> ratio(c, b,
                        ScenarioResult::requestsPerTask) > REQUESTS_GOAL).ifPresent(b -> notes.add(note(c, "requests",
                        requests(c, b))));
                goals.bestBaseline(n, ScenarioResult::latencyP95Millis).filter(b -> ratio(c, b,
                        ScenarioResult::latencyP95Millis) > LATENCY_GOAL).ifPresent(b -> notes.add(note(c,
                        "p95 latency", latency(c, b))));
                goals.bestBaseline(n, ScenarioResult::cpuMicrosPerTask).filter(b -> ratio(c, b,
                        ScenarioResult::cpuMicrosPerTask) > CPU_GOAL).ifPresent(b -> notes.add(note(c, "CPU",
                        cpu(c, b))));
                if (!goals.threadsConstant(c.id())) {
                    notes.add(note(c, "threads", threads(c.id())));
                }
                goals.floorFor(c).filter(f -> ratio(c, f, ScenarioResult::requestsPerTask) > FLOOR_GOAL)
                        .ifPresent(f -> notes.add(note(c, "vs floor", floor(c, f))));
            }
        }
        return notes;
    }

    private static Note note(Cell c, String goal, String text) {
        return new Note(c.id(), c.tasks(), goal, text);
    }

    // ---- requests

    private String requests(Cell c, Cell best) {
        double target = REQUESTS_GOAL * req(best);
        StringBuilder s = new StringBuilder(f2(req(c)) + " requests/task (" + split(c) + ") against " + best.id()
                + "'s " + f2(req(best)) + " (" + split(best) + "), goal ≤ " + f2(target) + ".");
        if (target < perTask(c, ScenarioResult::posts)) {
            s.append(" No client meets it here: every task costs its CREATE, ").append(f2(perTask(c,
                    ScenarioResult::posts))).append("/task, above the goal by itself; it leaves room only against a"
                    + " baseline above 2 requests/task").append(highestBaseline(c.tasks())).append(".");
        }
        s.append(' ').append(reads(c, req(best) - perTask(best, ScenarioResult::posts), best.id(), Double.NaN));
        return s.toString();
    }

    /**
     * What the cell's reads are made of, and the lever that would make fewer: to {@code allowed} reads a task, or
     * (NaN) to full batches.
     */
    private String reads(Cell c, double otherReads, String other, double allowed) {
        double reads = req(c) - perTask(c, ScenarioResult::posts);
        String head = "Its reads are " + f2(reads) + "/task against " + other + "'s " + f2(otherReads) + ": ";
        if (callbacks(c)) {
            double rate = arrivalsPerMilli(c.tasks());
            double gathered = rate * CALLBACK_GATHER_MILLIS;
            return head + "a callback proves nothing, so each brings a batch read forward; " + f2(gathered)
                    + " callbacks arrive within one " + CALLBACK_GATHER_MILLIS + " ms gather at this N's arrival"
                    + " rate, " + (gathered < 2 ? "so reads barely share a batch" : "about that many ids a batch")
                    + ". A longer `CALLBACK_GATHER_MILLIS` would share more, each ms of it added to the latency.";
        }
        if (perTask(c, ScenarioResult::gets) > perTask(c, ScenarioResult::batches)) {
            Optional<Cell> batched = cell(c.id().replace("-single", ""), c.tasks());
            return head + "single GETs, the simulator serving no batch endpoint, one per scheduled read"
                    + batched.map(b -> "; the same schedule with `POST /v1/tasks/batch` (" + b.id() + ") costs "
                    + f2(req(b)) + " requests/task").orElse("") + ". The batch endpoint is what closes it.";
        }
        Optional<Double> scheduled = cell(c.id().replace("-mem", "") + "-single", c.tasks())
                .map(s -> perTask(s, ScenarioResult::gets));
        double batches = perTask(c, ScenarioResult::batches);
        double together = arrivalsPerMilli(c.tasks()) * coalesceMillis();
        String fewerReads = "fewer reads before the end (a `FIRST_READ_SHARE` nearer 1, a larger `STEP_SHARE`),"
                + " paid in latency";
        String made = head + scheduled.map(r -> "the schedule reads each task " + f2(r) + " times (the GETs of the"
                + " run without the batch endpoint) and " + f2(batches) + " batches/task carry them, " + f1(r / batches)
                + " ids a batch of " + MAX_BATCH + ". ").orElse(f2(batches) + " batches/task. ")
                + "With this N's arrivals, " + f1(together) + " tasks' reads fall due within one " + coalesceMillis()
                + " ms coalescing window. ";
        if (scheduled.isPresent() && !Double.isNaN(allowed)) {
            double needed = scheduled.get() / allowed;
            if (needed > MAX_BATCH) {
                return made + "Within " + f2(allowed) + " reads/task, " + f2(scheduled.get()) + " reads need " + f0(
                        needed) + " ids a batch, more than the " + MAX_BATCH + " one holds: coalescing alone cannot"
                        + " close it; " + fewerReads + " (at most " + f1(MAX_BATCH * allowed) + " reads a task).";
            }
            return made + "Staying within " + f2(allowed) + " reads/task needs " + f1(needed) + " ids a batch: a window of"
                    + " about " + f0(coalesceMillis() * needed / (scheduled.get() / batches)) + " ms (scaled from"
                    + " the ids the " + coalesceMillis() + " ms window gathers; `minPollInterval` 4× that, the"
                    + " window capped at " + MAX_COALESCE_MILLIS + " ms), or " + fewerReads + ".";
        }
        double full = MAX_BATCH / arrivalsPerMilli(c.tasks());
        return made + (full > MAX_COALESCE_MILLIS ? "Full batches would need a window of " + f0(full) + " ms, past the "
                + MAX_COALESCE_MILLIS + " ms cap"
                + " (`MAX_COALESCE_MILLIS`): at this N only " + fewerReads + " would."
                : "Full batches need a window of " + f0(full) + " ms (`minPollInterval` ≈ " + f0(4 * full)
                + " ms), or " + fewerReads + ".");
    }

    private String floor(Cell c, Cell floor) {
        double allowed = FLOOR_GOAL * req(floor) - perTask(c, ScenarioResult::posts);
        String s = f2(req(c)) + " requests/task against " + floor.id() + "'s " + f2(req(floor)) + " (" + split(floor)
                + "), goal ≤ " + f2(FLOOR_GOAL * req(floor)) + ", so at most " + f2(allowed) + " reads/task. ";
        if (callbacks(c)) {
            if (allowed <= 0) {
                return s + "A task's CREATE alone is above it.";
            }
            // one verifying read per task, so the ids a batch are the inverse of the batches a task
            double needed = 1 / allowed;
            double measured = 1 / Math.max(perTask(c, ScenarioResult::batches), 1e-9);
            return s + floor.id() + " takes each callback's body unverified; the component reads every called-back"
                    + " task, because an unsigned callback proves nothing: that read is the design's price. Within"
                    + " it, its reads carry " + f1(measured) + " tasks a batch and " + f1(needed) + " would close it:"
                    + " a gather of about " + f0(CALLBACK_GATHER_MILLIS * needed / measured) + " ms instead of "
                    + CALLBACK_GATHER_MILLIS + " ms (`CALLBACK_GATHER_MILLIS`, scaled by the ids a batch it gathers),"
                    + " added to every callback's latency.";
        }
        if (perTask(c, ScenarioResult::gets) > perTask(c, ScenarioResult::batches)) {
            return s + "Without the batch endpoint every read is one GET and a task needs at least one, so no"
                    + " single-read schedule gets within it; the batch endpoint closes it ("
                    + cell(c.id().replace("-single", ""), c.tasks()).map(b -> b.id() + ": " + f2(req(b))
                    + " requests/task").orElse("not measured") + ").";
        }
        return s + floor.id() + " knows each task's end and reads it once, in batches of " + MAX_BATCH + ". "
                + reads(c, req(floor) - perTask(floor, ScenarioResult::posts), floor.id(), allowed);
    }

    // ---- latency

    private String latency(Cell c, Cell best) {
        String s = "p95 " + f0(p95(c)) + " ms against " + best.id() + "'s " + f0(p95(best)) + " ms. ";
        return s + (callbacks(c) ? callbackLatency(c, best) : pollingLatency(c, best));
    }

    private String pollingLatency(Cell c, Cell best) {
        int n = c.tasks();
        Optional<Cell> fromStart = cell("d1", n);
        Optional<Cell> firstReadLate = cell("d2", n);
        double early = shareBelow(FIRST_READ_SHARE);
        StringBuilder s = new StringBuilder();
        if (fromStart.isPresent() && firstReadLate.isPresent()) {
            double d1 = p95(fromStart.get());
            double d2 = p95(firstReadLate.get());
            boolean firstRead = Math.abs(p95(c) - d2) <= Math.abs(p95(c) - d1);
            s.append("d2, reading first at ").append(FIRST_READ_SHARE).append(" × `estimated_time` like the"
                    + " component, has p95 ").append(f0(d2)).append(" ms; d1, reading from the start, ")
                    .append(f0(d1)).append(" ms").append(fromStart.get().anySaturated() ? " (saturated: its"
                    + " queue, not its cadence)" : "").append(". So the ").append(firstRead ? "wait for the first read" : "read"
                    + " interval").append(" dominates. ");
        }
        s.append(pct(early)).append(" of this load's tasks (log-normal, σ = ").append(LoadShape.SIGMA)
                .append(") end before ").append(FIRST_READ_SHARE).append(" × `estimated_time` = ")
                .append(f0(FIRST_READ_SHARE * settings.estimatedMillis())).append(" ms and wait for that read; its"
                + " p50, ").append(f0(c.median(ScenarioResult::latencyMedianMillis))).append(" ms, is the steps"
                + " after it (").append(pct(STEP_SHARE)).append(" of a median task's running time is ")
                .append(f0(STEP_SHARE * settings.estimatedMillis())).append(" ms). ");
        Optional<Cell> callback = cell("c", n);
        if (best.median(ScenarioResult::callbacks) > 0) {
            s.append(best.id()).append(" hears callbacks, which no polling schedule matches short of reading every"
                    + " task every ").append(f0(p95(best))).append(" ms; what closes it is the component's callbacks"
                    + " (`callbackBaseUrl`)").append(callback.map(cb -> ": c has p95 " + f0(p95(cb)) + " ms here")
                    .orElse("")).append(".");
        } else {
            s.append("A `FIRST_READ_SHARE` nearer 0 would close it, at the reads of a fixed cadence before the end")
                    .append(fromStart.map(d -> " (d1: " + f2(req(d)) + " requests/task)").orElse("")).append(".");
        }
        return s.toString();
    }

    private String callbackLatency(Cell c, Cell best) {
        double sent = c.median(ScenarioResult::callbackSendP95Millis);
        double answered = c.median(ScenarioResult::callbackAnswerP95Millis);
        double after = Math.max(0, p95(c) - sent - answered);
        String split = "Roughly " + f0(sent) + " ms is the simulator's sending (p95 after the task's end), " + f0(answered)
                + " ms the receiver's answer (p95 after sending) and " + f0(after) + " ms what follows it";
        String bestSplit = best.median(ScenarioResult::callbacks) > 0 ? " (" + best.id() + ": " + f0(best.median(
                ScenarioResult::callbackSendP95Millis)) + ", " + f0(best.median(ScenarioResult::callbackAnswerP95Millis))
                + ", " + f0(Math.max(0, p95(best) - best.median(ScenarioResult::callbackSendP95Millis) - best.median(
                ScenarioResult::callbackAnswerP95Millis))) + ")" : "";
        String why;
        if (sent >= answered && sent >= after) {
            why = "The sender dominates: the simulator's callback delivery, the same code for every scenario, sharing"
                    + " the JVM and its two cores with the component (" + f0(cpu(c)) + " µs/task of CPU against "
                    + best.id() + "'s " + f0(cpu(best)) + "); no schedule of the component's closes it, less CPU"
                    + " (below) would leave the sender more, and the simulator in a JVM of its own would tell"
                    + " contention from cost.";
        } else if (answered >= after) {
            Optional<Cell> mem = cell(c.id() + "-mem", c.tasks());
            why = "The receiver's answer dominates: it looks the callback's token up on the store threads"
                    + " (`EvolinkTaskStore`, `storeThreads`) before answering" + mem.map(m -> "; with the in-memory"
                    + " store (" + m.id() + ") that answer's p95 is " + f0(m.median(
                    ScenarioResult::callbackAnswerP95Millis)) + " ms, so the file store's commits are what delay it")
                    .orElse("") + ".";
        } else {
            why = "What follows the answer dominates: the read waits " + CALLBACK_GATHER_MILLIS + " ms"
                    + " (`CALLBACK_GATHER_MILLIS`) for other callbacks, then the verifying batch read and the save of"
                    + " the outcome; a shorter gather closes up to " + CALLBACK_GATHER_MILLIS + " ms of it, paid in"
                    + " reads.";
        }
        return split + bestSplit + ". " + why;
    }

    // ---- CPU

    private String cpu(Cell c, Cell best) {
        ScenarioResult run = c.medianRun();
        Map<String, Long> groups = run.cpuNanosByGroup();
        double target = CPU_GOAL * cpu(best);
        String s = f0(cpu(c)) + " µs/task against " + best.id() + "'s " + f0(cpu(best)) + ", goal ≤ " + f0(target)
                + ". ";
        Optional<Map.Entry<String, Long>> top = groups.entrySet().stream().max(Map.Entry.comparingByValue());
        if (top.isEmpty()) {
            return s + "No thread group was measured.";
        }
        String group = top.get().getKey();
        double groupMicros = top.get().getValue() / 1e3 / run.tasks();
        double rest = run.cpuMicrosPerTask() - groupMicros;
        s += "`" + group + "` dominates: " + f0(groupMicros) + " µs/task, " + pct(groupMicros / run.cpuMicrosPerTask())
                + " of it (median-CPU run), " + cause(group, c) + ". Without it " + f0(rest) + " µs/task would be"
                + " left, " + (rest <= target ? "within the goal" : "still above the goal") + ".";
        Optional<Cell> mem = c.id().contains("-") ? Optional.empty() : cell(c.id() + "-mem", c.tasks());
        if (mem.isPresent()) {
            s += " The file store costs " + f0(cpu(c) - cpu(mem.get())) + " µs/task (" + c.id() + " against "
                    + mem.get().id() + ").";
        }
        Optional<Cell> bare = at(c.tasks()).stream().filter(x -> x.role() == Scenario.Role.POLLING_FLOOR).findFirst();
        if (bare.isPresent() && cpu(bare.get()) > target) {
            s += " Even " + bare.get().id() + ", a bare async client without Camel or a store, takes "
                    + f0(cpu(bare.get())) + " µs/task here.";
        }
        return s;
    }

    /** What runs on a thread group, and what would make it cheaper. */
    private String cause(String group, Cell c) {
        if (group.contains("EvolinkTaskStore")) {
            return "the file store: `MVStoreTaskStore` commits every save (3 to 4 per task) on the store threads;"
                    + " fewer saves per task or commits shared across more saves would close it, the in-memory store"
                    + " does without durability";
        }
        if (group.startsWith("httpclient")) {
            return "the JDK HttpClient reading answers, which grows with requests (" + f2(req(c)) + "/task): fewer"
                    + " reads per task (see requests) cut it";
        }
        if (group.equals("main")) {
            return "the submit path on the caller's thread until it goes async (the request assembled, its JSON"
                    + " written, the send started, the record handed to the store)";
        }
        if (group.startsWith("vert.x")) {
            return "the HTTP server the callbacks arrive on (platform-http on Vert.x), one request per callback";
        }
        if (group.contains("EvolinkTaskTracker")) {
            return "the tracker's timer, scheduling reads and batching them";
        }
        if (group.contains("EvolinkWorker")) {
            return "the worker pool (`workerThreads`) continuing exchanges and delivering outcomes";
        }
        return "its own work";
    }

    // ---- threads

    private String threads(String id) {
        List<Cell> byN = cells.stream().filter(x -> x.id().equals(id)).sorted(Comparator.comparingInt(Cell::tasks))
                .toList();
        Cell small = byN.get(0);
        Cell large = byN.get(byN.size() - 1);
        Map<String, Integer> before = small.medianRun().peakThreadsByGroup();
        Map<String, Integer> after = large.medianRun().peakThreadsByGroup();
        String grown = after.keySet().stream().max(Comparator.comparingInt(g -> after.get(g) - before.getOrDefault(g,
                0))).orElse("?");
        int delta = after.getOrDefault(grown, 0) - before.getOrDefault(grown, 0);
        return f0(small.median(MarkdownReport.THREADS.value())) + " peak threads at N = " + small.tasks() + ", "
                + f0(large.median(MarkdownReport.THREADS.value())) + " at N = " + large.tasks() + " (at most "
                + THREAD_SLACK + " more allowed). The group that grew most in the median-CPU runs is `" + grown + "`"
                + " (" + (delta >= 0 ? "+" : "") + delta + "): " + (grown.startsWith("vert.x-worker")
                ? "Vert.x's worker pool, which starts threads on demand up to its size (20 by default) as callbacks"
                + " come in faster; a smaller pool for the callback server, or a receiver that blocks no worker, would"
                + " hold it" : grown.contains("EvolinkWorker") ? "the worker pool, bounded by `workerThreads`"
                : grown.contains("EvolinkTaskStore") ? "the store threads, bounded by `storeThreads`"
                : "a pool that starts threads on demand; bounding it would hold it") + ".";
    }

    // ---- figures

    private String split(Cell c) {
        String s = "CREATE " + f2(perTask(c, ScenarioResult::posts)) + ", TASK_GET " + f2(perTask(c,
                ScenarioResult::gets)) + ", TASK_BATCH " + f2(perTask(c, ScenarioResult::batches));
        double unrouted = perTask(c, ScenarioResult::unrouted);
        return unrouted > 0 ? s + ", unrouted " + f2(unrouted) : s;
    }

    private String highestBaseline(int n) {
        return at(n).stream().filter(x -> x.role() == Scenario.Role.BASELINE)
                .max(Comparator.comparingDouble(MissedGoalNotes::req))
                .map(b -> " (" + b.id() + ": " + f2(req(b)) + ")").orElse("");
    }

    private boolean callbacks(Cell c) {
        return c.median(ScenarioResult::callbacks) > 0;
    }

    /** Tasks arriving per ms on average: N over the arrival window (all at once: N in one ms). */
    private double arrivalsPerMilli(int n) {
        return settings.arrivals() == LoadShape.Arrivals.BURST ? n
                : n / (settings.arrivalWindow() * settings.estimatedMillis());
    }

    /** The component's coalescing window for this run's poll bounds (the wait's length does not enter it). */
    private long coalesceMillis() {
        return new WaitPolicy(settings.maxPollMillis(), settings.minPollMillis(), settings.maxPollMillis())
                .coalesceMillis();
    }

    private static double perTask(Cell c, ToDoubleFunction<ScenarioResult> count) {
        return c.median(r -> count.applyAsDouble(r) / r.tasks());
    }

    private static double req(Cell c) {
        return c.median(ScenarioResult::requestsPerTask);
    }

    private static double p95(Cell c) {
        return c.median(ScenarioResult::latencyP95Millis);
    }

    private static double cpu(Cell c) {
        return c.median(ScenarioResult::cpuMicrosPerTask);
    }

    private Optional<Cell> cell(String id, int n) {
        return at(n).stream().filter(x -> x.id().equals(id)).findFirst();
    }

    private List<Cell> at(int n) {
        return cells.stream().filter(x -> x.tasks() == n).sorted(Comparator.comparing(Cell::id)).toList();
    }

    private List<Integer> taskCounts() {
        return cells.stream().map(Cell::tasks).distinct().sorted().toList();
    }

    /** The share of this load's durations below {@code factor} × the estimate: a log-normal redrawn outside its bounds. */
    static double shareBelow(double factor) {
        double low = normalCdf(Math.log(LoadShape.MIN_FACTOR) / LoadShape.SIGMA);
        double high = normalCdf(Math.log(LoadShape.MAX_FACTOR) / LoadShape.SIGMA);
        double at = normalCdf(Math.log(Math.max(LoadShape.MIN_FACTOR, Math.min(LoadShape.MAX_FACTOR, factor)))
                / LoadShape.SIGMA);
        return (at - low) / (high - low);
    }

    /** Φ(x), Abramowitz–Stegun 7.1.26 (error below 1.5e-7): the share of a log-normal load below a factor. */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
