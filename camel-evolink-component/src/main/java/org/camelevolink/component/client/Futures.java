package org.camelevolink.component.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for the futures of the asynchronous API. */
public final class Futures {

    private Futures() {
    }

    /** The error a future failed with, without the CompletionException/ExecutionException wrappers around it. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
