package org.camelevolink.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.FileUtil;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;
import org.camelevolink.component.exceptions.EvolinkTaskFailedException;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes that docs/chaining.md, docs/errors-and-retries.md and docs/security.md show, run against the simulator.
 * The guides quote the route builders below word for word ({@code GuideSnippetsTest} checks that they do); the tests
 * check what the guides say about them.
 */
class GuideRoutesTest extends CamelTestSupport {

    static EvolinkSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001).imageBaseSize(96).build());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulatorAndOutput() {
        sim.reset();
        FileUtil.removeDir(new File("target/guides"));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EvolinkComponent evolink = new EvolinkComponent();
        evolink.getConfiguration().setApiKey(SimulatorConfig.DEFAULT_API_KEY);
        evolink.getConfiguration().setBaseUrl(sim.baseUrl());
        evolink.getConfiguration().setFilesBaseUrl(sim.filesBaseUrl());
        evolink.getConfiguration().setAllowInsecureUrls(true);
        evolink.getConfiguration().setMinPollInterval(20);
        evolink.setTaskStore(new InMemoryTaskStore());
        context.addComponent("evolink", evolink);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new ChainingRoutes(), new ErrorRoutes(), new PlainRedeliveryRoutes(),
            new SecurityRoutes()};
    }

    // ---- docs/chaining.md -----------------------------------------------------------------------------------------

    static final class ChainingRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:lantern")
                .to("evolink:mj-v7?prompt=a paper lantern on a windowsill --ar 3:2")   // 4 images; the task is the body
                .to("evolink:mj-v7-variation?imageNumber=3&type=strong")             // source: the task in the body
                .to("evolink:mj-v7-upscale?imageNumber=0&download=true")             // source: the variation task
                .to("file:target/guides/lantern");

            from("direct:upscale-by-id")                       // the body is the id of a finished mj-v7 task
                .setHeader("CamelEvolinkTaskId", body())
                .setBody(constant(null))                       // a String body would be taken as a prompt
                .to("evolink:mj-v7-upscale?imageNumber=2&download=true")
                .to("file:target/guides/by-id");

            from("direct:remix")
                .to("evolink:mj-v7?prompt=a glass teapot --ar 1:1")
                .setHeader("CamelEvolinkImageNumber", constant(3))   // wins over any imageNumber option...
                .to("evolink:mj-v7-remix?prompt=a glass teapot in the snow")
                .removeHeader("CamelEvolinkImageNumber")             // ...of every later step, until removed
                .to("evolink:mj-v7-upscale?imageNumber=1");

            from("direct:variations")
                .to("evolink:mj-v7?prompt=a paper lantern --ar 1:1")
                .to("evolink:mj-v7-variation?imageNumber=0&download=true")  // 4 images: a List of messages
                .split(body())
                    .to("file:target/guides/variations")                    // <task id>-0.png ... <task id>-3.png
                .end();

            // not in the guide: what happens when the header is left in place, and after a one-image download
            from("direct:remix-header-left").to("evolink:mj-v7?prompt=a glass teapot --ar 1:1")
                    .setHeader("CamelEvolinkImageNumber", constant(3))
                    .to("evolink:mj-v7-remix?prompt=a glass teapot in the snow")
                    .to("evolink:mj-v7-upscale?imageNumber=1");
            from("direct:after-download").to("evolink:mj-v7?prompt=a glass teapot --ar 1:1")
                    .to("evolink:mj-v7-upscale?imageNumber=1&download=true")
                    .to("evolink:mj-v7-variation");
        }
    }

    @Test
    void eachFollowUpTakesTheFinishedTaskInTheBodyAsItsSource() throws Exception {
        template.sendBody("direct:lantern", null);

        List<JournalEntry> creates = sim.journal(Endpoint.CREATE);
        assertThat(creates).extracting(GuideRoutesTest::model).containsExactly("mj-v7", "mj-v7-variation",
                "mj-v7-upscale");
        assertThat(sim.task(creates.get(1).taskId()).source().id()).isEqualTo(creates.get(0).taskId());
        assertThat(sim.task(creates.get(2).taskId()).source().id()).isEqualTo(creates.get(1).taskId());
        assertThat(creates.get(1).body()).contains("\"image_number\":3", "\"type\":\"strong\"");
        assertThat(creates.get(2).body()).contains("\"image_number\":0");
        List<Path> files = files("target/guides/lantern");
        assertThat(files).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .isEqualTo(creates.get(2).taskId() + "-0.png"));
        BufferedImage upscaled = ImageIO.read(files.get(0).toFile());
        assertThat(upscaled.getWidth()).isEqualTo(192); // 96 x 64 at 2x
        assertThat(upscaled.getHeight()).isEqualTo(128);
    }

    @Test
    void aSourceTaskKnownByItsIdGoesInTheTaskIdHeader() throws Exception {
        EvolinkTask generated = template.requestBody("evolink:mj-v7?prompt=a red kite --ar 3:2", null,
                EvolinkTask.class);
        template.sendBody("direct:upscale-by-id", generated.getId());

        JournalEntry upscale = sim.journal(Endpoint.CREATE).get(1);
        assertThat(upscale.body()).contains("\"task_id\":\"" + generated.getId() + "\"", "\"image_number\":2")
                .doesNotContain("prompt");
        assertThat(files("target/guides/by-id")).hasSize(1);
    }

    @Test
    void aStringBodyIsAPromptWhichAnUpscaleRefuses() {
        EvolinkTask generated = template.requestBody("evolink:mj-v7?prompt=a red kite --ar 3:2", null,
                EvolinkTask.class);
        Exchange out = template.request("evolink:mj-v7-upscale", e -> {
            e.getMessage().setHeader("CamelEvolinkTaskId", generated.getId());
            e.getMessage().setBody(generated.getId());
        });
        assertThat(out.getException()).isInstanceOf(EvolinkValidationException.class);
        assertThat(((EvolinkValidationException) out.getException()).getField()).isEqualTo("prompt");
    }

    @Test
    void theImageNumberHeaderWinsOverTheOptionOfEveryLaterStepUntilRemoved() {
        template.sendBody("direct:remix", null);
        List<JournalEntry> creates = sim.journal(Endpoint.CREATE);
        assertThat(creates.get(1).body()).contains("\"image_number\":3");
        assertThat(creates.get(2).body()).contains("\"image_number\":1");

        sim.reset();
        template.sendBody("direct:remix-header-left", null);
        assertThat(sim.journal(Endpoint.CREATE).get(2).body()).as("the header left in place wins over imageNumber=1")
                .contains("\"image_number\":3");
    }

    @Test
    void severalDownloadedImagesAreAListOfMessagesThatSplitWritesOneByOne() throws Exception {
        template.sendBody("direct:variations", null);
        String variation = sim.journal(Endpoint.CREATE).get(1).taskId();
        assertThat(files("target/guides/variations")).extracting(p -> p.getFileName().toString())
                .containsExactly(variation + "-0.png", variation + "-1.png", variation + "-2.png", variation + "-3.png");
    }

    @Test
    void afterAOneImageDownloadTheBytesInTheBodyAreAnImageToUpload() {
        Exchange out = template.request("direct:after-download", e -> { });
        assertThat(out.getException()).isInstanceOf(EvolinkValidationException.class);
        assertThat(((EvolinkValidationException) out.getException()).getField()).isEqualTo("image_urls");
        assertThat(sim.journal(Endpoint.CREATE)).hasSize(2);
    }

    // ---- docs/errors-and-retries.md --------------------------------------------------------------------------------

    static final class ErrorRoutes extends RouteBuilder {
        @Override
        public void configure() {
            onException(EvolinkValidationException.class)       // nothing was sent, nothing is paid
                .handled(true)
                .setBody(simple("refused: ${exception.field} ${exception.rule}"));

            onException(EvolinkTaskFailedException.class)
                .onWhen(exchange -> exchange.getException(EvolinkTaskFailedException.class).isRetryable())
                .maximumRedeliveries(2).redeliveryDelay(1000).asyncDelayedRedelivery()
                // a new idempotency key per attempt: with the same key, the failed task itself comes back, unpaid
                .onRedelivery(exchange -> exchange.getMessage().setHeader("CamelEvolinkIdempotencyKey",
                        exchange.getExchangeId() + "-" + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)));

            onException(EvolinkTimeoutException.class)          // the task still exists: keep its id
                .handled(true)
                .setBody(simple("${exception.taskId}"))
                .to("file:target/guides/unfinished?fileName=${header.orderId}.txt");

            from("direct:zoom-out")
                .to("evolink:mj-v7?prompt=a red kite --ar 3:2")
                .setHeader("CamelEvolinkImageNumber", header("pick"))   // which of the 4 images: 0 to 3
                .to("evolink:mj-v7-outpaint?scale=1.5");

            from("direct:poster")
                .to("evolink:mj-v7?prompt=a poster of a red kite");

            from("direct:order")
                .setHeader("CamelEvolinkIdempotencyKey", simple("order-${header.orderId}"))
                .to("evolink:mj-v7?prompt=a poster of a red kite&maxWaitTime=1s");
        }
    }

    /** Not in the guide: the redelivery of the reference's first example, without a new key. */
    static final class PlainRedeliveryRoutes extends RouteBuilder {
        @Override
        public void configure() {
            onException(EvolinkTaskFailedException.class)
                .onWhen(exchange -> exchange.getException(EvolinkTaskFailedException.class).isRetryable())
                .maximumRedeliveries(2).redeliveryDelay(100).asyncDelayedRedelivery();

            from("direct:poster-same-key").to("evolink:mj-v7?prompt=a poster of a red kite");
        }
    }

    @Test
    void aBrokenRuleIsRefusedBeforeAnythingIsSent() {
        String body = template.requestBodyAndHeader("direct:zoom-out", null, "pick", 7, String.class);
        assertThat(body).isEqualTo("refused: model_params.image_number must be within 0-3, got 7");
        assertThat(sim.journal(Endpoint.CREATE)).extracting(GuideRoutesTest::model).containsExactly("mj-v7");
    }

    @Test
    void aRetryableTaskFailureIsRetriedAsANewTaskWithANewKey() {
        sim.faults().script(Endpoint.CREATE, Fault.failTask("generation_timeout"), 1);
        Exchange out = template.request("direct:poster", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(EvolinkTask.class).getStatus().wireName()).isEqualTo("completed");
        List<JournalEntry> creates = sim.journal(Endpoint.CREATE);
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).idempotencyKey()).isNotEqualTo(creates.get(1).idempotencyKey());
        assertThat(sim.task(creates.get(0).taskId()).terminal().errorCode()).isEqualTo("generation_timeout");
    }

    @Test
    void aRedeliveryWithTheSameKeyGetsTheSameFailedTaskBackWithoutSubmitting() {
        sim.faults().script(Endpoint.CREATE, Fault.failTask("generation_timeout"), 1);
        Exchange out = template.request("direct:poster-same-key", e -> { });

        assertThat(out.getException()).isInstanceOf(EvolinkTaskFailedException.class);
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(2);
        assertThat(sim.journal(Endpoint.CREATE)).hasSize(1);
        assertThat(((EvolinkTaskFailedException) out.getException()).getTaskId())
                .isEqualTo(sim.journal(Endpoint.CREATE).get(0).taskId());
    }

    @Test
    void aNonRetryableTaskFailureIsNotRedelivered() {
        sim.faults().script(Endpoint.CREATE, Fault.failTask("content_policy_violation"), 1);
        Exchange out = template.request("direct:poster", e -> { });

        assertThat(out.getException()).isInstanceOf(EvolinkTaskFailedException.class);
        EvolinkTaskFailedException failed = (EvolinkTaskFailedException) out.getException();
        assertThat(failed.getErrorCode()).isEqualTo("content_policy_violation");
        assertThat(failed.isRetryable()).isFalse();
        assertThat(sim.journal(Endpoint.CREATE)).hasSize(1);
    }

    @Test
    void aTimedOutTaskIsNamedAndASecondSendWithTheSameKeyGetsItWithoutPaying() throws Exception {
        sim.faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        template.sendBodyAndHeader("direct:order", null, "orderId", "42");
        String taskId = Files.readString(Path.of("target/guides/unfinished/42.txt"));
        assertThat(taskId).isEqualTo(sim.journal(Endpoint.CREATE).get(0).taskId());

        // still running: a second send reads it once and times out at once (the wait counts from the submit)
        Exchange again = template.request("evolink:mj-v7?prompt=a poster of a red kite&maxWaitTime=1s",
                e -> e.getMessage().setHeader("CamelEvolinkIdempotencyKey", "order-42"));
        assertThat(again.getException()).isInstanceOf(EvolinkTimeoutException.class);

        sim.completeTask(taskId);
        Exchange done = template.request("direct:order", e -> e.getMessage().setHeader("orderId", "42"));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader("CamelEvolinkTaskId")).isEqualTo(taskId);
        assertThat(done.getMessage().getHeader("CamelEvolinkTaskStatus")).isEqualTo("completed");
        assertThat(sim.journal(Endpoint.CREATE)).hasSize(1);
    }

    @Test
    void aLostSubmitAnswerOr503IsSentAgainWithTheSameKeyAndPaidOnce() {
        sim.faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_503), 1);
        sim.faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_AFTER), 1);
        Exchange out = template.request("evolink:mj-v7?prompt=a red kite", e -> { });

        assertThat(out.getException()).isNull();
        List<JournalEntry> creates = sim.journal(Endpoint.CREATE);
        assertThat(creates).hasSize(3);
        assertThat(creates).extracting(JournalEntry::idempotencyKey).containsOnly(creates.get(0).idempotencyKey());
        assertThat(sim.journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void aRefusedKeyIsAn401ApiExceptionThatIsNotRetried() {
        Exchange out = template.request("evolink:mj-v7?prompt=a red kite&apiKey=RAW(sk-not-a-key)", e -> { });
        assertThat(out.getException()).isInstanceOf(EvolinkApiException.class);
        EvolinkApiException refused = (EvolinkApiException) out.getException();
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.isRetryable()).isFalse();
        assertThat(sim.journal(Endpoint.CREATE)).hasSize(1);
    }

    // ---- docs/security.md ------------------------------------------------------------------------------------------

    static final class SecurityRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:only-from-the-cdn")
                .to("evolink:mj-v7?prompt=a red kite&download=true&downloadAllowedHosts=cdn.example.com");

            from("direct:small-images-only")
                .to("evolink:mj-v7?prompt=a red kite&download=true&maxDownloadBytes=1000");

            from("direct:https-only")
                .to("evolink:mj-v7?prompt=a red kite&download=true&allowInsecureUrls=false");
        }
    }

    @Test
    void resultsAreDownloadedOnlyFromAllowedHostsAfterTheTaskRan() {
        Exchange out = template.request("direct:only-from-the-cdn", e -> { });
        assertThat(out.getException()).isInstanceOf(EvolinkException.class)
                .hasMessageStartingWith("Refusing to download a result from host 127.0.0.1: not in [cdn.example.com]");
        assertThat(sim.journal().chargedSubmits()).as("the host is judged after the task ran").isEqualTo(1);
        assertThat(sim.journal(Endpoint.MEDIA)).as("nothing was fetched").isEmpty();
    }

    @Test
    void aResultAboveMaxDownloadBytesIsNotRead() {
        Exchange out = template.request("direct:small-images-only", e -> { });
        assertThat(out.getException()).isInstanceOf(EvolinkApiException.class);
        assertThat(((EvolinkApiException) out.getException()).getCode()).isEqualTo("response_too_large");
    }

    @Test
    void resultsComeOnlyOverHttpsUnlessAllowInsecureUrls() {
        Exchange out = template.request("direct:https-only", e -> { });
        assertThat(out.getException()).isInstanceOf(EvolinkException.class)
                .hasMessageStartingWith("Refusing to download a result over http: ");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String model(JournalEntry create) {
        String body = create.body();
        int at = body.indexOf("\"model\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    private static List<Path> files(String dir) throws Exception {
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
