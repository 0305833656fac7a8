package org.camelevolink.component.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import javax.sql.DataSource;

/** One application node of a cluster test: a Camel context of its own on the shared task store's tables. */
final class Node implements AutoCloseable {

    final CamelContext context = new DefaultCamelContext();
    final EvolinkComponent evolink;
    private ProducerTemplate template;

    Node(EvolinkSimulator sim, DataSource dataSource, String tablePrefix, long leaseTime) {
        evolink = SimulatorExtension.componentOn(sim, SimulatorConfig.DEFAULT_API_KEY, null);
        evolink.setTaskStoreDataSource(dataSource);
        evolink.setTaskStoreTablePrefix(tablePrefix);
        evolink.setLeaseTime(leaseTime);
        context.addComponent("evolink", evolink);
    }

    Node routes(RoutesBuilder routes) throws Exception {
        context.addRoutes(routes);
        return this;
    }

    Node start() {
        context.start();
        template = context.createProducerTemplate();
        return this;
    }

    ProducerTemplate template() {
        return template;
    }

    @Override
    public void close() {
        context.stop();
    }
}
