package org.camelevolink.component.reliability;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.task.TaskLifecycle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One row of the fault matrix: what the simulator is made to do, how the logical request is driven into it, and
 * how the request must end.
 *
 * @param name      shown in the test report
 * @param kind      the fault injected (null for the expired link, which is the clock, not a fault)
 * @param endpoint  where a transport fault hits; null for task faults
 * @param fault     the fault with its parameters
 * @param drive     how the request meets the fault
 * @param expected  how the request must end, after one redelivery if {@code mayNeedRedelivery}
 * @param mayNeedRedelivery the fault is one the client does not retry (500, garbled answer): the first send may end
 *                  in a typed error; a redelivery of the same message must then end as expected, unpaid again
 * @param tune      changes to the application's settings this row needs
 */
record FaultCase(String name, FaultKind kind, Endpoint endpoint, Fault fault, Drive drive, Expected expected,
        boolean mayNeedRedelivery, UnaryOperator<Rig.Settings> tune) {

    /** How the logical request meets the fault. */
    enum Drive {
        /** A text prompt, sent once. */
        PLAIN,
        /** A PNG body: uploaded through the files API first. */
        IMAGE_BODY,
        /** Sent, then sent again with the same key while the task runs: the resend reads the task (GET). */
        SENT_TWICE,
        /** download=true, and the result links expire between the task's end and the download. */
        EXPIRED_LINK
    }

    record Expected(Outcome.Kind kind, String code, Integer images) {
    }

    /** Delay of SLOW answers: longer than the client's responseTimeout (1 s) in every mode. */
    static final long SLOW_MILLIS = 2_500;

    private static final Set<FaultKind> NOT_RETRIED = EnumSet.of(FaultKind.HTTP_500, FaultKind.MALFORMED_JSON,
            FaultKind.TRUNCATED_JSON);
    private static final List<FaultKind> TRANSPORT = List.of(FaultKind.HTTP_500, FaultKind.HTTP_502,
            FaultKind.HTTP_503, FaultKind.RESET_BEFORE, FaultKind.RESET_AFTER, FaultKind.SLOW, FaultKind.RATE_LIMIT,
            FaultKind.MALFORMED_JSON, FaultKind.TRUNCATED_JSON);

    @Override
    public String toString() {
        return name;
    }

    /** Injects this row's fault before the request is sent. */
    void inject(EvolinkSimulator sim, Mode mode) {
        if (drive == Drive.SENT_TWICE) {
            // the task waits for the test to finish it, so that the resend surely finds it running
            sim.faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        }
        if (drive == Drive.EXPIRED_LINK) {
            sim.faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
            if (mode == Mode.CALLBACK) {
                // the callback would otherwise trigger a read between the task's end and the clock's jump
                sim.faults().script(Endpoint.CREATE, Fault.lateCallback(3_000), 1);
            }
        }
        if (fault != null) {
            sim.faults().script(endpoint, fault, 1);
        }
    }

    /** The whole matrix's rows: every transport fault on every endpoint, then every task and callback fault. */
    static List<FaultCase> all() {
        List<FaultCase> rows = new ArrayList<>();
        Outcome.Kind completed = Outcome.Kind.COMPLETED;
        for (Endpoint endpoint : List.of(Endpoint.CREATE, Endpoint.TASK_BATCH, Endpoint.TASK_GET, Endpoint.FILES)) {
            Drive drive = endpoint == Endpoint.TASK_GET ? Drive.SENT_TWICE
                    : endpoint == Endpoint.FILES ? Drive.IMAGE_BODY : Drive.PLAIN;
            for (FaultKind kind : TRANSPORT) {
                Fault fault = switch (kind) {
                    case SLOW -> Fault.slow(SLOW_MILLIS);
                    case RATE_LIMIT -> Fault.rateLimit(1);
                    default -> Fault.of(kind);
                };
                // a status read changes nothing, so no read fault may end a wait (the tracker reads again)
                boolean mayFail = NOT_RETRIED.contains(kind) && endpoint != Endpoint.TASK_BATCH;
                rows.add(new FaultCase(kind + " on " + endpoint, kind, endpoint, fault, drive,
                        new Expected(completed, null, 4), mayFail, s -> s));
            }
        }
        rows.add(new FaultCase("NEVER_FINISH", FaultKind.NEVER_FINISH, null, Fault.of(FaultKind.NEVER_FINISH),
                Drive.PLAIN, new Expected(Outcome.Kind.TIMEOUT, "timeout", null), false, s -> s.maxWaitTime(600)));
        for (String code : TaskLifecycle.businessCodes()) {
            rows.add(new FaultCase("FAIL_TASK " + code, FaultKind.FAIL_TASK, null, Fault.failTask(code), Drive.PLAIN,
                    new Expected(Outcome.Kind.FAILED, code, null), false, s -> s));
        }
        rows.add(new FaultCase("MODERATED to 2 images", FaultKind.MODERATED, null, Fault.moderated(2), Drive.PLAIN,
                new Expected(completed, null, 2), false, s -> s));
        rows.add(new FaultCase("CALLBACK_DUPLICATE", FaultKind.CALLBACK_DUPLICATE, null,
                Fault.of(FaultKind.CALLBACK_DUPLICATE), Drive.PLAIN, new Expected(completed, null, 4), false, s -> s));
        rows.add(new FaultCase("CALLBACK_LATE", FaultKind.CALLBACK_LATE, null, Fault.lateCallback(700), Drive.PLAIN,
                new Expected(completed, null, 4), false, s -> s));
        rows.add(new FaultCase("CALLBACK_LOST", FaultKind.CALLBACK_LOST, null, Fault.of(FaultKind.CALLBACK_LOST),
                Drive.PLAIN, new Expected(completed, null, 4), false, s -> s));
        rows.add(new FaultCase("expired result links", null, null, null, Drive.EXPIRED_LINK,
                new Expected(Outcome.Kind.ERROR, "link_expired", null), false,
                s -> s.download(true).polls(300, 300)));
        return rows;
    }
}
