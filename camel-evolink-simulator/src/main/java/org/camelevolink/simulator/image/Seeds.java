package org.camelevolink.simulator.image;

import java.util.SplittableRandom;

/** Reproducible random streams: the same seed and purpose always draw the same numbers. */
final class Seeds {

    private Seeds() {
    }

    /** The salt separates purposes, so image #1 and #2 of one seed, or a variation of it, are unrelated. */
    static SplittableRandom random(long seed, long salt) {
        return new SplittableRandom(mix(seed ^ mix(salt)));
    }

    /** SplitMix64's finaliser: neighbouring inputs (seed 1, 2, 3 ...) land far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
