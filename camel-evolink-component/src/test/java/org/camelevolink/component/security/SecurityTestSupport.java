package org.camelevolink.component.security;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.component.store.TaskIdIndex;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes against a real simulator over loopback that knows only {@link TestKeys#SECURITY}, with the key set on the
 * component (the recommended set-up). Test mode ({@code allowInsecureUrls}) is on, as the simulator speaks plain
 * HTTP; tests about what test mode lifts turn it off on their endpoint.
 */
abstract class SecurityTestSupport extends CamelTestSupport {

    static final String KEY = TestKeys.SECURITY;

    /** One simulator per test class, reset before each test. */
    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .allowInsecureCallbacks(true).imageBaseSize(64).apiKey(KEY, 100_000));

    final TaskIdIndex store = new TaskIdIndex(new InMemoryTaskStore());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("evolink", SIM.component(KEY, store));
        return context;
    }

    static EvolinkConfiguration evolinkConfiguration(CamelContext context) {
        return context.getComponent("evolink", EvolinkComponent.class).getConfiguration();
    }
}
