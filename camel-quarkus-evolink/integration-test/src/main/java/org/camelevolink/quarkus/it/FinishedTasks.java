package org.camelevolink.quarkus.it;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Header;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** What the consumer route received: the correlation id of every finished task, in arrival order. */
@ApplicationScoped
@Named("finishedTasks")
@RegisterForReflection
public class FinishedTasks {

    private final BlockingQueue<String> correlationIds = new LinkedBlockingQueue<>();

    public void add(@Header("CamelEvolinkCorrelationId") String correlationId) {
        correlationIds.add(correlationId);
    }

    public BlockingQueue<String> correlationIds() {
        return correlationIds;
    }
}
