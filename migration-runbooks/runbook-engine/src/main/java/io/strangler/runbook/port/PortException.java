package io.strangler.runbook.port;

/**
 * A peer (flag service, cdc-sync, gateway, a service's health endpoint) could not be asked or answered something
 * unexpected. The message names the peer, the request and what came back. Steps treat it as transient until their
 * timeout.
 */
public class PortException extends RuntimeException {

    public PortException(String message) {
        super(message);
    }

    public PortException(String message, Throwable cause) {
        super(message, cause);
    }
}
