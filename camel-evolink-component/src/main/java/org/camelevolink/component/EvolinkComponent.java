package org.camelevolink.component;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.PropertiesHelper;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.tracking.TaskTracker;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@code evolink:} component. Owns what endpoints share: the EvoLink clients (one per distinct connection
 * setting), the task tracker that waits for tasks without holding threads, and the model catalog.
 */
@Component("evolink")
public class EvolinkComponent extends HealthCheckComponent {

    @Metadata(description = "Component-level defaults of every endpoint option.")
    private EvolinkConfiguration configuration = new EvolinkConfiguration();

    private ModelCatalog catalog;
    private EvolinkClients clients;
    private ScheduledExecutorService scheduler;
    private TaskTracker tracker;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("An EvoLink model is required: evolink:<model>, e.g. evolink:mj-v7");
        }
        EvolinkEndpoint endpoint = new EvolinkEndpoint(uri, this, remaining, configuration.copy());
        Map<String, Object> params = PropertiesHelper.extractProperties(parameters, "param.");
        params.forEach((name, value) -> endpoint.getConfiguration().getParams().put(name, jsonValue(value)));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** {@code param.*} values come as text: numbers and booleans become JSON numbers and booleans. */
    private static Object jsonValue(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        if (s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        if (s.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(s);
        }
        return s.equals("true") || s.equals("false") ? Boolean.valueOf(s) : s;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        catalog = ModelCatalog.load();
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "EvolinkTaskTracker");
        clients = new EvolinkClients(getCamelContext(), scheduler);
        tracker = new TaskTracker(scheduler);
    }

    @Override
    protected void doStop() throws Exception {
        if (tracker != null) {
            tracker.stop();
        }
        if (clients != null) {
            clients.close();
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
        }
        super.doStop();
    }

    public EvolinkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EvolinkConfiguration configuration) {
        this.configuration = configuration;
    }

    ModelCatalog catalog() {
        return catalog;
    }

    EvolinkClients clients() {
        return clients;
    }

    TaskTracker tracker() {
        return tracker;
    }
}
