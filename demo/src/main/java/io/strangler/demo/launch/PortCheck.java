package io.strangler.demo.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;

/** Checks, before anything starts, that every port the landscape will listen on is free. */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * A port the landscape will listen on.
     *
     * @param port   the port
     * @param what   the server that will listen ("legacy shop")
     * @param option the option that changes it ("--legacy-port")
     */
    record Claim(int port, String what, String option) {
    }

    /** @throws LaunchException naming each busy port, what needs it and the option to change it */
    static void requireFree(List<Claim> claims) {
        List<Claim> busy = claims.stream().filter(c -> !isFree(c.port())).toList();
        if (busy.isEmpty()) {
            return;
        }
        throw new LaunchException(busy.stream()
                .map(c -> "Port " + c.port() + " (" + c.what() + ") is already in use: stop what listens on it "
                        + "(e.g. 'ss -ltnp | grep :" + c.port() + "'), or choose another port with "
                        + c.option() + " <port>.")
                .collect(Collectors.joining(System.lineSeparator())));
    }

    /** Whether a server could listen on {@code port} on every interface right now. */
    static boolean isFree(int port) {
        // the wildcard address conflicts with a listener on any single address too
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
