package org.camelevolink.component.security;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.catalog.RequestValidator;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * callbackUrl as EvoLink takes it (HTTPS, no private or loopback address, at most 2048 characters), through the
 * endpoint outside test mode: refused before anything is sent. catalog/TopLevelFieldsTest has the rule's cases
 * (schemes, the private ranges, IPv6 loopback, link-local and unique-local, localhost names, 127.1 and
 * 2130706433, 2048 against 2049); here are the edges of each range, the other spellings of an IP address, and
 * callbackBaseUrl, which a producer checks when it starts.
 */
class CallbackUrlTest extends SecurityTestSupport {

    private static final RequestValidator RULES = new RequestValidator(ModelCatalog.load());

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.0/cb", "https://10.255.255.255/cb", "https://172.16.0.0/cb",
        "https://172.31.255.255/cb", "https://192.168.0.0/cb", "https://192.168.255.255/cb", "https://169.254.0.1/cb",
        "https://169.254.255.254/cb", "https://127.255.255.254/cb", "https://[0:0:0:0:0:0:0:1]/cb",
        "https://[::]/cb", "https://[febf::1]/cb", "https://[fc00::1]/cb", "https://[::ffff:10.0.0.1]/cb",
        "https://[::ffff:192.168.1.1]/cb", "https://LocalHost:8443/cb", "https://a.b.localhost./cb",
        "https://0x7f000001/cb", "https://0x7f.0.0.1/cb", "https://0x7F.1/cb", "https://017700000001/cb",
        "https://0177.0.0.1/cb", "https://10.1/cb", "https://evolink.ai@127.0.0.1/cb",
        "https://127.0.0.1.:443/cb"})
    void privateAndLoopbackAddressesInAnySpellingAreRefusedBeforeSending(String url) {
        Exchange out = template.request("evolink:mj-v7?allowInsecureUrls=false",
                e -> e.getMessage().setBody(Map.of("prompt", "a kite", "callback_url", url)));
        assertThat(out.getException()).as(url).isInstanceOf(EvolinkValidationException.class);
        assertThat(((EvolinkValidationException) out.getException()).getField()).isEqualTo("callback_url");
        assertThat(SIM.simulator().journal().entries()).as("nothing sent").isEmpty();
    }

    /** Just outside each private range: public addresses, which pass. */
    @ParameterizedTest
    @ValueSource(strings = {"https://9.255.255.255/cb", "https://11.0.0.0/cb", "https://172.15.255.255/cb",
        "https://172.32.0.0/cb", "https://192.167.255.255/cb", "https://192.169.0.0/cb", "https://169.253.255.255/cb",
        "https://169.255.0.0/cb", "https://128.0.0.1/cb", "https://[2606:4700::1111]/cb",
        "https://0x7f.example.com/cb", "https://localhost.example.com/cb"})
    void publicAddressesJustOutsideTheRangesPass(String url) {
        assertThatCode(() -> RULES.validateCallbackUrl("mj-v7", url)).as(url).doesNotThrowAnyException();
    }

    @Test
    void callbackBaseUrlIsCheckedWhenTheProducerStarts() throws Exception {
        // a token is 43 characters and a '/', so the base may have 2048 - 44
        String base = "https://hooks.example.com/";
        String longest = base + "a".repeat(2048 - 44 - base.length());
        List<String> refused = List.of("https://10.0.0.5/evolink/callbacks", "https://[::1]/evolink/callbacks",
                "http://hooks.example.com/cb", longest + "a");
        for (int i = 0; i < refused.size(); i++) {
            RouteBuilder route = route("base-" + i, refused.get(i));
            assertThatThrownBy(() -> context.addRoutes(route)).as(refused.get(i)).hasStackTraceContaining(
                    "callback_url");
        }
        assertThatCode(() -> RULES.validateCallbackUrl("mj-v7", longest + "/" + "t".repeat(43)))
                .doesNotThrowAnyException();
    }

    private static RouteBuilder route(String id, String callbackBaseUrl) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id)
                        .to("evolink:mj-v7?allowInsecureUrls=false&callbackBaseUrl=" + callbackBaseUrl);
            }
        };
    }
}
