package org.camelevolink.simulator.http;

/** The API surfaces the simulator serves; faults and journal entries are addressed by these names. */
public enum Endpoint {
    CREATE,
    TASK_GET,
    TASK_BATCH,
    TASK_LIST,
    CREDITS,
    FILES,
    FILE_CONTENT,
    MEDIA,
    CONTROL;

    /** Endpoints under EvoLink's rate limiter and authentication. */
    public boolean isApi() {
        return this != MEDIA && this != FILE_CONTENT && this != CONTROL;
    }
}
