package org.camelevolink.simulator;

/** Wall-clock time of the simulator; a seam so that expiry can be tested by moving time forward. */
public final class SimClock {

    private volatile long offsetMillis;

    public long nowMillis() {
        return System.currentTimeMillis() + offsetMillis;
    }

    /** Moves the simulator's time forward, as if that much time had passed. */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offsetMillis += millis;
    }

    void reset() {
        offsetMillis = 0;
    }
}
