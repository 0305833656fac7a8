package org.camelevolink.component;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkCredits;
import org.camelevolink.component.exceptions.EvolinkApiException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Is EvoLink reachable with this key? One cheap authenticated read ({@code GET /v1/credits}). Health checks are
 * called on demand by a probe, which waits for the answer; the details never carry the key. Down too while the
 * task store fails (every submit needs a save first).
 */
final class EvolinkProducerHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final EvolinkClient client;
    private final String serviceUrl;
    private final Supplier<Optional<String>> storeProblem;
    private final Double minCreditBalance;
    private final Consumer<EvolinkCredits> creditsRead;

    EvolinkProducerHealthCheck(EvolinkEndpoint endpoint, EvolinkClient client,
            Supplier<Optional<String>> storeProblem, Consumer<EvolinkCredits> creditsRead) {
        super("camel", "producer:evolink-" + endpoint.getModel());
        this.client = client;
        this.serviceUrl = endpoint.getServiceUrl();
        this.storeProblem = storeProblem;
        this.minCreditBalance = endpoint.getConfiguration().getMinCreditBalance();
        this.creditsRead = creditsRead;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("service.url", serviceUrl);
        Optional<String> store = storeProblem.get();
        if (store.isPresent()) {
            builder.message(store.get()).down();
            return;
        }
        try {
            EvolinkCredits credits = client.credits().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            creditsRead.accept(credits);
            builder.detail("remaining_credits", credits.keyRemaining());
            if (minCreditBalance != null && !credits.unlimited() && credits.keyRemaining() < minCreditBalance) {
                builder.detail("min_credit_balance", minCreditBalance)
                        .message("EvoLink credits are low: " + credits.keyRemaining() + " remaining, below "
                                + "minCreditBalance " + minCreditBalance).down();
                return;
            }
            builder.up();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EvolinkApiException api && api.getStatusCode() > 0) {
                builder.detail(HealthCheck.HTTP_RESPONSE_CODE, api.getStatusCode());
            }
            builder.message("EvoLink is not usable: " + cause.getMessage()).error(cause).down();
        } catch (TimeoutException e) {
            builder.message("EvoLink did not answer within " + TIMEOUT_SECONDS + " s").error(e).down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("interrupted").down();
        }
    }
}
