package io.strangler.orders.downstream;

/**
 * A downstream could not give a definite answer: I/O error, timeout, 5xx after the retries, open circuit or full
 * bulkhead. The outcome of the call is unknown, so the saga repeats the same (idempotent) step later.
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final String downstream;

    public DownstreamUnavailableException(String downstream, Throwable cause) {
        super(downstream + " unavailable: " + cause.getMessage(), cause);
        this.downstream = downstream;
    }

    public String downstream() {
        return downstream;
    }
}
