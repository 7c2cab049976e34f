package io.strangler.orders.downstream;

/** A downstream answered 5xx: worth retrying, since every call the saga makes is idempotent. */
public class DownstreamServerError extends RuntimeException {

    public DownstreamServerError(String downstream, int status) {
        super(downstream + " answered " + status);
    }
}
