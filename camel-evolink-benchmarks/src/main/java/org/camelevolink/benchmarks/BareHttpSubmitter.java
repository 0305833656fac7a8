package org.camelevolink.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The submit baseline: the JDK's HttpClient POSTing the same body with the same key, no store, no validation, no
 * retry. What the component adds to a submit is its figure over this one's, measured in the same run.
 */
final class BareHttpSubmitter implements Submitter {

    static final String ID = "bare HTTP POST (JDK HttpClient)";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI create;
    private final String model;

    BareHttpSubmitter(EvolinkSimulator sim, String model) {
        this.create = URI.create(sim.baseUrl() + "/v1/images/generations");
        this.model = model;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String submit(int i) throws Exception {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(create)
                .header("Authorization", "Bearer " + BenchSettings.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Submitter.body(model, i))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("submit answered " + answer.statusCode());
        }
        JsonNode task = BareHttp.JSON.readTree(answer.body());
        return task.path("id").asText();
    }

    @Override
    public void close() {
        // the JDK client (17) has no close; its threads are daemons
    }
}
