package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.ObjectHelper;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A value an endpoint's URI (or the component) fixes is checked when the route starts, with the rules and messages
 * of per-message validation: a chain whose later step is misconfigured does not start, so its first step is never
 * paid for.
 */
class StaticOptionsAtStartTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .imageBaseSize(64));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        mj-v7-outpaint?scale=2.5&imageNumber=1    | model_params.scale
        mj-v7-upscale?imageNumber=7               | model_params.image_number
        mj-v7-upscale?type=bold                   | model_params.type
        mj-v8.1?speed=turbo                       | model_params.speed
        mj-v7?quality=hd                          | quality
        mj-v7?param.seed=1                        | model_params.seed
        mj-v7?prompt=a cat --ar 0:1               | prompt
        mj-v7-remove-bg?imageUrls=ftp://e.com/a.png | image_urls
        mj-v7?callbackUrl=http://hooks.example.com/x | callback_url
        """)
    void aBadStaticOptionOnALaterStepStopsTheRouteFromStarting(String laterStep, String field) throws Exception {
        int before = SIM.simulator().journal().entries().size();
        CamelContext context = context("evolink:" + laterStep);
        try {
            Throwable failure = catchThrowable(context::start);
            EvolinkValidationException e = ObjectHelper.getException(EvolinkValidationException.class, failure);
            assertThat(e).as("start failed with " + failure).isNotNull();
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getModel()).isEqualTo(laterStep.substring(0, laterStep.indexOf('?')));
            assertThat(SIM.simulator().journal().entries()).as("nothing sent, nothing paid").hasSize(before);
        } finally {
            context.close();
        }
    }

    @Test
    void validStaticOptionsStartAndARequiredFieldMayComeWithTheMessage() throws Exception {
        // no prompt and no source task in the URIs: both come with the message or the earlier step
        try (CamelContext context = context("evolink:mj-v7-outpaint?scale=1.5&imageNumber=1")) {
            context.start();
            assertThat(context.isStarted()).isTrue();
        }
    }

    private static CamelContext context(String laterStep) throws Exception {
        EvolinkComponent evolink = SIM.component(SimulatorConfig.DEFAULT_API_KEY,
                new InMemoryTaskStore());
        evolink.getConfiguration().setAllowInsecureUrls(false);
        CamelContext context = new DefaultCamelContext();
        context.addComponent("evolink", evolink);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chain").to("evolink:mj-v7").to(laterStep);
            }
        });
        return context;
    }
}
