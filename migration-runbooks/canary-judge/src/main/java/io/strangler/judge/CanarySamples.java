package io.strangler.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Legacy and candidate (the new service) side by side for one route over {@code [from, to]}.
 *
 * @param routeId   the route, never blank
 * @param from      start of the window
 * @param to        end of the window, not before {@code from}
 * @param legacy    what legacy did, never null
 * @param candidate what the new service did, never null
 */
public record CanarySamples(String routeId, Instant from, Instant to, BackendSamples legacy,
                            BackendSamples candidate) {

    /** @throws IllegalArgumentException naming the bad field */
    public CanarySamples {
        if (routeId == null || routeId.isBlank()) {
            throw new IllegalArgumentException("routeId must not be blank");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        if (legacy == null || candidate == null) {
            throw new IllegalArgumentException("legacy and candidate samples must not be null");
        }
    }

    /** @return the length of the window */
    public Duration window() {
        return Duration.between(from, to);
    }
}
