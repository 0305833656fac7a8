package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** Fire and forget plus {@code from("evolink:...")}: one exchange per finished task, delivered once. */
class EvolinkConsumerTest extends ProducerTestSupport {

    private final AtomicInteger failuresToInject = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").toD("evolink:${header.model}?waitForCompletion=false&carryHeaders=orderId,customer");
                from("evolink:mj-v7").routeId("v7")
                        .process(e -> {
                            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("the warehouse is down");
                            }
                        })
                        .to("mock:v7");
                from("evolink:mj-v7-upscale?download=true").to("mock:upscaled");
                from("evolink:mj-v8.1?deliverFailedTasks=false").to("mock:v81");
                from("evolink:*").to("mock:every");
            }
        };
    }

    private Exchange submit(String model, String body, Map<String, Object> headers) {
        Exchange out = template.request("direct:submit", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("model", model);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(out.getException()).isNull();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mj-v7", "mj-v8.1", "mj-v8.2"})
    void eachFamilyIsDeliveredOnceWithItsCorrelation(String model) throws Exception {
        MockEndpoint mock = getMockEndpoint(model.equals("mj-v7") ? "mock:v7"
                : model.equals("mj-v8.1") ? "mock:v81" : "mock:every");
        mock.expectedMessageCount(1);
        Exchange sent = submit(model, "a lighthouse at dawn", Map.of(EvolinkConstants.CORRELATION_ID, "order-17",
                "orderId", "17", "customer", "ACME", "notCarried", "x"));
        String taskId = sent.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
        assertThat(sent.getMessage().getBody(EvolinkTask.class).getStatus()).isEqualTo(TaskStatus.PENDING);

        mock.assertIsSatisfied(10_000);
        Exchange emitted = mock.getExchanges().get(0);
        assertThat(emitted.getMessage().getMessageId()).isEqualTo(taskId);
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("completed");
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.MODEL)).isEqualTo(model);
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.CORRELATION_ID)).isEqualTo("order-17");
        assertThat(emitted.getMessage().getHeader("orderId")).isEqualTo("17");
        assertThat(emitted.getMessage().getHeader("customer")).isEqualTo("ACME");
        assertThat(emitted.getMessage().getHeaders()).doesNotContainKey("notCarried");
        assertThat(emitted.getMessage().getBody(EvolinkTask.class).getResults()).isNotEmpty();
        awaitDelivered(taskId);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void followUpIsDeliveredWithItsDownloadedImage() throws Exception {
        MockEndpoint upscaled = getMockEndpoint("mock:upscaled");
        upscaled.expectedMessageCount(1);
        EvolinkTask source = template.requestBody("evolink:mj-v7", "a kite", EvolinkTask.class);
        template.send("evolink:mj-v7-upscale?waitForCompletion=false&imageNumber=1",
                e -> e.getMessage().setBody(source));
        upscaled.assertIsSatisfied(10_000);
        Exchange emitted = upscaled.getExchanges().get(0);
        assertThat(emitted.getMessage().getBody(byte[].class)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(emitted.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
    }

    @Test
    void aFailingRouteGetsTheTaskAgainUntilItIsDelivered() throws Exception {
        context.getComponent("evolink", EvolinkComponent.class).getConfiguration().setDeliveryRetryDelay(20);
        failuresToInject.set(2);
        MockEndpoint mock = getMockEndpoint("mock:v7");
        mock.expectedMessageCount(1);
        String taskId = submit("mj-v7", "a dune", Map.of()).getMessage().getHeader(EvolinkConstants.TASK_ID,
                String.class);
        mock.assertIsSatisfied(10_000);
        TaskRecord delivered = awaitDelivered(taskId);
        assertThat(delivered.deliveryAttempts()).isEqualTo(3);
        assertThat(failuresToInject).hasValue(0);
        Thread.sleep(200);
        assertThat(mock.getReceivedCounter()).as("delivered once").isEqualTo(1);
    }

    @Test
    void failedTasksAreDeliveredWithTheirErrorUnlessTheConsumerSkipsThem() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.failTask("content_policy_violation"), 2);
        MockEndpoint v7 = getMockEndpoint("mock:v7");
        v7.expectedMessageCount(1);
        String failedV7 = submit("mj-v7", "a forbidden thing", Map.of()).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        String failedV81 = submit("mj-v8.1", "a forbidden thing", Map.of()).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        v7.assertIsSatisfied(10_000);
        Exchange emitted = v7.getExchanges().get(0);
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("failed");
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.ERROR_CODE)).isEqualTo("content_policy_violation");
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.ERROR_MESSAGE, String.class)).isNotBlank();
        awaitDelivered(failedV7);
        awaitDelivered(failedV81);
        assertThat(getMockEndpoint("mock:v81").getReceivedCounter()).as("deliverFailedTasks=false").isZero();
    }

    @Test
    void aTaskThatNeverEndsIsDeliveredAsATimeout() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        MockEndpoint every = getMockEndpoint("mock:every");
        every.expectedMessageCount(1);
        template.sendBody("evolink:mj-v8.2?waitForCompletion=false&maxWaitTime=300", "a slow thing");
        every.assertIsSatisfied(10_000);
        Exchange emitted = every.getExchanges().get(0);
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.ERROR_CODE)).isEqualTo("timeout");
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).as("it may still finish")
                .isEqualTo("unknown");
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.ERROR_MESSAGE, String.class)).contains("processing");
        assertThat(emitted.getMessage().getHeader(EvolinkConstants.MODEL)).isEqualTo("mj-v8.2");
        assertThat(emitted.getMessage().getBody()).isNull();
    }

    @Test
    void aTaskEvoLinkNoLongerKnowsIsDeliveredAsFailedWithItsCode() throws Exception {
        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        String unknownId = "task-unified-1757165031-nosuchid";
        evolink.store().save(TaskRecord.submitting("forgotten-by-evolink-0001", "mj-v7",
                TaskRecord.Delivery.CONSUMER, "order-9", Map.of(), null, 1_000).accepted(unknownId, 2_000, 1_500));
        MockEndpoint v7 = getMockEndpoint("mock:v7");
        v7.expectedMessageCount(1);
        context.getRouteController().stopRoute("v7");
        context.getRouteController().startRoute("v7"); // a consumer's start reloads the store
        v7.assertIsSatisfied(10_000);
        Message delivered = v7.getExchanges().get(0).getMessage();
        assertThat(delivered.getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("failed");
        assertThat(delivered.getHeader(EvolinkConstants.ERROR_CODE)).isEqualTo("task_not_found");
        assertThat(delivered.getHeader(EvolinkConstants.TASK_ID)).isEqualTo(unknownId);
        assertThat(delivered.getHeader(EvolinkConstants.MODEL)).isEqualTo("mj-v7");
        assertThat(delivered.getHeader(EvolinkConstants.CORRELATION_ID)).isEqualTo("order-9");
        assertThat(delivered.getBody()).isNull();
    }

    @Test
    void aStoppedRoutesTasksWaitForItToStartAgainInsteadOfGoingToTheCatchAll() throws Exception {
        context.getRouteController().stopRoute("v7");
        String taskId = submit("mj-v7", "a lighthouse at dawn", Map.of()).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        waitingFor("task " + taskId + " finished").until(() -> records().findByTaskId(taskId)
                .map(r -> r.state() != TaskState.WAITING).orElse(false));
        MockEndpoint every = getMockEndpoint("mock:every");
        every.expectedMessageCount(0);
        every.setAssertPeriod(500); // a delivery to the catch-all would come within milliseconds
        every.assertIsSatisfied();
        assertThat(records().findByTaskId(taskId).orElseThrow().state()).isEqualTo(TaskState.FINISHED);

        MockEndpoint v7 = getMockEndpoint("mock:v7");
        v7.expectedMessageCount(1);
        context.getRouteController().startRoute("v7");
        v7.assertIsSatisfied(10_000);
        assertThat(v7.getExchanges().get(0).getMessage().getMessageId()).isEqualTo(taskId);
        awaitDelivered(taskId);
        assertThat(every.getReceivedCounter()).isZero();
    }

    @Test
    void aRemovedRoutesModelGoesToTheCatchAll() throws Exception {
        context.getRouteController().stopRoute("v7");
        context.removeRoute("v7");
        MockEndpoint every = getMockEndpoint("mock:every");
        every.expectedMessageCount(1);
        String taskId = submit("mj-v7", "a lighthouse at dawn", Map.of()).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        every.assertIsSatisfied(10_000);
        assertThat(every.getExchanges().get(0).getMessage().getMessageId()).isEqualTo(taskId);
    }

    @Test
    void theSameMessageSentTwiceIsPaidAndDeliveredOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:v7");
        mock.expectedMessageCount(1);
        Map<String, Object> headers = Map.of(EvolinkConstants.IDEMPOTENCY_KEY, "order-42");
        String first = submit("mj-v7", "one poster", headers).getMessage().getHeader(EvolinkConstants.TASK_ID,
                String.class);
        String again = submit("mj-v7", "one poster", headers).getMessage().getHeader(EvolinkConstants.TASK_ID,
                String.class);
        assertThat(again).isEqualTo(first);
        mock.assertIsSatisfied(10_000);
        awaitDelivered(first);
        String afterDelivery = submit("mj-v7", "one poster", headers).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        assertThat(afterDelivery).isEqualTo(first);
        Thread.sleep(200);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void aWaitingProducerResentWithTheSameKeyGetsTheSameTaskWithoutPaying() {
        List<String> ids = List.of(1, 2).stream().map(i -> template.request("evolink:mj-v7",
                e -> {
                    e.getMessage().setBody("one logo");
                    e.getMessage().setHeader(EvolinkConstants.IDEMPOTENCY_KEY, "invoice-9");
                }).getMessage().getHeader(EvolinkConstants.TASK_ID, String.class)).toList();
        assertThat(ids.get(1)).isEqualTo(ids.get(0)).isNotNull();
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void theConsumerHealthCheckCountsTasksWaitingForTheRoute() {
        // what Camel's consumer:<route> check calls for a HealthCheckAware consumer
        HealthCheck check = ((HealthCheckAware) context.getRoute("v7").getConsumer()).getHealthCheck();
        assertThat(check.getId()).isEqualTo("consumer:evolink-mj-v7");
        HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("finished_tasks_to_deliver", 0L)
                .containsEntry("task_store", "TaskIdIndex"); // the store these tests give the component
    }

}
