package io.strangler.judge;

import java.util.Arrays;

/**
 * What one backend (legacy or candidate) did over a window.
 *
 * @param requests        requests answered in the window, {@code >= 0}
 * @param errors          of which failed (5xx or no response), {@code 0 <= errors <= requests}
 * @param latenciesMillis latency samples in milliseconds, finite and {@code >= 0}; may be fewer than
 *                        {@code requests} (sources bound them). Copied on construction and on access.
 */
public record BackendSamples(long requests, long errors, double[] latenciesMillis) {

    /** No request at all. */
    public static final BackendSamples NONE = new BackendSamples(0, 0, new double[0]);

    /** @throws IllegalArgumentException naming the bad field */
    public BackendSamples {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, got " + requests);
        }
        if (errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be between 0 and requests (" + requests + "), got " + errors);
        }
        if (latenciesMillis == null) {
            throw new IllegalArgumentException("latenciesMillis must not be null (use an empty array)");
        }
        latenciesMillis = latenciesMillis.clone();
        for (int i = 0; i < latenciesMillis.length; i++) {
            if (!Double.isFinite(latenciesMillis[i]) || latenciesMillis[i] < 0) {
                throw new IllegalArgumentException("latenciesMillis[" + i + "] must be finite and >= 0, got "
                        + latenciesMillis[i]);
            }
        }
    }

    /** @return a copy of the latency samples, in milliseconds */
    @Override
    public double[] latenciesMillis() {
        return latenciesMillis.clone();
    }

    /** @return the number of latency samples, without copying them */
    public int latencySampleCount() {
        return latenciesMillis.length;
    }

    /** @return errors / requests, 0 when there was no request */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackendSamples that && requests == that.requests && errors == that.errors
                && Arrays.equals(latenciesMillis, that.latenciesMillis);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(requests) + 17 * Long.hashCode(errors) + Arrays.hashCode(latenciesMillis);
    }

    @Override
    public String toString() {
        return "BackendSamples[requests=" + requests + ", errors=" + errors + ", latencySamples="
                + latenciesMillis.length + "]";
    }
}
