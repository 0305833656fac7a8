package org.camelevolink.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The report's PNG plots: one figure against N, one line of medians per scenario with a min–max bar per point. */
final class Charts {

    /** A plot's file name, title, y-axis label and the figure it shows. */
    record Plot(String file, String title, String yLabel, boolean logY, ToDoubleFunction<ScenarioResult> figure) {
    }

    static final List<Plot> PLOTS = List.of(
            new Plot("bench-requests-per-task.png", "HTTP requests per task", "requests per task", true,
                    ScenarioResult::requestsPerTask),
            new Plot("bench-p95-latency.png", "p95 detection latency", "ms after the task's true end", true,
                    ScenarioResult::latencyP95Millis),
            new Plot("bench-cpu-per-task.png", "CPU time per task (the scenario's threads)", "µs per task", true,
                    ScenarioResult::cpuMicrosPerTask),
            new Plot("bench-heap-per-task.png", "Live heap per task in flight", "bytes per task", true,
                    r -> r.heapBytesPerTask() <= 0 ? Double.NaN : r.heapBytesPerTask()),
            new Plot("bench-threads.png", "Peak live threads", "threads above baseline", false,
                    r -> r.peakThreads()));

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0x393b79), new Color(0x637939), new Color(0x8c6d31), new Color(0x843c39), new Color(0x7b4173)};

    private Charts() {
    }

    static void write(List<ScenarioResult> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Cell> cells = Cell.of(results).stream().filter(c -> c.role() != Scenario.Role.SATURATION).toList();
        for (Plot plot : PLOTS) {
            BitmapEncoder.saveBitmap(chart(cells, plot), dir.resolve(plot.file()).toString(),
                    BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static XYChart chart(List<Cell> cells, Plot plot) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(plot.title())
                .xAxisTitle("tasks in flight (N)").yAxisTitle(plot.yLabel()).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(plot.logY());
        chart.getStyler().setMarkerSize(7);
        List<String> ids = cells.stream().map(Cell::id).distinct().toList();
        for (int s = 0; s < ids.size(); s++) {
            String id = ids.get(s);
            Color color = PALETTE[s % PALETTE.length];
            List<Cell> byN = cells.stream().filter(c -> c.id().equals(id) && !Double.isNaN(c.median(plot.figure())))
                    .sorted(Comparator.comparingInt(Cell::tasks)).toList();
            if (byN.isEmpty()) {
                continue;
            }
            XYSeries line = chart.addSeries(id, byN.stream().mapToDouble(Cell::tasks).toArray(),
                    byN.stream().mapToDouble(c -> floor(plot, c.median(plot.figure()))).toArray());
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineColor(color);
            line.setMarkerColor(color);
            for (Cell c : byN) {
                Cell.Spread spread = c.spread(plot.figure());
                if (spread.max() > spread.min()) {
                    // a min–max bar: a two-point series at the cell's N, in the line's colour, not in the legend
                    XYSeries bar = chart.addSeries(id + " @" + c.tasks(), new double[] {c.tasks(), c.tasks()},
                            new double[] {floor(plot, spread.min()), floor(plot, spread.max())});
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(color);
                    bar.setShowInLegend(false);
                }
            }
        }
        return chart;
    }

    /** A log axis takes no zero. */
    private static double floor(Plot plot, double v) {
        return plot.logY() ? Math.max(0.01, v) : v;
    }
}
