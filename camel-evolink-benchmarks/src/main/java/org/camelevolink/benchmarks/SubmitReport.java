package org.camelevolink.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The page's section on scenario s, submit throughput and the rate limit; every sentence with a figure computed. */
final class SubmitReport {

    private final SubmitResults results;
    private final StringBuilder md = new StringBuilder();

    SubmitReport(SubmitResults results) {
        this.results = results;
    }

    String render() {
        line("## Submit throughput and the rate limit (s)");
        line("");
        line("One route, `from(\"direct:submit\").to(\"evolink:mj-v7?waitForCompletion=false\")`: an exchange is done"
                + " when its paid submit is answered and recorded in the task store. Callers are threads sending"
                + " with a `ProducerTemplate`, each its next task once the last is done; " + results.submits()
                + " submits per run, every cell " + repetitions() + " times in shuffled order after a warm-up of "
                + Math.min(SubmitThroughput.WARM_UP_SUBMITS, results.submits()) + " per submitter. The baseline is"
                + " the JDK HttpClient POSTing the same bodies (no store, no validation, no retry). Latency is the"
                + " caller's, from the send to the exchange done; the simulator records no answer time, so the bare"
                + " POST's latency stands for loopback plus the simulator.");
        line("");
        line("| submitter | callers | submits/s | vs bare POST | latency p50 / p95 / p99 ms | errors |");
        line("|---|---|---|---|---|---|");
        for (String submitter : submitters()) {
            for (int callers : SubmitThroughput.CALLERS) {
                List<SubmitResults.Throughput> cell = cell(submitter, callers);
                if (cell.isEmpty()) {
                    continue;
                }
                line("| " + submitter + " | " + callers + " | " + spread(cell, SubmitResults.Throughput::perSecond,
                        "%.0f") + " | " + ratio(submitter, callers) + " | " + spread(cell,
                        SubmitResults.Throughput::p50Millis, "%.2f") + " / " + spread(cell,
                        SubmitResults.Throughput::p95Millis, "%.2f") + " / " + spread(cell,
                        SubmitResults.Throughput::p99Millis, "%.2f") + " | "
                        + cell.stream().mapToLong(SubmitResults.Throughput::errors).sum() + " |");
            }
        }
        line("");
        summary();
        rateLimit();
        return md.toString();
    }

    private void summary() {
        int most = SubmitThroughput.CALLERS[SubmitThroughput.CALLERS.length - 1];
        Optional<Double> file = median(EvolinkSubmitRoute.FILE_STORE_ID, most, SubmitResults.Throughput::perSecond);
        Optional<Double> mem = median(EvolinkSubmitRoute.IN_MEMORY_ID, most, SubmitResults.Throughput::perSecond);
        Optional<Double> bare = median(BareHttpSubmitter.ID, most, SubmitResults.Throughput::perSecond);
        if (file.isEmpty() || mem.isEmpty() || bare.isEmpty()) {
            return;
        }
        double fileP50 = median(EvolinkSubmitRoute.FILE_STORE_ID, 1, SubmitResults.Throughput::p50Millis).orElse(Double.NaN);
        double memP50 = median(EvolinkSubmitRoute.IN_MEMORY_ID, 1, SubmitResults.Throughput::p50Millis).orElse(Double.NaN);
        line("With " + most + " callers one route sustains " + fmt(file.get(), "%.0f") + " submits/s with the file"
                + " store (" + fmt(file.get() / bare.get(), "%.2f") + "× the bare POST's " + fmt(bare.get(), "%.0f")
                + "/s) and " + fmt(mem.get(), "%.0f") + "/s with the in-memory store (" + fmt(mem.get() / bare.get(),
                "%.2f") + "×). From one caller, the file store's median submit takes " + fmt(fileP50, "%.2f")
                + " ms against " + fmt(memP50, "%.2f") + " ms in memory" + (fileP50 > memP50 ? ": "
                + fmt(fileP50 - memP50, "%.2f") + " ms for its writes before and after the POST." : "; the file"
                + " store's writes do not show at the median here."));
        line("");
    }

    private void rateLimit() {
        if (results.rateLimited().isEmpty()) {
            return;
        }
        SubmitResults.RateLimited first = results.rateLimited().get(0);
        line("### Under the rate limit");
        line("");
        line(String.format(Locale.ROOT, "%,d", first.tasks()) + " tasks through the same route (file store) from "
                + first.callers() + " callers, against a simulator that allows the key " + fmt(first.limitPerSecond(),
                "%.0f") + " requests/s with a burst of " + first.burst() + " and answers 429 with `Retry-After` (whole"
                + " seconds) beyond; its token bucket counts real seconds, whatever the time scale. The component"
                + " re-sends a 429'd submit up to `maxSubmitRetries` times, with the same `Idempotency-Key`, after"
                + " the longer of its backoff (500 ms doubling) and `Retry-After`. Paid submits are the simulator's"
                + " charged ones.");
        line("");
        line("| maxSubmitRetries | 429s | retries sent | paid submits | ended with a task id | ended with an error |"
                + " lost | one paid submit per task id | time s | paid submits/s vs limit |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (SubmitResults.RateLimited r : results.rateLimited()) {
            line("| " + r.maxSubmitRetries() + (r.defaultRetries() ? " (default)" : "") + " | " + r.rateLimited()
                    + " | " + r.retries() + " | " + r.charged() + " | " + r.ids() + " | " + errors(r) + " | "
                    + r.lost() + " | " + (r.charged() == r.ids() ? "yes" : "**no**") + " | "
                    + fmt(r.wallSeconds(), "%.1f") + " | " + fmt(r.effectiveRate(), "%.1f") + " ("
                    + fmt(r.effectiveRate() / r.limitPerSecond() * 100, "%.0f") + "%) |");
        }
        line("");
        for (SubmitResults.RateLimited r : results.rateLimited()) {
            line("- `maxSubmitRetries=" + r.maxSubmitRetries() + "`: " + (r.errorCount() == 0
                    ? "every task was submitted"
                    : r.errorCount() + " of " + r.tasks() + " exchanges (" + fmt(100.0 * r.errorCount() / r.tasks(),
                    "%.1f") + "%) failed with " + String.join(", ", r.errors().keySet()) + " after their retries, and"
                    + " were not paid") + "; " + (r.charged() == r.ids() ? "each task id was paid exactly once"
                    : "paid submits (" + r.charged() + ") differ from task ids (" + r.ids() + ")") + (r.lost() == 0
                    ? ", no exchange was lost" : ", " + r.lost() + " exchanges ended with neither") + ". "
                    + fmt((double) r.rateLimited() / Math.max(1, r.posts()) * 100, "%.0f") + "% of the "
                    + r.posts() + " POSTs were answered 429; caller latency p50 " + fmt(r.p50Millis(), "%.0f")
                    + " ms, p99 " + fmt(r.p99Millis(), "%.0f") + " ms." + (r.reads() > 0 ? " " + r.reads()
                    + " task reads shared the bucket." : ""));
        }
        double rate = results.rateLimited().stream().mapToDouble(SubmitResults.RateLimited::effectiveRate).max()
                .orElse(0);
        if (rate < 0.8 * first.limitPerSecond()) {
            line("- At best " + fmt(rate, "%.1f") + " paid submits/s, " + fmt(rate / first.limitPerSecond() * 100,
                    "%.0f") + "% of the limit" + (Math.abs(rate - first.burst()) <= 0.25 * first.burst()
                    ? ", about the burst (" + first.burst() + ") per second: the callers refused together wait the"
                    + " same `Retry-After` and come back together, the bucket holds at most the burst, and the"
                    + " rest are refused again" : "") + ". A route pacing its submits below the limit (Camel's `throttle`) is not"
                    + " measured here.");
        }
        line("");
    }

    private static String errors(SubmitResults.RateLimited r) {
        return r.errorCount() == 0 ? "0" : r.errors().entrySet().stream().map(e -> e.getValue() + " `" + e.getKey()
                + "`").reduce((a, b) -> a + ", " + b).orElse("0");
    }

    private String ratio(String submitter, int callers) {
        if (submitter.equals(BareHttpSubmitter.ID)) {
            return "1";
        }
        Optional<Double> own = median(submitter, callers, SubmitResults.Throughput::perSecond);
        Optional<Double> bare = median(BareHttpSubmitter.ID, callers, SubmitResults.Throughput::perSecond);
        return own.isPresent() && bare.isPresent() ? fmt(own.get() / bare.get(), "%.2f") + "×" : "–";
    }

    private List<String> submitters() {
        return results.throughput().stream().map(SubmitResults.Throughput::submitter).distinct().sorted().toList();
    }

    private List<SubmitResults.Throughput> cell(String submitter, int callers) {
        return results.throughput().stream().filter(t -> t.submitter().equals(submitter) && t.callers() == callers)
                .toList();
    }

    private int repetitions() {
        return results.throughput().stream().mapToInt(SubmitResults.Throughput::repetition).max().orElse(0);
    }

    private Optional<Double> median(String submitter, int callers, ToDoubleFunction<SubmitResults.Throughput> f) {
        double[] v = cell(submitter, callers).stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Optional.empty() : Optional.of(ScenarioRunner.percentile(v, 0.5));
    }

    private String spread(List<SubmitResults.Throughput> cell, ToDoubleFunction<SubmitResults.Throughput> f,
            String pattern) {
        double[] v = cell.stream().mapToDouble(f).sorted().toArray();
        String median = fmt(ScenarioRunner.percentile(v, 0.5), pattern);
        return v.length < 2 ? median : median + " [" + fmt(v[0], pattern) + "–" + fmt(v[v.length - 1], pattern) + "]";
    }

    private static String fmt(double v, String pattern) {
        return String.format(Locale.ROOT, pattern, v);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
