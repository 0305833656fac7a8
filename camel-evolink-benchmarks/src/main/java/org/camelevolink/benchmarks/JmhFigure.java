package org.camelevolink.benchmarks;

/** One JMH benchmark's average time per operation, in microseconds, and its 99.9% error. */
record JmhFigure(String name, double micros, double error) {
}
