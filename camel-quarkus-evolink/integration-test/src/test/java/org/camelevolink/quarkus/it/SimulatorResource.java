package org.camelevolink.quarkus.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;

import java.util.Map;

/** The EvoLink simulator on loopback for the Quarkus application, whose component URLs point at it. */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    static EvolinkSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001).build());
        return Map.of("camel.component.evolink.base-url", simulator.baseUrl(),
                "camel.component.evolink.files-base-url", simulator.filesBaseUrl());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
