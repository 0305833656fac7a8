package org.camelevolink.simulator.api;

import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.model.ValidatedRequest;
import org.camelevolink.simulator.task.SimTask;
import org.camelevolink.simulator.task.TaskRegistry;

import java.util.function.Consumer;

/**
 * Follow-up models work on a completed task of the caller, of the same family: upscale never on an upscale (403),
 * enhance only on a draft generation, retextured tasks only take upscale, remove-bg results take nothing.
 */
final class SourceTaskRules {

    private static final String PARAM = "model_params.task_id";

    private SourceTaskRules() {
    }

    static SimTask check(ValidatedRequest r, String apiKey, TaskRegistry registry, Consumer<SimTask> settleIfDue,
            long now) {
        SimTask source = registry.find(r.sourceTaskId());
        if (source == null) {
            throw new ApiError(404, "task_not_found", "invalid_request_error", PARAM,
                    "The requested task could not be found");
        }
        settleIfDue.accept(source);
        if (!source.apiKey().equals(apiKey)) {
            throw new ApiError(403, "permission_denied", "invalid_request_error", PARAM,
                    "You don't have permission to access this task");
        }
        if (!"completed".equals(source.statusAt(now))) {
            throw ApiError.invalid(PARAM, "Source task " + source.id() + " is not completed");
        }
        String family = r.spec().family().id();
        if (!source.request().spec().family().id().equals(family)) {
            throw ApiError.invalid(PARAM, r.spec().id() + " needs a completed mj-" + family + " series task, "
                    + source.id() + " is " + source.model());
        }
        operationRules(r, source);
        if (r.imageNumber() >= source.resultCount()) {
            throw ApiError.invalid("model_params.image_number", "image_number " + r.imageNumber()
                    + " is out of range: the source task has " + source.resultCount() + " image(s)");
        }
        return source;
    }

    private static void operationRules(ValidatedRequest r, SimTask source) {
        String op = r.spec().operation();
        String sourceOp = source.operation();
        if (!r.spec().sourceOperations().isEmpty() && !r.spec().sourceOperations().contains(sourceOp)) {
            throw ApiError.invalid(PARAM, r.spec().id() + " takes a task of " + r.spec().sourceOperations()
                    + ", not a " + sourceOp + " task");
        }
        if (sourceOp.equals("remove-bg")) {
            throw ApiError.invalid(PARAM, "remove-bg results cannot be used as a source task");
        }
        if (op.equals("upscale") && sourceOp.equals("upscale")) {
            throw ApiError.forbidden(PARAM, "Already upscaled images cannot be upscaled again");
        }
        if (sourceOp.equals("retexture") && !op.equals("upscale")) {
            throw ApiError.invalid(PARAM, "Retextured tasks only support upscale as follow-up");
        }
        if (op.equals("enhance") && !(sourceOp.equals("generate") && source.request().isDraft())) {
            throw ApiError.invalid(PARAM, "mj-v7-enhance only supports source tasks generated in draft mode");
        }
    }
}
