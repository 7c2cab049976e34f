package io.strangler.gateway.route;

import java.time.Duration;

/**
 * NEW mode's safety net: a Resilience4j circuit breaker per route; a safe request (GET/HEAD) whose call to the new
 * backend fails (timeout, 5xx, connection error, open circuit) is served by legacy instead and counted.
 *
 * @param enabled              default true
 * @param failureRateThreshold percent of failed calls that opens the circuit (default 50)
 * @param slidingWindowSize    calls the rate is computed over (default 20)
 * @param minimumNumberOfCalls calls before the rate counts (default 10)
 * @param waitInOpenState      how long the circuit stays open before probing (default 10 s)
 */
public record FallbackPolicy(Boolean enabled, Float failureRateThreshold, Integer slidingWindowSize,
                             Integer minimumNumberOfCalls, Duration waitInOpenState) {

    public FallbackPolicy {
        enabled = enabled == null || enabled;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
        waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(10) : waitInOpenState;
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("fallback.failure-rate-threshold must be in (0, 100], got " + failureRateThreshold);
        }
        if (slidingWindowSize < 1 || minimumNumberOfCalls < 1) {
            throw new IllegalArgumentException("fallback.sliding-window-size and minimum-number-of-calls must be >= 1");
        }
    }

    static FallbackPolicy defaults() {
        return new FallbackPolicy(null, null, null, null, null);
    }
}
