package org.camelevolink.component;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.camelevolink.component.tracking.TaskConsumer;
import org.camelevolink.component.tracking.TaskPermits;

/**
 * Runs an EvoLink image model, e.g. evolink:mj-v7 with a prompt. The path is the EvoLink model id; a model the
 * component does not know yet passes through with its generic fields.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "evolink", title = "EvoLink", syntax = "evolink:model",
             category = {Category.AI}, headersClass = EvolinkConstants.class)
public class EvolinkEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The EvoLink model id, e.g. mj-v7, mj-v7-upscale, mj-v7-remove-bg, mj-v8.2-edit. A consumer "
            + "on the wildcard path, a single asterisk, receives the tasks of every model that has no consumer of its own.")
    @Metadata(required = true)
    private String model;

    @UriParam
    private EvolinkConfiguration configuration;

    private TaskPermits taskPermits;

    public EvolinkEndpoint(String uri, EvolinkComponent component, String model, EvolinkConfiguration configuration) {
        super(uri, component);
        this.model = model;
        this.configuration = configuration;
    }

    @Override
    public EvolinkComponent getComponent() {
        return (EvolinkComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (TaskConsumer.EVERY_MODEL.equals(model)) {
            throw new IllegalArgumentException("evolink:* only consumes; a producer needs a model, e.g. evolink:mj-v7");
        }
        return new EvolinkProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        EvolinkConsumer consumer = new EvolinkConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The places of maxConcurrentTasks, shared by this endpoint's producers. */
    synchronized TaskPermits taskPermits() {
        if (taskPermits == null) {
            taskPermits = new TaskPermits(configuration.getMaxConcurrentTasks());
        }
        return taskPermits;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public EvolinkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EvolinkConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
