package org.camelevolink.component.reliability;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.camelevolink.component.Waiting.waitingFor;

/**
 * Threads an application run leaves behind: those alive now that were not alive before it, other than the
 * simulators' own (a test's business, not the application's) and the JVM's.
 */
final class Threads {

    /**
     * The JVM's own lazily started threads (common pool, AWT's disposer) and the
     * selector threads of the JDK HttpClient, which only the simulator uses (callbacks, input images) and which
     * on Java 17 end when the client is garbage collected, not when the simulator closes.
     */
    private static final Pattern JVM_WIDE = Pattern.compile("ForkJoinPool.commonPool.*|Java2D Disposer"
            + "|HttpClient-\\d+-SelectorManager");

    private Threads() {
    }

    static Set<Thread> live() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    static List<String> leftSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> !name.startsWith("evolink-sim-") && !JVM_WIDE.matcher(name).matches())
                .sorted().toList();
    }

    /** Waits until the threads started since {@code before} have ended (stopping is partly asynchronous). */
    static void awaitNoneLeftSince(Set<Thread> before) {
        waitingFor("the run's threads to end").atMost(Duration.ofSeconds(15))
                .until(() -> leftSince(before), List::isEmpty);
    }

    /** The threads started since {@code before} that are still alive after waiting up to 15 s for them to end. */
    static List<String> leftAfterWaiting(Set<Thread> before) {
        try {
            return waitingFor("the run's threads to end").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(20)).until(() -> leftSince(before), List::isEmpty);
        } catch (ConditionTimeoutException e) {
            return leftSince(before);
        }
    }
}
