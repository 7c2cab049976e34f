package io.strangler.judge;

import java.time.Duration;

/**
 * Where a {@link CanaryJudge} gets its samples: the gateway's comparison API, Prometheus, a test double.
 * Implementations are thread-safe and keep no state between calls.
 */
public interface MetricSource {

    /**
     * Legacy and candidate samples of a route over the last {@code window}.
     *
     * @param routeId the gateway route id, e.g. {@code catalog}
     * @param window  how far back to look, positive
     * @return the samples, never null; a side without traffic has zero requests
     * @throws MetricSourceException when the source is unreachable, answers an error status, or answers something
     *                               that is not the expected shape (the message says which, and where)
     * @throws IllegalArgumentException when {@code routeId} or {@code window} is invalid
     */
    CanarySamples samples(String routeId, Duration window);
}
