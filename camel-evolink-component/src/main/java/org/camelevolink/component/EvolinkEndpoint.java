package org.camelevolink.component;

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
import org.camelevolink.component.tracking.TaskPermits;

/**
 * Runs an EvoLink image model: {@code evolink:mj-v7?prompt=...}. The path is the EvoLink model id; a model the
 * component does not know yet passes through with its generic fields.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "evolink", title = "EvoLink", syntax = "evolink:model",
             category = {Category.AI}, producerOnly = true, headersClass = EvolinkConstants.class)
public class EvolinkEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The EvoLink model id, e.g. mj-v7, mj-v7-upscale, mj-v7-remove-bg, mj-v8.2-edit.")
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
        return new EvolinkProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The evolink: consumer is not available yet (it arrives with the "
                + "task-tracking issue); use the producer with waitForCompletion=true");
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
