package org.camelevolink.simulator.api;

import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.SimClock;
import org.camelevolink.simulator.http.SimRequest;
import org.camelevolink.simulator.http.SimResponse;
import org.camelevolink.simulator.task.ResultImages;
import org.camelevolink.simulator.task.SimTask;
import org.camelevolink.simulator.task.TaskLifecycle;
import org.camelevolink.simulator.task.TaskRegistry;

/**
 * {@code GET /media/{taskId}/{n}.png}: the result images. Links expire (24 h for V7, 30 days for V8.x, scaled)
 * and then answer 410 Gone.
 */
public final class MediaApi {

    private final TaskRegistry registry;
    private final TaskLifecycle lifecycle;
    private final ResultImages images;
    private final SimClock clock;

    public MediaApi(TaskRegistry registry, TaskLifecycle lifecycle, ResultImages images, SimClock clock) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.images = images;
        this.clock = clock;
    }

    public SimResponse get(SimRequest request) {
        SimTask task = registry.find(request.pathParam("taskId"));
        int index = index(request.pathParam("file"));
        if (task != null) {
            lifecycle.settleIfDue(task);
        }
        if (task == null || task.terminal() == null || !task.terminal().completed() || index < 0
                || index >= task.resultCount()) {
            throw ApiError.notFound("not_found", null, "No such image");
        }
        if (clock.nowMillis() > task.linkExpiryMillis()) {
            throw new ApiError(410, "link_expired", "invalid_request_error", null, "This result link has expired");
        }
        return new SimResponse(200, "image/png", images.png(task, index)).header("Cache-Control", "private, max-age=60");
    }

    private static int index(String file) {
        if (!file.matches("\\d{1,3}\\.png")) {
            return -1;
        }
        return Integer.parseInt(file.substring(0, file.length() - 4));
    }
}
