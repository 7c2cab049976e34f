package io.strangler.gateway.mode;

import java.util.Objects;

/**
 * The mode a route is in right now.
 *
 * @param mode           never null
 * @param percentBuckets the shadow sample rate or the canary share, in 1/100 % (0 to 10,000)
 */
public record RouteModeSetting(TrafficMode mode, int percentBuckets) {

    /** 100 % in buckets. */
    public static final int ALL = 10_000;

    /** Every route's setting until told otherwise. */
    public static final RouteModeSetting LEGACY = new RouteModeSetting(TrafficMode.LEGACY, 0);

    public RouteModeSetting {
        Objects.requireNonNull(mode, "mode");
        if (percentBuckets < 0 || percentBuckets > ALL) {
            throw new IllegalArgumentException("percentBuckets must be 0.." + ALL + ", got " + percentBuckets);
        }
    }

    /** A setting from a percentage with at most two decimals, e.g. {@code of(CANARY, 12.5)}. */
    public static RouteModeSetting of(TrafficMode mode, double percent) {
        return new RouteModeSetting(mode, (int) Math.round(percent * 100));
    }
}
