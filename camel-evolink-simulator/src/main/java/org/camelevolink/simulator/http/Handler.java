package org.camelevolink.simulator.http;

/** Serves one route. Errors are thrown as {@code ApiError}. */
@FunctionalInterface
public interface Handler {
    SimResponse handle(SimRequest request) throws Exception;
}
