package org.camelevolink.component.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default store under SIGKILL at random instants: a writer process saves records as fast as it can and is killed
 * after a random delay, half of the time while CPU hogs compete for the cores; after every kill the file must open
 * and hold every save the writer acknowledged. {@code -Devolink.stress.kills=N} sets the number of kills (20 in the
 * default build; {@code docs/reliability.md} gives the figures of a long run).
 */
class StoreKillStressTest {

    private static final int KILLS = Integer.getInteger("evolink.stress.kills", 20);

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedSaveIsLostAcrossRandomKills() throws Exception {
        Path file = dir.resolve("tasks.mv");
        Random random = new Random(Long.getLong("evolink.stress.seed", System.nanoTime()));
        Set<String> acknowledged = new HashSet<>();
        int next = 0;
        int hogged = 0;
        long started = System.nanoTime();
        for (int kill = 0; kill < KILLS; kill++) {
            boolean hog = kill % 2 == 1;
            hogged += hog ? 1 : 0;
            List<Thread> hogs = hog ? startHogs() : List.of();
            try {
                next = writeAndKill(file, next, random.nextInt(400), acknowledged);
            } finally {
                hogs.forEach(Thread::interrupt);
            }
            MVStoreTaskStore reopened = new MVStoreTaskStore(file);
            reopened.start();
            try {
                for (String key : acknowledged) {
                    TaskRecord r = reopened.find(key).orElseThrow(() -> new AssertionError(
                            key + " lost after kill " + file));
                    assertThat(r.state()).as(key).isEqualTo(TaskState.WAITING);
                }
            } finally {
                reopened.stop();
            }
        }
        System.out.printf("store kill stress: %d SIGKILLs (%d with CPU hogs), %d acknowledged saves, 0 lost, %d s%n",
                KILLS, hogged, acknowledged.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertThat(acknowledged).hasSizeGreaterThan(KILLS);
    }

    /**
     * The first start of an empty folder killed at instants spread over the store's creation (from just before the
     * open to well after the first saves): every folder must start again, with whatever saves were acknowledged.
     */
    @Test
    void aKillDuringTheFirstStartLeavesAFolderThatStartsAgain() throws Exception {
        int kills = Math.max(10, KILLS);
        Map<String, Integer> leftBehind = new TreeMap<>();
        for (int kill = 0; kill < kills; kill++) {
            Path file = dir.resolve("first-" + kill).resolve("tasks.mv");
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Process writer = writer(file, 0);
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()));
            assertThat(out.readLine()).isEqualTo("STARTING");
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("SAVED ")) {
                            acknowledged.add(line.substring(6));
                        }
                    }
                } catch (IOException closedByTheKill) {
                    // what was read before the kill is what the writer acknowledged
                }
            });
            reader.start();
            Thread.sleep(kill * 150L / kills); // 0 to 150 ms into the first start
            writer.destroyForcibly().waitFor();
            reader.join();
            boolean marked = Files.exists(file.resolveSibling("tasks.mv.created"));
            leftBehind.merge((Files.exists(file) ? "file" : "no file") + (marked ? " + marker" : "")
                    + (acknowledged.isEmpty() ? "" : " + saves"), 1, Integer::sum);
            MVStoreTaskStore again = new MVStoreTaskStore(file);
            again.start(); // throws when the folder refuses to start
            try {
                for (String key : acknowledged) {
                    assertThat(again.find(key)).as(key + " after a kill %d ms into the first start", kill * 150 / kills)
                            .isPresent();
                }
            } finally {
                again.stop();
            }
        }
        System.out.printf("first-start kills: %d, each folder started again; left behind: %s%n", kills, leftBehind);
    }

    private static Process writer(Path file, int first) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), file.toString(),
                String.valueOf(first)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Starts a writer from record {@code first}, kills it {@code delayMillis} after its first save; returns the next free number. */
    private static int writeAndKill(Path file, int first, int delayMillis, Set<String> acknowledged) throws Exception {
        Process writer = writer(file, first);
        int next = first;
        long killAt = Long.MAX_VALUE;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SAVED ")) {
                    String key = line.substring(6);
                    acknowledged.add(key);
                    next = Math.max(next, Integer.parseInt(key.substring(1)) + 1);
                    if (killAt == Long.MAX_VALUE) {
                        killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
                    }
                    if (System.nanoTime() >= killAt) {
                        writer.destroyForcibly(); // the lines after this one are lost with the pipe
                        break;
                    }
                }
            }
        } finally {
            writer.destroyForcibly().waitFor();
        }
        return next + 1; // the record being saved at the kill may or may not be there
    }

    private static List<Thread> startHogs() {
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    x += System.nanoTime() % 7;
                }
            }, "cpu-hog-" + i);
            t.setDaemon(true);
            t.start();
            hogs.add(t);
        }
        return hogs;
    }
}
