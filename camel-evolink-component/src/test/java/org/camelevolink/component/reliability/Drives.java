package org.camelevolink.component.reliability;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static org.camelevolink.component.Waiting.waitingFor;

/** Sends a fault matrix row's logical request the way its {@link FaultCase.Drive} says. */
final class Drives {

    /** More than the longest link lifetime (V8.x: 30 days) at any time scale the tests use. */
    private static final long PAST_EVERY_LINK = Duration.ofDays(31).toMillis();

    private Drives() {
    }

    static void drive(FaultCase.Drive drive, String key, Rig rig, EvolinkSimulator sim) {
        switch (drive) {
            case PLAIN -> rig.send(key, "a lighthouse for " + key);
            case IMAGE_BODY -> rig.send(key, png());
            case SENT_TWICE -> sentTwice(key, rig, sim);
            case EXPIRED_LINK -> expiredLink(key, rig, sim);
        }
    }

    /** The first send's task never ends by itself; the resend reads it (GET), then the test finishes it. */
    private static void sentTwice(String key, Rig rig, EvolinkSimulator sim) {
        rig.send(key, "a lighthouse for " + key);
        waitingFor("the first send's task to be known").atMost(Invariants.LIMIT)
                .until(() -> rig.probe().undelivered().stream().anyMatch(r -> r.taskId() != null));
        String taskId = paidTask(sim);
        rig.send(key, "a lighthouse for " + key);
        waitingFor("the resend's read").atMost(Invariants.LIMIT).until(() -> !sim.journal(Endpoint.TASK_GET).isEmpty());
        sim.completeTask(taskId);
    }

    /**
     * The task ends when the test says, between two reads (polls 300 ms apart), and the clock jumps past the
     * links' lifetime at once, so the download that follows the end meets 410.
     */
    private static void expiredLink(String key, Rig rig, EvolinkSimulator sim) {
        rig.send(key, "a lighthouse for " + key);
        waitingFor("the task to be paid").atMost(Invariants.LIMIT).until(() -> !Invariants.paidTasks(sim).isEmpty());
        String taskId = paidTask(sim);
        waitingFor("a first read of the task").atMost(Invariants.LIMIT).until(() -> sim.journal().entries().stream()
                .anyMatch(e -> e.endpoint() == Endpoint.TASK_BATCH || e.endpoint() == Endpoint.TASK_GET));
        sim.completeTask(taskId);
        sim.clock().advance(PAST_EVERY_LINK);
    }

    private static String paidTask(EvolinkSimulator sim) {
        return sim.journal(Endpoint.CREATE).stream().filter(JournalEntry::isCharged).map(JournalEntry::taskId)
                .findFirst().orElseThrow();
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(8, 8, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
