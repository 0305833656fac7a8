package org.camelevolink.component.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongSupplier;

/**
 * A node's threads, heap (after a full GC) and statements run, now and at their peak, written once a second as
 * {@code threads heap peakThreads peakHeap statements} for the scale run to read.
 */
final class ScaleStats {

    private ScaleStats() {
    }

    static void writeEverySecond(Path file, LongSupplier statements) {
        Thread writer = new Thread(() -> {
            long maxThreads = 0;
            long maxHeap = 0;
            while (true) {
                System.gc();
                long threads = ManagementFactory.getThreadMXBean().getThreadCount();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                maxThreads = Math.max(maxThreads, threads);
                maxHeap = Math.max(maxHeap, heap);
                try {
                    Path next = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(next, threads + " " + heap + " " + maxThreads + " " + maxHeap + " "
                            + statements.getAsLong() + "\n");
                    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    Thread.sleep(1_000);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "scale-stats");
        writer.setDaemon(true);
        writer.start();
    }
}
