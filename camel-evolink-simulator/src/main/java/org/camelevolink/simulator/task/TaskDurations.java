package org.camelevolink.simulator.task;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durations a caller chose per prompt, in place of the simulator's own draw: a test or a load run that needs a task
 * to run exactly so long (a spread of its own, the same durations in every run) says so before it submits, instead
 * of keeping the task running and ending it through the control API.
 */
public final class TaskDurations {

    private final Map<String, Long> byPrompt = new ConcurrentHashMap<>();

    /** Adds (or replaces) the duration of tasks created with each prompt, in milliseconds of the simulator's clock. */
    public void putAll(Map<String, Long> durations) {
        durations.forEach((prompt, millis) -> {
            if (millis == null || millis < 1) {
                throw new IllegalArgumentException("the duration of prompt '" + prompt + "' must be at least 1 ms");
            }
        });
        byPrompt.putAll(durations);
    }

    /** The chosen duration of a task with this prompt, or null: then the simulator draws it. */
    public Long forPrompt(String prompt) {
        return prompt == null ? null : byPrompt.get(prompt);
    }

    public int size() {
        return byPrompt.size();
    }

    public void clear() {
        byPrompt.clear();
    }
}
