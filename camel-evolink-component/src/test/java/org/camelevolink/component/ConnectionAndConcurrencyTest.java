package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.exceptions.TooManyTasksException;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelevolink.component.Waiting.waitingFor;

/** maxConcurrentTasks (queue or fail fast), the proxy options and sslContextParameters. */
class ConnectionAndConcurrencyTest extends ProducerTestSupport {

    private static void awaitCreates(int count) {
        waitingFor(count + " submits").atMost(Duration.ofSeconds(10))
                .until(() -> SIM.simulator().journal(Endpoint.CREATE).size() >= count);
    }

    @Test
    void beyondTheLimitSubmissionsQueueUntilAPlaceFrees() throws Exception {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 2);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            sent.add(template.asyncSend("evolink:mj-v7?maxConcurrentTasks=2", e -> e.getMessage().setBody("task " + n)));
        }
        awaitCreates(2);
        Thread.sleep(200); // time for a third submit, if the limit let it through
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).as("the third waits for a place").hasSize(2);
        SIM.simulator().journal(Endpoint.CREATE).forEach(e -> SIM.simulator().completeTask(e.taskId()));
        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(30, TimeUnit.SECONDS).getMessage().getBody(EvolinkTask.class)).isNotNull();
        }
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(3);
    }

    @Test
    void failFastBeyondTheLimitSubmitsNothing() throws Exception {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        String uri = "evolink:mj-v7?maxConcurrentTasks=1&failWhenConcurrencyExceeded=true";
        CompletableFuture<Exchange> first = template.asyncSend(uri, e -> e.getMessage().setBody("stuck"));
        awaitCreates(1);
        Exchange second = template.request(uri, e -> e.getMessage().setBody("refused"));
        assertThat(second.getException()).isInstanceOf(TooManyTasksException.class);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
        SIM.simulator().completeTask(SIM.simulator().journal(Endpoint.CREATE).get(0).taskId());
        assertThat(first.get(30, TimeUnit.SECONDS).getException()).isNull();
        assertThat(template.request(uri, e -> e.getMessage().setBody("again")).getException()).isNull();
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() {
        // the simulator plays the proxy: an unresolvable host is only reachable through it
        String uri = "evolink:mj-v7?baseUrl=http://evolink.invalid&filesBaseUrl=http://evolink.invalid"
                + "&proxyHost=127.0.0.1&proxyPort=" + SIM.simulator().port() + "&downloadAllowedHosts=127.0.0.1";
        Exchange out = template.request(uri, e -> e.getMessage().setBody("through a proxy"));
        assertThat(out.getException()).isNull();
        assertThat(SIM.simulator().journal(Endpoint.CREATE).get(0).path())
                .startsWith("http://evolink.invalid/v1/images");
    }

    @Test
    void sslContextParametersAreUsedForTheClient() {
        SSLContextParameters ssl = new SSLContextParameters();
        TrustManagersParameters trust = new TrustManagersParameters();
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:does-not-exist.p12");
        store.setPassword("changeit");
        trust.setKeyStore(store);
        ssl.setTrustManagers(trust);
        context.getRegistry().bind("badTls", ssl);
        assertThatThrownBy(() -> context.getEndpoint("evolink:mj-v7?sslContextParameters=#badTls").createProducer()
                .start()).hasMessageContaining("sslContextParameters");
    }
}
