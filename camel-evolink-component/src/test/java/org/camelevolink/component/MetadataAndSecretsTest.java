package org.camelevolink.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated catalog, the key's secrecy everywhere it could leak, the health check and file bodies. */
class MetadataAndSecretsTest extends ProducerTestSupport {

    private static final String SECRET = "sk-very-secret+key/value=42";

    @Test
    void generatedCatalogDescribesEveryOptionAndHeaderAndMarksTheKeySecret() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/org/camelevolink/component/evolink.json")) {
            json = new ObjectMapper().readTree(in);
        }
        assertThat(json.at("/component/scheme").asText()).isEqualTo("evolink");
        assertThat(json.at("/component/syntax").asText()).isEqualTo("evolink:model");
        for (String section : new String[] {"componentProperties", "properties", "headers"}) {
            json.get(section).fields().forEachRemaining(e -> assertThat(e.getValue().path("description").asText())
                    .as(section + "." + e.getKey()).isNotBlank());
        }
        assertThat(json.at("/properties/apiKey/secret").asBoolean()).isTrue();
        assertThat(json.at("/properties/apiKey/label").asText()).contains("security");
        assertThat(json.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        json.get("headers").fieldNames().forEachRemaining(h -> assertThat(h).startsWith("CamelEvolink"));
        assertThat(json.at("/properties/speed/enum")).hasSize(3);
        var catalog = PluginHelper.getRuntimeCamelCatalog(context);
        var bad = catalog.validateProperties("evolink", Map.of("model", "mj-v7", "speed", "slow", "nonsense", "1"));
        assertThat(bad.isSuccess()).isFalse();
        assertThat(bad.getUnknown()).contains("nonsense");
        assertThat(bad.getInvalidEnum()).containsKey("speed");
        assertThat(catalog.validateProperties("evolink", Map.of("model", "mj-v7-pan", "direction", "left", "scale",
                "2", "waitForCompletion", "false")).isSuccess()).isTrue();
    }

    @Test
    void theReferenceDocumentsEveryGeneratedOptionAndHeader() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/org/camelevolink/component/evolink.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String adoc = Files.readString(Path.of("../docs/evolink-component.adoc"));
        for (String section : new String[] {"componentProperties", "properties", "headers"}) {
            json.get(section).fieldNames().forEachRemaining(name -> assertThat(adoc).as(section)
                    .contains("| *" + name + "*"));
        }
    }

    /** The tables are the generator's output for the catalog of this build, not a hand edit nor a stale run. */
    @Test
    void theReferenceTablesAreWhatTheGeneratorWritesFromTheCatalog() throws Exception {
        Process check = new ProcessBuilder("python3", "../docs/tools/update-component-options.py", "--check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("up to date");
    }

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
            secretive.getConfiguration().setBaseUrl(sim.baseUrl());
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
        assertThat(sim.journal().entries().toString()).doesNotContain(SECRET);
    }

    @Test
    void theClientWarnsWhenHttpClientHeaderLoggingIsOn() {
        String logs = captureLogs(() -> {
            EvolinkComponent another = new EvolinkComponent();
            another.getConfiguration().setApiKey("sk-another-key-000");
            another.getConfiguration().setBaseUrl(sim.baseUrl());
            context.addComponent("evolinkwarn", another);
            template.request("evolinkwarn:mj-v7", e -> e.getMessage().setBody("x y"));
        });
        assertThat(logs).contains("org.apache.hc.client5.http.headers is at DEBUG");
    }

    /** Runs {@code action} with every logger at TRACE except HttpClient's header and wire loggers. */
    private static String captureLogs(Runnable action) {
        StringWriter logs = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build()).build();
        appender.start();
        LoggerConfig root = config.getRootLogger();
        Level previous = root.getLevel();
        root.addAppender(appender, Level.TRACE, null);
        root.setLevel(Level.TRACE);
        LoggerConfig headers = new LoggerConfig("org.apache.hc.client5.http.headers", Level.DEBUG, true);
        LoggerConfig wire = new LoggerConfig("org.apache.hc.client5.http.wire", Level.INFO, false);
        headers.addFilter(org.apache.logging.log4j.core.filter.ThresholdFilter.createFilter(Level.FATAL,
                org.apache.logging.log4j.core.Filter.Result.ACCEPT, org.apache.logging.log4j.core.Filter.Result.DENY));
        config.addLogger(headers.getName(), headers);
        config.addLogger(wire.getName(), wire);
        ctx.updateLoggers();
        try {
            action.run();
        } finally {
            config.removeLogger(headers.getName());
            config.removeLogger(wire.getName());
            root.removeAppender("capture");
            root.setLevel(previous);
            ctx.updateLoggers();
            appender.stop();
        }
        return logs.toString();
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

    @Test
    void fileAndGenericFileBodiesAreUploaded() throws Exception {
        File png = File.createTempFile("input", ".png");
        png.deleteOnExit();
        Files.write(png.toPath(), EvolinkProducerTest.squareOnWhite());
        byte[] cutout = template.requestBody("evolink:mj-v7-remove-bg?download=true", png, byte[].class);
        assertThat(cutout).isNotEmpty();
        Map<String, Object> headers = Map.of(Exchange.FILE_NAME_ONLY, "from-folder.png");
        template.requestBodyAndHeaders("evolink:mj-v7-remove-bg", Files.newInputStream(png.toPath()), headers);
        assertThat(sim.journal().entries().stream().filter(e -> e.path().contains("/upload/stream")).count())
                .isEqualTo(2);
        assertThat(sim.journal().entries().stream().anyMatch(e -> e.body().contains("from-folder.png"))).isTrue();
    }
}
