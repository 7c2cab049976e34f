package io.strangler.console.peers;

import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.JsonNode;

/**
 * A call to a peer (flag service, gateway, cdc-sync) that did not give an answer the console can show: either the
 * peer did not answer at all ({@link #status()} empty) or it refused the call with a 4xx/5xx ({@link #body()} holds
 * its problem details when it sent some).
 */
public class PeerException extends RuntimeException {

    private final String peer;
    private final HttpStatusCode status;
    private final JsonNode body;

    PeerException(String peer, String message, HttpStatusCode status, JsonNode body, Throwable cause) {
        super(message, cause);
        this.peer = peer;
        this.status = status;
        this.body = body;
    }

    /** Which peer: {@code flag-service}, {@code gateway} or {@code cdc-sync}. */
    public String peer() {
        return peer;
    }

    /** The peer's status, or null when it did not answer. */
    public HttpStatusCode status() {
        return status;
    }

    /** The peer's JSON body (usually problem details), or null. */
    public JsonNode body() {
        return body;
    }
}
