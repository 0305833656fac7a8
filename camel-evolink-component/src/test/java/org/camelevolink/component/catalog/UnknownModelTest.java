package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;
import static org.camelevolink.component.catalog.TestRequests.rejected;

/** A model EvoLink added after this release: only the checks every model shares, so it works without one. */
class UnknownModelTest {

    @Test
    void anythingModelSpecificPasses() {
        CreateTaskRequest r = CreateTaskRequest.builder("mj-v9-zoom").prompt("x".repeat(20_000))
                .imageUrls(List.of("https://example.com/a.tiff", "https://example.com/b", "http://example.com/c.png"))
                .modelParam("zoom", 2.5).modelParam("task_id", "anything").modelParam("mask", "whatever")
                .quality("ultra").callbackUrl("https://hooks.example.com/done").build();
        assertThatCode(() -> VALIDATOR.validate(r)).doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.validate(CreateTaskRequest.builder("gpt-image-2").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void sharedRulesStillApply() {
        rejected(CreateTaskRequest.builder("mj-v9").imageUrls(List.of("file:///etc/passwd")).build(), "image_urls");
        rejected(CreateTaskRequest.builder("mj-v9").imageUrls(List.of("photo.png")).build(), "image_urls");
        rejected(CreateTaskRequest.builder("mj-v9").callbackUrl("http://example.com/cb").build(), "callback_url");
        rejected(CreateTaskRequest.builder("mj-v9").callbackUrl("https://192.168.0.10/cb").build(), "callback_url");
    }

    @Test
    void modelMustNotBeBlank() {
        var e = rejected(CreateTaskRequest.builder(" ").prompt("a cat").build(), "model");
        assertThat(e.getRule()).isEqualTo("is required");
    }

    @Test
    void normalizerLeavesUnknownModelsAlone() {
        CreateTaskRequest r = CreateTaskRequest.builder("mj-v9").prompt("a cat --turbo").build();
        NormalizedRequest n = new RequestNormalizer(TestRequests.CATALOG).normalize(r);
        assertThat(n.request()).isSameAs(r);
        assertThat(n.changed()).isFalse();
    }
}
