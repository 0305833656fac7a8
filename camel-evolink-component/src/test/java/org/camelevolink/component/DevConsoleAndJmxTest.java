package org.camelevolink.component;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** The developer console's JSON and text, and the component's JMX attributes, with a task in flight. */
class DevConsoleAndJmxTest extends ProducerTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration testConfiguration) {
        super.configureTest(testConfiguration);
        testConfiguration.withJMX(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // reads a minute apart: the task stays queued (not being read) while the test looks at it
                from("direct:generate").to("evolink:mj-v7?minPollInterval=60000&maxPollInterval=60000");
            }
        };
    }

    @Test
    void theConsoleAndJmxShowTheTaskInFlight() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        template.asyncSend("direct:generate", e -> e.getMessage().setBody("a slow lighthouse"));
        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        waitingFor("the task read once and queued again").until(() -> evolink.tracker().waitingTasks().stream()
                .anyMatch(t -> t.nextReadAt() > System.currentTimeMillis() + 10_000));
        String taskId = SIM.simulator().journal(Endpoint.CREATE).get(0).taskId();

        EvolinkDevConsole console = new EvolinkDevConsole();
        console.setCamelContext(context);
        // the store's figures are read on the store's executor once asked for: the first call may show none
        JsonObject component = waitingFor("the store's figures read").until(() -> (JsonObject) ((JsonArray)
                ((JsonObject) console.call(DevConsole.MediaType.JSON, Map.of())).get("components")).get(0),
                c -> ((JsonObject) c.get("store")).containsKey("recordsByState"));
        assertThat(component.get("name")).isEqualTo("evolink");
        JsonObject task = (JsonObject) ((JsonArray) component.get("tasks")).get(0);
        assertThat(task.get("id")).isEqualTo(taskId);
        assertThat(task.get("model")).isEqualTo("mj-v7");
        assertThat(task.get("status")).isIn("pending", "processing");
        assertThat(((JsonObject) component.get("tracker")).get("inFlight")).isEqualTo(1);
        JsonObject store = (JsonObject) component.get("store");
        assertThat(store.get("kind")).isEqualTo("TaskIdIndex");
        assertThat(((JsonObject) store.get("recordsByState")).get("WAITING")).isEqualTo(1);
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(text).contains("EvoLink component evolink").contains(taskId).contains("in flight 1");

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context="
                + context.getManagementName() + ",type=components,name=\"evolink\""), null);
        assertThat(names).hasSize(1);
        ObjectName name = names.iterator().next();
        assertThat(server.getAttribute(name, "InFlight")).isEqualTo(1);
        assertThat(server.getAttribute(name, "Waiting")).isEqualTo(1);
        assertThat(server.getAttribute(name, "Undelivered")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "LastError")).isEqualTo("");
        assertThat(server.invoke(name, "readTaskNow", new Object[] {taskId}, new String[] {"java.lang.String"}))
                .isEqualTo(true);
        assertThat(server.invoke(name, "readTaskNow", new Object[] {"task-unknown"},
                new String[] {"java.lang.String"})).isEqualTo(false);
    }
}
