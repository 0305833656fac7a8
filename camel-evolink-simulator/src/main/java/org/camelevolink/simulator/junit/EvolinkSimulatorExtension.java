package org.camelevolink.simulator.junit;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link EvolinkSimulator} for a test class on a free port.
 *
 * <pre>{@code
 * @RegisterExtension
 * static EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
 *         SimulatorConfig.builder().timeScale(0.001).allowInsecureCallbacks(true));
 * }</pre>
 *
 * Registered on a static field it starts once before all tests and stops after them, and (unless
 * {@link #keepStateBetweenTests()} is called) resets tasks, faults, journal and credits before each test; on an
 * instance field it runs per test. Test methods may also take an {@code EvolinkSimulator} parameter.
 */
public final class EvolinkSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final SimulatorConfig config;
    private boolean resetBetweenTests = true;
    private EvolinkSimulator simulator;
    private boolean perClass;

    private EvolinkSimulatorExtension(SimulatorConfig config) {
        this.config = config;
    }

    public static EvolinkSimulatorExtension withDefaults() {
        return new EvolinkSimulatorExtension(SimulatorConfig.builder().build());
    }

    public static EvolinkSimulatorExtension withConfig(SimulatorConfig.Builder config) {
        return new EvolinkSimulatorExtension(config.build());
    }

    public EvolinkSimulatorExtension keepStateBetweenTests() {
        this.resetBetweenTests = false;
        return this;
    }

    /** The running simulator. */
    public EvolinkSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while tests run");
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = EvolinkSimulator.start(config);
        perClass = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = EvolinkSimulator.start(config);
        } else if (perClass && resetBetweenTests) {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EvolinkSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
