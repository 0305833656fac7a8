package org.camelevolink.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The design goals and what they are checked against, for the goals table and the notes on the goals it misses
 * alike: a component cell against the best baseline for each figure at its N, and against its floor.
 */
final class Goals {

    /** At most this share of the best baseline's requests per task. */
    static final double REQUESTS_GOAL = 0.5;
    /** At most this share of the best baseline's p95 detection latency. */
    static final double LATENCY_GOAL = 1.0;
    /** At most this share of the best baseline's CPU per task. */
    static final double CPU_GOAL = 0.5;
    /** At most this multiple of the floor's requests per task. */
    static final double FLOOR_GOAL = 1.2;
    /** Threads constant in N: at most this many more peak threads at the largest N than at the smallest. */
    static final int THREAD_SLACK = 2;

    private final List<Cell> cells;

    Goals(List<Cell> cells) {
        this.cells = cells;
    }

    /**
     * The baseline a figure is compared with at N: the lowest median of it among the hand-written baselines (not
     * the saturation run) with no failed run and a figure measured.
     */
    Optional<Cell> bestBaseline(int n, ToDoubleFunction<ScenarioResult> figure) {
        return at(n).stream().filter(c -> c.role() == Scenario.Role.BASELINE && c.invalidRuns() == 0)
                .filter(c -> !Double.isNaN(c.median(figure)))
                .min(Comparator.comparingDouble(c -> c.median(figure)));
    }

    /** The floor a cell's requests are compared with: the callback floor for c, the polling floor otherwise. */
    Optional<Cell> floorFor(Cell c) {
        Scenario.Role floor = c.id().startsWith("c") ? Scenario.Role.CALLBACK_FLOOR : Scenario.Role.POLLING_FLOOR;
        return at(c.tasks()).stream().filter(x -> x.role() == floor).findFirst();
    }

    /** Whether the scenario's peak threads at its largest N stay within {@link #THREAD_SLACK} of its smallest. */
    boolean threadsConstant(String id) {
        List<Cell> byN = cells.stream().filter(c -> c.id().equals(id)).sorted(Comparator.comparingInt(Cell::tasks))
                .toList();
        return byN.get(byN.size() - 1).median(MarkdownReport.THREADS.value())
                <= byN.get(0).median(MarkdownReport.THREADS.value()) + THREAD_SLACK;
    }

    /** The cell's median of a figure over the other cell's: the ratio each goal bounds. */
    static double ratio(Cell c, Cell base, ToDoubleFunction<ScenarioResult> figure) {
        return c.median(figure) / base.median(figure);
    }

    /** The cells at N by id: the same order, within a role, as the page's. */
    private List<Cell> at(int n) {
        return cells.stream().filter(c -> c.tasks() == n).sorted(Comparator.comparing(Cell::id)).toList();
    }
}
