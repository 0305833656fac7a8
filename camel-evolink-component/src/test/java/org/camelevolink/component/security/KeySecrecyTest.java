package org.camelevolink.component.security;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.LogCapture;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key's secrecy in routes: a refused key, with every logger at TRACE, in no log line, endpoint URI, error or
 * configuration; a key in an endpoint URI masked by Camel; the client's warning when HttpClient's header logging is
 * on; the producer health check reporting a wrong key without showing it. KeyNowhereTest reads JMX and every health
 * check, client/SecretsTest the client's own errors and logs.
 */
class KeySecrecyTest extends SecurityTestSupport {

    private static final String SECRET = "sk-very-secret+key/value=42";

    /**
     * The recommended set-up: the key on the component (from a property or EVOLINK_API_KEY). Every Camel and
     * component logger at TRACE, a failing call, endpoint URIs, errors and the configuration: the key is nowhere.
     * HttpClient 5's header and wire loggers are excluded: they print request headers by design (the component
     * warns when they are on, see below).
     */
    @Test
    void theKeyNeverReachesLogsUrisOrErrors() {
        String logs = captureLogs(() -> {
            EvolinkComponent secretive = new EvolinkComponent();
            secretive.getConfiguration().setApiKey(SECRET);
            secretive.getConfiguration().setBaseUrl(SIM.baseUrl());
            context.addComponent("evolinksecret", secretive);
            Endpoint endpoint = context.getEndpoint("evolinksecret:mj-v7");
            Exchange out = template.request(endpoint, e -> e.getMessage().setBody("a red kite"));
            assertThat(out.getException()).isInstanceOf(EvolinkApiException.class);
            assertThat(((EvolinkApiException) out.getException()).getStatusCode()).isEqualTo(401);
            assertThat(out.getException().toString()).doesNotContain(SECRET);
            assertThat(endpoint.getEndpointUri()).doesNotContain(SECRET);
            assertThat(secretive.getConfiguration().toString()).doesNotContain(SECRET);
        });
        assertThat(logs).isNotEmpty().doesNotContain(SECRET).doesNotContain("very-secret");
    }

    /** With the key in an endpoint URI (RAW), Camel masks it in the endpoint's URI, toString and our errors. */
    @Test
    void aKeyInTheEndpointUriIsMaskedByCamel() {
        String uri = "evolink:mj-v7?apiKey=RAW(" + SECRET + ")";
        Endpoint endpoint = context.getEndpoint(uri);
        Exchange out = template.request(uri, e -> e.getMessage().setBody("a red kite"));
        assertThat(out.getException().toString()).doesNotContain(SECRET);
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(SECRET);
        assertThat(endpoint.toString()).doesNotContain(SECRET);
        assertThat(SIM.simulator().journal().entries().toString()).doesNotContain(SECRET);
    }

    @Test
    void theClientWarnsWhenHttpClientHeaderLoggingIsOn() {
        String logs = captureLogs(() -> {
            EvolinkComponent another = new EvolinkComponent();
            another.getConfiguration().setApiKey("sk-another-key-000");
            another.getConfiguration().setBaseUrl(SIM.baseUrl());
            context.addComponent("evolinkwarn", another);
            template.request("evolinkwarn:mj-v7", e -> e.getMessage().setBody("x y"));
        });
        assertThat(logs).contains("org.apache.hc.client5.http.headers is at DEBUG");
    }

    /**
     * Runs {@code action} with every logger at TRACE except HttpClient's header and wire loggers; the header logger
     * is on at DEBUG (the client's warning reacts to that) but prints nothing.
     */
    private static String captureLogs(Runnable action) {
        try (LogCapture logs = LogCapture.everything("%c %m %ex%n")
                .onButDropped("org.apache.hc.client5.http.headers", Level.DEBUG)
                .quiet("org.apache.hc.client5.http.wire", Level.INFO)) {
            action.run();
            return logs.text();
        }
    }

    @Test
    void producerHealthCheckReadsCreditsAndReportsAWrongKeyWithoutShowingIt() throws Exception {
        // producer checks are off by default in Camel (camel.health.producersEnabled)
        context.getEndpoint("evolink:mj-v7").createProducer().start();
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        Collection<HealthCheck.Result> up = HealthCheckHelper.invoke(context);
        HealthCheck.Result ours = up.stream().filter(r -> r.getCheck().getId().equals("producer:evolink-mj-v7"))
                .findFirst().orElseThrow();
        assertThat(ours.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(ours.getDetails()).containsKey("remaining_credits");

        context.getEndpoint("evolink:mj-v7-upscale?apiKey=RAW(" + SECRET + ")").createProducer().start();
        HealthCheck.Result down = HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals("producer:evolink-mj-v7-upscale")).findFirst().orElseThrow();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(down.getMessage().orElse("") + down.getDetails()).doesNotContain(SECRET);
    }
}
