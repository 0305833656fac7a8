package org.camelevolink.component;

import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkClientConfig;
import org.camelevolink.component.store.TaskStore;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The component tests' fixture: a real {@link EvolinkSimulator} on loopback (the simulator module's
 * {@link EvolinkSimulatorExtension} does the starting, resetting and stopping), and the clients and components the
 * tests build on it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005));
 * }</pre>
 *
 * On a static field the simulator runs for the whole class and is reset before each test; on an instance field each
 * test has its own. A client made with {@link #client} is closed after the test that made it (after the class, if
 * made in {@code @BeforeAll}), before the simulator stops; closing it earlier is harmless.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final EvolinkSimulatorExtension simulator;
    private final List<EvolinkClient> classClients = new ArrayList<>();
    private final List<EvolinkClient> testClients = new ArrayList<>();
    private boolean inTest;

    private SimulatorExtension(EvolinkSimulatorExtension simulator) {
        this.simulator = simulator;
    }

    public static SimulatorExtension withConfig(SimulatorConfig.Builder config) {
        return new SimulatorExtension(EvolinkSimulatorExtension.withConfig(config));
    }

    /** The running simulator. */
    public EvolinkSimulator simulator() {
        return simulator.simulator();
    }

    /** The simulator's API (and files API) base URL. */
    public String baseUrl() {
        return simulator.baseUrl();
    }

    /**
     * A client on this simulator (API and files) with {@code apiKey}, short backoffs, tuned further by {@code tune};
     * closed by the extension.
     */
    public EvolinkClient client(String apiKey, UnaryOperator<EvolinkClientConfig.Builder> tune) {
        EvolinkClient client = clientOn(baseUrl(), apiKey, tune);
        synchronized (this) {
            (inTest ? testClients : classClients).add(client);
        }
        return client;
    }

    /**
     * A client on {@code baseUrl} (API and files: a fake server's, or an address nothing listens on) with the same
     * short backoffs as {@link #client}; the caller closes it.
     */
    public static EvolinkClient clientOn(String baseUrl, String apiKey,
            UnaryOperator<EvolinkClientConfig.Builder> tune) {
        EvolinkClientConfig.Builder b = EvolinkClientConfig.builder().apiKey(apiKey).baseUrl(baseUrl)
                .filesBaseUrl(baseUrl).backoff(Duration.ofMillis(20), Duration.ofSeconds(3));
        return EvolinkClient.create(tune.apply(b).build());
    }

    /** The evolink component as the route tests run it, on this simulator: see {@link #componentOn}. */
    public EvolinkComponent component(String apiKey, TaskStore store) {
        return componentOn(simulator(), apiKey, store);
    }

    /**
     * The evolink component on {@code sim}'s API and files, in test mode (http links allowed), with {@code apiKey},
     * {@code store} (null: the component's default) and polls every 5 to 50 ms; a test that wants other poll
     * intervals sets them. For tests that run several simulators of their own at once.
     */
    public static EvolinkComponent componentOn(EvolinkSimulator sim, String apiKey, TaskStore store) {
        EvolinkComponent evolink = new EvolinkComponent();
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(apiKey);
        cfg.setBaseUrl(sim.baseUrl());
        cfg.setFilesBaseUrl(sim.filesBaseUrl());
        cfg.setAllowInsecureUrls(true);
        cfg.setMinPollInterval(5);
        cfg.setMaxPollInterval(50);
        evolink.setTaskStore(store);
        return evolink;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        simulator.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        simulator.beforeEach(context);
        synchronized (this) {
            inTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            close(testClients);
        } finally {
            synchronized (this) {
                inTest = false;
            }
            simulator.afterEach(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            close(classClients);
        } finally {
            simulator.afterAll(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator.resolveParameter(parameter, context);
    }

    private void close(List<EvolinkClient> clients) {
        List<EvolinkClient> made;
        synchronized (this) {
            made = List.copyOf(clients);
            clients.clear();
        }
        made.forEach(EvolinkClient::close);
    }
}
