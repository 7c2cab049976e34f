package io.strangler.judge;

/** A {@link MetricSource} could not deliver samples: unreachable, error status, or an answer of the wrong shape. */
public class MetricSourceException extends RuntimeException {

    /** @param message what went wrong and where (URL, JSON field), so an operator can act on it */
    public MetricSourceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public MetricSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
