package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.camelevolink.component.store.TaskStore;
import org.camelevolink.simulator.EvolinkSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** The evolink component as the tests run it: on a simulator's API and files, in test mode (http links allowed). */
public final class TestComponents {

    private TestComponents() {
    }

    /** A component on {@code sim} with {@code apiKey} and {@code store}; poll intervals are the caller's. */
    public static EvolinkComponent onSimulator(EvolinkSimulator sim, String apiKey, TaskStore store) {
        EvolinkComponent evolink = new EvolinkComponent();
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(apiKey);
        cfg.setBaseUrl(sim.baseUrl());
        cfg.setFilesBaseUrl(sim.filesBaseUrl());
        cfg.setAllowInsecureUrls(true);
        evolink.setTaskStore(store);
        return evolink;
    }

    /** A Vert.x platform-http server on 127.0.0.1:{@code port}, a service of {@code context}: callbacks arrive on it. */
    public static void addCallbackServer(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
