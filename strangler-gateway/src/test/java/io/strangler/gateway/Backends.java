package io.strangler.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The legacy and new backends of the ITs: WireMock servers on random loopback ports, shared by every IT class. */
public final class Backends {

    public static final WireMockServer LEGACY = start();
    public static final WireMockServer NEW = start();

    private Backends() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40).jettyAcceptors(1));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static void reset() {
        LEGACY.resetAll();
        NEW.resetAll();
    }
}
