package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * What route tests need around the component: a callback HTTP server and a free port (the component itself comes
 * from {@link SimulatorExtension}).
 */
public final class TestComponents {

    private TestComponents() {
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
