package org.camelevolink.component;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * How the tests wait for something asynchronous: Awaitility, named for what is awaited (a timeout says so), within
 * {@link #LIMIT} unless the caller sets another {@code atMost}. The limit only keeps a broken test from hanging the
 * build. The condition is checked at once and then every 5 ms, in the waiting thread: some conditions count the
 * threads alive, which Awaitility's own polling thread would otherwise join.
 */
public final class Waiting {

    public static final Duration LIMIT = Duration.ofSeconds(20);

    private Waiting() {
    }

    /** {@code Awaitility.await(what)} with the tests' limit and polling; go on with {@code until...}. */
    public static ConditionFactory waitingFor(String what) {
        return Awaitility.await(what).atMost(LIMIT).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5));
    }
}
