package org.camelevolink.component.reliability;

/** The three ways a route gets a task's outcome. */
enum Mode {
    /** {@code to("evolink:mj-v7")}: the exchange waits (without a thread) and carries the outcome. */
    WAIT,
    /** {@code waitForCompletion=false}, then {@code from("evolink:mj-v7")}, found by polling. */
    CONSUME,
    /** As CONSUME, with {@code callbackBaseUrl}: a callback brings the read forward, polling is the safety net. */
    CALLBACK
}
