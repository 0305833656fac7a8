package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.exceptions.CreditBudgetExceededException;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** maxCredits over creditWindow: refused before anything is sent, allowed again once the window has passed. */
class CreditBudgetTest extends ProducerTestSupport {

    private static final long WINDOW_MILLIS = 8_000;
    /** What the simulator reserves for a fast mj-v7 task. */
    private static final double PRICE = ModelCatalog.load().find("mj-v7").credits();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        evolink.setMaxCredits(PRICE * 1.5); // one task fits, two do not
        evolink.setCreditWindow(WINDOW_MILLIS);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("evolink:mj-v7?speed=fast");
            }
        };
    }

    @Test
    void aSubmitPastTheBudgetIsRefusedBeforeSendingAndAllowedAfterTheWindow() {
        Exchange first = generate("a lighthouse");
        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(EvolinkConstants.CREDITS_RESERVED)).isEqualTo(PRICE);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);

        Exchange refused = generate("a second lighthouse");
        assertThat(refused.getException()).isInstanceOf(CreditBudgetExceededException.class)
                .hasMessageContaining("of " + PRICE * 1.5 + " credits per " + Duration.ofMillis(WINDOW_MILLIS))
                .hasMessageContaining(PRICE + " credits reserved within the window");
        CreditBudgetExceededException e = (CreditBudgetExceededException) refused.getException();
        assertThat(e.getUsedCredits()).isEqualTo(PRICE);
        assertThat(e.getWindowMillis()).isEqualTo(WINDOW_MILLIS);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).as("nothing sent for the refused submit").hasSize(1);
        assertThat(records().undelivered()).isEmpty();
        assertThat(records().size()).isEqualTo(2);

        EvolinkComponent evolink = context.getComponent("evolink", EvolinkComponent.class);
        waitingFor("the first task out of the window").atMost(Duration.ofMillis(WINDOW_MILLIS * 3)).until(() ->
                evolink.store().creditsReservedSince(System.currentTimeMillis() - WINDOW_MILLIS) == 0);
        Exchange again = generate("a third lighthouse");
        assertThat(again.getException()).isNull();
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(2);
    }

    @Test
    void aRefusedMessageSentAgainUnderItsKeyIsCheckedAgainAndStillNothingIsSent() {
        assertThat(generate("a harbour").getException()).isNull();
        for (int attempt = 0; attempt < 2; attempt++) {
            Exchange refused = template.request("direct:generate", x -> {
                x.getMessage().setBody("a harbour at night");
                x.getMessage().setHeader(EvolinkConstants.IDEMPOTENCY_KEY, "order-42");
            });
            assertThat(refused.getException()).as("attempt " + attempt)
                    .isInstanceOf(CreditBudgetExceededException.class);
        }
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
        assertThat(records().undelivered()).isEmpty();
    }

    private Exchange generate(String prompt) {
        return template.request("direct:generate", e -> e.getMessage().setBody(prompt));
    }
}
