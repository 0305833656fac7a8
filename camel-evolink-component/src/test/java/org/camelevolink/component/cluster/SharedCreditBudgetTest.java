package org.camelevolink.component.cluster;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.CreditBudgetExceededException;
import org.camelevolink.component.store.TestDatabase;
import org.camelevolink.component.tracking.CreditBudget;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.model.ModelCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two nodes on one real PostgreSQL share one credit budget: each reads the shared sum at most once per
 * {@link CreditBudget#STORE_READ_INTERVAL_MILLIS}, so once that has passed a node refuses on the other's tasks.
 */
class SharedCreditBudgetTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.04)
            .imageBaseSize(64));

    /** What the simulator reserves for a fast mj-v7 task. */
    private static final double PRICE = ModelCatalog.load().find("mj-v7").credits();

    private final String prefix = TestDatabase.freshPrefix();
    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::close);
    }

    private Node node() throws Exception {
        Node node = new Node(SIM.simulator(), TestDatabase.dataSource(), prefix, 30_000).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("evolink:mj-v7?speed=fast");
            }
        });
        node.evolink.setMaxCredits(PRICE * 2.5); // two tasks fit, a third does not
        node.evolink.setCreditWindow(600_000);
        nodes.add(node);
        return node.start();
    }

    private static Exchange generate(Node node, String prompt) {
        return node.template().request("direct:generate", e -> e.getMessage().setBody(prompt));
    }

    @Test
    void aNodeRefusesOnceTheOtherNodesTasksHaveUsedTheSharedBudget() throws Exception {
        Node a = node();
        Node b = node();
        assertThat(generate(a, "a lighthouse").getException()).isNull();
        assertThat(generate(b, "a harbour").getException()).as("b's first task of the model: on the used credits")
                .isNull();
        // a's last read of the sum is younger than the interval, and saw neither task: wait until it is stale
        Thread.sleep(CreditBudget.STORE_READ_INTERVAL_MILLIS + 200);

        Exchange refused = generate(a, "a second lighthouse");
        assertThat(refused.getException()).as("a counts b's task: alone it would fit (%s + %s of %s)", PRICE, PRICE,
                PRICE * 2.5).isInstanceOf(CreditBudgetExceededException.class);
        assertThat(((CreditBudgetExceededException) refused.getException()).getUsedCredits()).isCloseTo(PRICE * 2, within(1e-9));
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).as("nothing sent for the refused submit").hasSize(2);
    }
}
