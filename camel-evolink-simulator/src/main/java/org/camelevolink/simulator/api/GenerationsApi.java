package org.camelevolink.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.SimClock;
import org.camelevolink.simulator.account.CreditLedger;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultPlan;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.http.SimRequest;
import org.camelevolink.simulator.http.SimResponse;
import org.camelevolink.simulator.model.CreateRequestValidator;
import org.camelevolink.simulator.model.ValidatedRequest;
import org.camelevolink.simulator.task.SimTask;
import org.camelevolink.simulator.task.TaskLifecycle;
import org.camelevolink.simulator.task.TaskRegistry;
import org.camelevolink.simulator.task.TaskViews;

import java.util.List;

/** {@code POST /v1/images/generations}: idempotency, validation, source-task rules, credits, then the task. */
public final class GenerationsApi {

    private final CreateRequestValidator validator;
    private final TaskRegistry registry;
    private final TaskLifecycle lifecycle;
    private final CreditLedger credits;
    private final FaultPlan faults;
    private final IdempotencyStore idempotency;
    private final SimClock clock;

    public GenerationsApi(CreateRequestValidator validator, TaskRegistry registry, TaskLifecycle lifecycle,
            CreditLedger credits, FaultPlan faults, IdempotencyStore idempotency, SimClock clock) {
        this.validator = validator;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.credits = credits;
        this.faults = faults;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public SimResponse create(SimRequest request) {
        IdempotencyStore.Decision decision = idempotency.begin(request.apiKey(), request.header("Idempotency-Key"),
                request.body());
        if (decision.replay() != null) {
            return decision.replay();
        }
        SimResponse answer = null;
        try {
            answer = submit(request);
            return answer;
        } finally {
            idempotency.finish(decision.slot(), answer);
        }
    }

    private SimResponse submit(SimRequest request) {
        if (!request.contentType().startsWith("application/json")) {
            throw ApiError.badRequest("Content-Type must be application/json");
        }
        ObjectNode body = Json.object(request.body());
        ValidatedRequest validated = validator.validate(body);
        SimTask source = validated.spec().needsSourceTask()
                ? SourceTaskRules.check(validated, request.apiKey(), registry, lifecycle::settleIfDue,
                        clock.nowMillis())
                : null;
        double price = validated.credits();
        if (!credits.reserve(request.apiKey(), price)) {
            throw ApiError.insufficientQuota(price, credits.balance(request.apiKey()).remaining());
        }
        List<Fault> taskFaults = faults.nextTaskFaults();
        SimTask task = lifecycle.create(request.apiKey(), validated, source, taskFaults);
        return Json.ok(TaskViews.created(task)).charged(task.id(), price);
    }
}
