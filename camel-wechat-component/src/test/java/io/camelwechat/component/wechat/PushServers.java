package io.camelwechat.component.wechat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** The HTTP server wechat:events receives pushes on in tests: platform-http on Vert.x, on 127.0.0.1 only. */
public final class PushServers {

    private PushServers() {
    }

    /**
     * Adds the server to a context not started yet; it listens from the context's start.
     *
     * @return its configuration, still open to changes until then
     */
    public static VertxPlatformHttpServerConfiguration addTo(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return server;
    }
}
