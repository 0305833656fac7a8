package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.rules.RuleAssertions.assertAccepted;
import static org.camelevolink.simulator.rules.RuleAssertions.assertInvalid;
import static org.camelevolink.simulator.rules.RulesFixtures.object;
import static org.camelevolink.simulator.rules.RulesFixtures.set;
import static org.camelevolink.simulator.rules.RulesFixtures.spec;

/**
 * §8 of evolink-api.md: callback_url is HTTPS only, never a private or loopback address, at most 2048 characters.
 * The tasks here never finish (a scripted fault), so no callback is ever sent anywhere.
 */
class CallbackUrlRulesTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private static final String PARAM = "callback_url";

    private RulesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new RulesFixtures(SIM.simulator());
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), -1);
    }

    private SimHttp.Answer createWith(String callbackUrl) {
        return fx.create(object("model", "mj-v7", "prompt", "a cat", PARAM, callbackUrl));
    }

    static String ofLength(int length) {
        String head = "https://hooks.example.com/evolink/";
        return head + "a".repeat(length - head.length());
    }

    static Stream<String> rejected() {
        return Stream.of(
                // HTTPS protocol only
                "http://hooks.example.com/evolink/done", "ftp://hooks.example.com/done", "ws://hooks.example.com/x",
                "hooks.example.com/done", "/webhooks/done", "https://", "https:///done", "not a url", "",
                // private, loopback, link-local, unspecified addresses
                "https://127.0.0.1/hook", "https://127.0.0.1:8443/hook", "https://127.8.9.10/hook",
                "https://10.0.0.5/hook", "https://10.255.255.255/hook", "https://172.16.0.1/hook",
                "https://172.20.10.10/hook", "https://172.31.255.254/hook", "https://192.168.0.1/hook",
                "https://192.168.255.255/hook", "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/hook",
                "https://localhost/hook", "https://LOCALHOST:8443/hook", "https://api.localhost/hook",
                "https://[::1]/hook", "https://[0:0:0:0:0:0:0:1]/hook", "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://[fc00::1]/hook", "https://[fd12:3456::1]/hook",
                "https://[fe80::1]/hook", "https://[::]/hook",
                // other spellings of loopback
                "https://127.1/hook", "https://2130706433/hook", "https://0x7f.0.0.1/hook", "https://0x7f000001/hook",
                "https://0177.0.0.1/hook", "https://127.0.0.01/hook", "https://127.0.0.1./hook",
                "https://localhost./hook",
                // longer than 2048 characters
                ofLength(2049), ofLength(4096));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejected")
    void rejectedCallbackUrl(String url) {
        assertInvalid(createWith(url), PARAM);
    }

    static Stream<String> accepted() {
        return Stream.of("https://your-domain.com/webhooks/image-task-completed", "https://hooks.example.com/x?a=1&b=2",
                "HTTPS://HOOKS.EXAMPLE.COM/evolink", "https://hooks.example.com:8443/evolink#frag",
                "https://8.8.8.8/hook", "https://172.15.255.255/hook", "https://172.32.0.1/hook",
                "https://192.169.0.1/hook", "https://11.0.0.1/hook", "https://[2001:4860:4860::8888]/hook",
                "https://localhost.example.com/hook", "https://ten.example.com/10.0.0.1", ofLength(2048),
                ofLength(2047));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("accepted")
    void acceptedCallbackUrl(String url) {
        assertAccepted(createWith(url), "mj-v7");
    }

    @Test
    void lengthLimitIsExactlyTwoThousandFortyEightCharacters() {
        assertThat(ofLength(2048)).hasSize(2048);
        assertAccepted(createWith(ofLength(2048)), "mj-v7");
        assertInvalid(createWith(ofLength(2049)), PARAM);
    }

    /** The rule is the same on every model: callback_url is part of the common body (§1). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v7-upscale", "mj-v7-remove-bg", "mj-v8.1", "mj-v8.2-edit", "mj-v8.1-retexture"})
    void ruleAppliesToEveryModel(String model) {
        ObjectNode body = fx.minimal(spec(model));
        assertInvalid(fx.create(set(body, PARAM, "http://hooks.example.com/done")), PARAM);
        assertInvalid(fx.create(set(body, PARAM, "https://192.168.1.20/done")), PARAM);
        assertAccepted(fx.create(set(body, PARAM, "https://hooks.example.com/done")), model);
    }

    /** The simulator's test mode lets a test receive callbacks on its own machine over plain HTTP. */
    @Test
    void insecureModeAcceptsLoopbackAndHttpButKeepsTheOtherRules() {
        try (EvolinkSimulator insecure = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.0005)
                .imageBaseSize(64).allowInsecureCallbacks(true).build())) {
            insecure.faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), -1);
            RulesFixtures local = new RulesFixtures(insecure);
            for (String url : new String[] {"http://127.0.0.1:9/hook", "http://localhost:9/hook",
                    "https://127.0.0.1/hook", "http://10.0.0.1/hook", "http://[::1]:9/hook"}) {
                assertAccepted(local.create(object("model", "mj-v7", "prompt", "a cat", PARAM, url)), "mj-v7");
            }
            for (String url : new String[] {"ftp://127.0.0.1/hook", "not a url", "http://127.0.0.1/" + "a".repeat(2048)}) {
                assertInvalid(local.create(object("model", "mj-v7", "prompt", "a cat", PARAM, url)), PARAM);
            }
        }
    }
}
