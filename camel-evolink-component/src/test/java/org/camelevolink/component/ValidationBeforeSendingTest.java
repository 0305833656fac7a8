package org.camelevolink.component;

import org.apache.camel.FailedToCreateProducerException;
import org.apache.camel.util.ObjectHelper;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of documented rule, broken through an endpoint: a typed error naming model, field and rule, and the
 * simulator's journal proves nothing was sent. A rule broken by the endpoint's own options fails the producer's
 * start ({@link StaticOptionsAtStartTest}); one broken by the message fails the exchange.
 */
class ValidationBeforeSendingTest extends ProducerTestSupport {

    private static final String SOURCE = "taskId=task-unified-1-abcdefgh";

    static Stream<Arguments> brokenRules() {
        String mask = "&maskAreas=RAW([{\"width\":100,\"height\":100,\"points\":[1,1,1,50,50]}])";
        return Stream.of(
                Arguments.of("mj-v7", "", null, "prompt"),
                Arguments.of("mj-v7?speed=relax", "a cat", null, "model_params.speed"),
                Arguments.of("mj-v8.1?speed=turbo", "a cat", null, "model_params.speed"),
                Arguments.of("mj-v7?quality=hd", "a cat", null, "quality"),
                Arguments.of("mj-v8.2?quality=hd&speed=draft", "a cat", null, "quality"),
                Arguments.of("mj-v7", "x".repeat(8193), null, "prompt"),
                Arguments.of("mj-v8.1", "x".repeat(1025), null, "prompt"),
                Arguments.of("mj-v7", "https://example.com/a.png", null, "prompt"),
                Arguments.of("mj-v7", "a cat --v 6", null, "prompt"),
                Arguments.of("mj-v7", "a cat --niji", null, "prompt"),
                Arguments.of("mj-v7", "a cat --c 101", null, "prompt"),
                Arguments.of("mj-v7", "a cat --ar 0:1", null, "prompt"),
                Arguments.of("mj-v7", "a cat --sv 3", null, "prompt"),
                Arguments.of("mj-v7?imageUrls=https://example.com/a.png", "a cat", null, "image_urls"),
                Arguments.of("mj-v7?param.seed=1", "a cat", null, "model_params.seed"),
                Arguments.of("mj-v7-upscale?type=bold&" + SOURCE, null, null, "model_params.type"),
                Arguments.of("mj-v7-upscale?imageNumber=4&" + SOURCE, null, null, "model_params.image_number"),
                Arguments.of("mj-v8.2-variation?imageNumber=24&" + SOURCE, null, null, "model_params.image_number"),
                Arguments.of("mj-v7-upscale?taskId=12345", null, null, "model_params.task_id"),
                Arguments.of("mj-v7-upscale", null, null, "model_params.task_id"),
                Arguments.of("mj-v7-upscale?prompt=bigger&" + SOURCE, null, null, "prompt"),
                Arguments.of("mj-v7-outpaint?scale=2.1&" + SOURCE, null, null, "model_params.scale"),
                Arguments.of("mj-v7-outpaint?scale=1.0&" + SOURCE, null, null, "model_params.scale"),
                Arguments.of("mj-v7-pan?scale=3.5&" + SOURCE, null, null, "model_params.scale"),
                Arguments.of("mj-v7-pan?direction=north&" + SOURCE, null, null, "model_params.direction"),
                Arguments.of("mj-v7-remix?" + SOURCE, null, null, "prompt"),
                Arguments.of("mj-v7-remix?mode=wild&" + SOURCE, "autumn", null, "model_params.mode"),
                Arguments.of("mj-v7-inpaint?" + SOURCE, null, null, "model_params.mask"),
                Arguments.of("mj-v7-inpaint?" + SOURCE + mask, null, null, "model_params.mask.areas[0].points"),
                Arguments.of("mj-v7-inpaint?maskUrl=data:image/png;base64,AAAA&" + SOURCE, null, null,
                        "model_params.mask.url"),
                Arguments.of("mj-v7-edit?canvasWidth=100&" + SOURCE, "fill", null, "model_params.canvas.height"),
                Arguments.of("mj-v7-edit?canvasWidth=100&canvasHeight=100&" + SOURCE, "fill", null,
                        "model_params.img_pos"),
                Arguments.of("mj-v7-remove-bg", null, null, "image_urls"),
                Arguments.of("mj-v7-remove-bg?imageUrls=https://example.com/a.bmp", null, null, "image_urls"),
                Arguments.of("mj-v8.2-remove-bg?imageUrls=https://example.com/a.webp", null, null, "image_urls"),
                Arguments.of("mj-v7-remove-bg?imageUrls=ftp://example.com/a.png", null, null, "image_urls"),
                Arguments.of("mj-v7-remove-bg?imageUrls=https://e.com/a.png,https://e.com/b.png", null, null,
                        "image_urls"),
                Arguments.of("mj-v7-retexture?imageUrls=https://e.com/a.png", null, null, "prompt"),
                Arguments.of("mj-v7?callbackUrl=http://hooks.example.com/x", "a cat", null, "callback_url"),
                Arguments.of("mj-v7", "a cat", Map.of("callback_url", "https://127.0.0.1/x"), "callback_url"),
                Arguments.of("mj-v7", "a cat", Map.of("callback_url", "https://10.0.0.1/x"), "callback_url"),
                Arguments.of("mj-v7", "a cat", Map.of("callback_url", "https://e.com/" + "a".repeat(2040)),
                        "callback_url"),
                Arguments.of("mj-v7?maskAreas=not-json", "a cat", null, "model_params.mask.areas"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("brokenRules")
    void brokenRuleIsTypedAndNothingIsSent(String uri, String prompt, Map<String, Object> bodyMap, String field) {
        int before = SIM.simulator().journal().entries().size();
        String endpoint = "evolink:" + uri;
        Throwable failure;
        try {
            failure = template.request(endpoint, e -> {
                if (bodyMap != null) {
                    Map<String, Object> body = new java.util.HashMap<>(bodyMap);
                    body.put("prompt", prompt);
                    e.getMessage().setBody(body);
                } else {
                    e.getMessage().setBody(prompt);
                }
            }).getException();
        } catch (FailedToCreateProducerException atStart) {
            failure = atStart; // a static option breaks the rule: the producer does not start
        }
        EvolinkValidationException e = ObjectHelper.getException(EvolinkValidationException.class, failure);
        assertThat(e).as(endpoint + " failed with " + failure).isNotNull();
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getModel()).isEqualTo(uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);
        assertThat(e.getRule()).isNotBlank();
        assertThat(e.getMessage()).contains(e.getModel()).contains(field);
        assertThat(SIM.simulator().journal().entries()).as("nothing sent").hasSize(before);
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        // strict callback rules, as against the real API (the shared set-up is in test mode)
        context.getComponent("evolink", EvolinkComponent.class).getConfiguration().setAllowInsecureUrls(false);
        return context;
    }
}
