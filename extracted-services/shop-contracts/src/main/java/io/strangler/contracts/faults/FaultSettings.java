package io.strangler.contracts.faults;

/**
 * Faults a shop service injects into its own {@code /api/**} answers while the {@code demo} profile is active, so that
 * a canary against it can be watched failing: every request waits {@code latencyMillis} first, and a share
 * {@code errorRate} of them is answered with a 500 {@code internal-error} problem instead.
 *
 * @param latencyMillis added before every {@code /api/**} request is handled, 0 to {@value #MAX_LATENCY_MILLIS}
 * @param errorRate     share of {@code /api/**} requests refused with a 500, 0 (none) to 1 (all)
 */
public record FaultSettings(long latencyMillis, double errorRate) {

    /** The longest latency that may be injected: longer ones would only exhaust the server's threads. */
    public static final long MAX_LATENCY_MILLIS = 30_000;

    /** No fault: what a service starts with. */
    public static final FaultSettings NONE = new FaultSettings(0, 0);

    /** Whether any fault is injected. */
    public boolean active() {
        return latencyMillis > 0 || errorRate > 0;
    }
}
