package org.camelevolink.simulator.http;

import java.util.function.Supplier;

/**
 * A value made on first use. The simulator's outgoing HTTP clients (callbacks, input images, uploads by URL) are
 * made this way: each costs start-up time and threads that most runs never need.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
