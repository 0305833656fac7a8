package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.exceptions.EvolinkTaskFailedException;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.camelevolink.simulator.fault.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

class EvolinkProducerTest extends ProducerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("evolink:mj-v7?speed=fast");
                from("direct:chain")
                        .to("evolink:mj-v7")
                        .setHeader(EvolinkConstants.IMAGE_NUMBER, constant(2))
                        .to("evolink:mj-v7-upscale")
                        .to("evolink:mj-v7-remove-bg?download=true");
                from("direct:fireAndForget").to("evolink:mj-v7?waitForCompletion=false");
                from("direct:allImages").to("evolink:mj-v7?download=true");
                from("direct:outpaint").to("evolink:mj-v7").to("evolink:mj-v7-outpaint?scale=1.5&imageNumber=1");
                from("direct:upload").to("evolink:mj-v7-remove-bg?download=true");
            }
        };
    }

    @Test
    void promptBodyGivesCompletedTaskAndHeaders() {
        Exchange out = template.request("direct:generate", e -> e.getMessage().setBody("a red kite --ar 16:9"));
        assertThat(out.getException()).isNull();
        EvolinkTask task = out.getMessage().getBody(EvolinkTask.class);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.getResults()).hasSize(4);
        assertThat(out.getMessage().getHeader(EvolinkConstants.TASK_ID)).isEqualTo(task.getId());
        assertThat(out.getMessage().getHeader(EvolinkConstants.RESULT_URLS, List.class)).hasSize(4);
        assertThat(out.getMessage().getHeader(EvolinkConstants.CREDITS_USED, Double.class)).isPositive();
    }

    @Test
    void speedFlagsInThePromptAreNotSentAndTheSpeedOptionStays() {
        Exchange out = template.request("direct:generate", e -> e.getMessage().setBody("a red kite --turbo --ar 16:9"));
        assertThat(out.getException()).isNull();
        String taskId = out.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
        String sent = SIM.simulator().journal(org.camelevolink.simulator.http.Endpoint.CREATE).stream()
                .filter(e -> e.body().contains("a red kite")).reduce((a, b) -> b).orElseThrow().body();
        assertThat(sent).contains("\"prompt\":\"a red kite --ar 16:9\"").doesNotContain("--turbo")
                .contains("\"speed\":\"fast\"");
        assertThat(taskId).isNotBlank();
    }

    @Test
    void chainUpscalesTheChosenImageAndRemovesItsBackground() throws Exception {
        Exchange out = template.request("direct:chain", e -> e.getMessage().setBody("a teapot"));
        assertThat(out.getException()).isNull();
        byte[] png = out.getMessage().getBody(byte[].class);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        assertThat(out.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith("-0.png");
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        String upscaleBody = SIM.simulator().journal().entries().stream()
                .filter(e -> e.body().contains("mj-v7-upscale"))
                .findFirst().orElseThrow().body();
        assertThat(upscaleBody).contains("\"image_number\":2");
    }

    @Test
    void stoppingTheContextEndsTheWaitsBeforeItsShutdownTimeoutWithAnErrorNamingTheTask() throws Exception {
        SIM.simulator().faults().script(org.camelevolink.simulator.http.Endpoint.CREATE,
                Fault.of(org.camelevolink.simulator.fault.FaultKind.NEVER_FINISH), 3);
        List<java.util.concurrent.CompletableFuture<Exchange>> waiting = List.of(1, 2, 3).stream()
                .map(i -> template.asyncSend("direct:generate", e -> e.getMessage().setBody("a slow kite " + i)))
                .toList();
        // waiting, not just charged: stopping before the answers are read would end them with "client closed"
        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        waitingFor("three tasks waited for").until(() -> evolink.tracker().waiting() == 3);
        context.getShutdownStrategy().setTimeout(5);
        context.stop(); // Camel's graceful shutdown waits for in-flight exchanges: ours end 2 s before it gives up
        assertThat(context.getShutdownStrategy().hasTimeoutOccurred()).as("shutdown waited its full timeout")
                .isFalse();
        for (java.util.concurrent.CompletableFuture<Exchange> f : waiting) {
            Exchange ended = f.get(Waiting.LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ended.getException()).hasMessageContaining("stopping").hasMessageContaining("task-");
        }
    }

    @Test
    void aTaskThatEndsWhileTheContextStopsStillReachesItsExchange() throws Exception {
        SIM.simulator().faults().script(org.camelevolink.simulator.http.Endpoint.CREATE,
                Fault.of(org.camelevolink.simulator.fault.FaultKind.NEVER_FINISH), 1);
        java.util.concurrent.CompletableFuture<Exchange> waiting = template.asyncSend("direct:generate",
                e -> e.getMessage().setBody("a kite at dusk"));
        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        waitingFor("the task waited for").until(() -> evolink.tracker().waiting() == 1);
        String taskId = SIM.simulator().journal(org.camelevolink.simulator.http.Endpoint.CREATE).get(0).taskId();
        context.getShutdownStrategy().setTimeout(30);
        java.util.concurrent.CompletableFuture<Void> stopping =
                java.util.concurrent.CompletableFuture.runAsync(context::stop);
        waitingFor("the context stopping").until(() -> context.isStopping());
        assertThat(SIM.simulator().completeTask(taskId)).isTrue();
        Exchange done = waiting.get(Waiting.LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("completed");
        stopping.get(Waiting.LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(context.getShutdownStrategy().hasTimeoutOccurred()).isFalse();
    }

    @Test
    void fireAndForgetReturnsThePendingTaskAtOnce() {
        Exchange out = template.request("direct:fireAndForget", e -> e.getMessage().setBody("a boat"));
        EvolinkTask task = out.getMessage().getBody(EvolinkTask.class);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.getEstimatedTime()).isNotNull();
    }

    @Test
    void severalImagesBecomeAListOfMessagesForSplit() {
        Exchange out = template.request("direct:allImages", e -> e.getMessage().setBody("four cats"));
        List<?> images = out.getMessage().getBody(List.class);
        assertThat(images).hasSize(4);
        Message third = (Message) images.get(2);
        assertThat(third.getHeader(EvolinkConstants.RESULT_INDEX)).isEqualTo(2);
        assertThat(third.getHeader(Exchange.FILE_NAME, String.class)).endsWith("-2.png");
        assertThat(third.getBody(byte[].class)).isNotEmpty();
    }

    @Test
    void outpaintTakesTheSourceTaskFromTheBody() {
        Exchange out = template.request("direct:outpaint", e -> e.getMessage().setBody("a hill"));
        assertThat(out.getException()).isNull();
        EvolinkTask task = out.getMessage().getBody(EvolinkTask.class);
        assertThat(task.getModel()).isEqualTo("mj-v7-outpaint");
        assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void imageBytesAreUploadedThroughTheFilesApi() throws Exception {
        byte[] input = squareOnWhite();
        Exchange out = template.request("direct:upload", e -> e.getMessage().setBody(input));
        assertThat(out.getException()).isNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void fileAndGenericFileBodiesAreUploaded() throws Exception {
        File png = File.createTempFile("input", ".png");
        png.deleteOnExit();
        Files.write(png.toPath(), squareOnWhite());
        byte[] cutout = template.requestBody("evolink:mj-v7-remove-bg?download=true", png, byte[].class);
        assertThat(cutout).isNotEmpty();
        Map<String, Object> headers = Map.of(Exchange.FILE_NAME_ONLY, "from-folder.png");
        template.requestBodyAndHeaders("evolink:mj-v7-remove-bg", Files.newInputStream(png.toPath()), headers);
        assertThat(SIM.simulator().journal().entries().stream().filter(e -> e.path().contains("/upload/stream"))
                .count()).isEqualTo(2);
        assertThat(SIM.simulator().journal().entries().stream().anyMatch(e -> e.body().contains("from-folder.png")))
                .isTrue();
    }

    /** A body that is no image is refused before any upload, against the endpoint's model, not the upload step. */
    @Test
    void aBodyThatIsNoImageIsRefusedAgainstTheEndpointsModel() {
        int before = SIM.simulator().journal().entries().size();
        Exchange out = template.request("direct:upload",
                e -> e.getMessage().setBody("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(out.getException()).isInstanceOf(EvolinkValidationException.class);
        EvolinkValidationException error = (EvolinkValidationException) out.getException();
        assertThat(error.getModel()).isEqualTo("mj-v7-remove-bg");
        assertThat(error.getField()).isEqualTo("body");
        assertThat(error).hasMessage("Invalid request for EvoLink model mj-v7-remove-bg: 'body' is not a PNG, JPEG, "
                + "GIF or WebP image (EvoLink's files API takes images only)");
        assertThat(SIM.simulator().journal().entries()).hasSize(before);
    }

    /** A 64x64 PNG: white background, a dark square in the middle. */
    static byte[] squareOnWhite() throws java.io.IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(16, 16, 32, 32);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void aSourceTaskOfTheWrongFamilyFailsBeforeAnythingIsSent() {
        EvolinkTask v81 = template.requestBody("evolink:mj-v8.1", "a boat", EvolinkTask.class);
        int before = SIM.simulator().journal().entries().size();
        Exchange out = template.request("evolink:mj-v7-upscale", e -> e.getMessage().setBody(v81));
        assertThat(out.getException()).isInstanceOf(EvolinkValidationException.class);
        assertThat(((EvolinkValidationException) out.getException()).getField()).isEqualTo("model_params.task_id");
        assertThat(SIM.simulator().journal().entries()).hasSize(before);
    }

    @Test
    void invalidOptionFailsTheProducerStartBeforeAnythingIsSent() {
        int before = SIM.simulator().journal().entries().size();
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> template.request(
                "evolink:mj-v7-outpaint?scale=5.0&taskId=task-unified-1-abc", e -> e.getMessage().setBody(null)));
        assertThat(failure).isInstanceOf(org.apache.camel.FailedToCreateProducerException.class);
        EvolinkValidationException e = (EvolinkValidationException) failure.getCause();
        assertThat(e.getField()).isEqualTo("model_params.scale");
        assertThat(e.getModel()).isEqualTo("mj-v7-outpaint");
        assertThat(SIM.simulator().journal().entries()).hasSize(before);
    }

    @ParameterizedTest
    @CsvSource({"content_policy_violation,false", "invalid_parameters,false", "image_processing_error,false",
        "image_dimension_mismatch,false", "request_cancelled,false", "resource_not_found,false",
        "generation_failed_no_content,true", "service_error,true", "generation_timeout,true",
        "resource_exhausted,true", "quota_exceeded,true", "service_unavailable,true", "unknown_error,true"})
    void everyBusinessFailureBecomesATypedExceptionSayingWhetherToRetry(String code, boolean retryable) {
        SIM.simulator().faults().script(null, Fault.failTask(code), 1);
        Exchange out = template.request("direct:generate", e -> e.getMessage().setBody("something"));
        assertThat(out.getException()).isInstanceOf(EvolinkTaskFailedException.class);
        EvolinkTaskFailedException e = (EvolinkTaskFailedException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getTaskId()).startsWith("task-unified-");
        assertThat(e.getModel()).isEqualTo("mj-v7");
    }
}
