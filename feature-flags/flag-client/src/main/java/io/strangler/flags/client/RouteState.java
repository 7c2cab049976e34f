package io.strangler.flags.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The mode of one route as the flag service last recorded it. Immutable.
 *
 * @param routeId   the route's id, as declared in the flag service and the gateway's route table; never null
 * @param mode      the configured mode; never null. Read {@link #effectiveMode()} to route: the kill switch wins
 * @param percent   0 to 100 with at most two decimals (0.01 % steps = 1 of 10,000 canary buckets). The sample rate
 *                  in {@link RouteMode#SHADOW}, the share of callers sent to the new backend in
 *                  {@link RouteMode#CANARY}; recorded but meaningless in the other modes. Never null
 * @param version   increases by one with every accepted change of this route; 0 before the first change
 * @param killSwitch when true, the route goes to legacy whatever its mode
 * @param updatedAt when the flag service accepted the last change (the route's creation for version 0); never null
 * @param updatedBy who made the last change ({@code "system"} for version 0); never null
 */
public record RouteState(String routeId, RouteMode mode, BigDecimal percent, long version, boolean killSwitch,
                         Instant updatedAt, String updatedBy) {

    /** Percent is expressed with two decimals at most: 100 % = this many canary buckets. */
    public static final int BUCKETS = 10_000;

    public RouteState {
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** The mode a gateway must apply: {@link RouteMode#LEGACY} while the kill switch is engaged, else {@link #mode()}. */
    public RouteMode effectiveMode() {
        return killSwitch ? RouteMode.LEGACY : mode;
    }

    /**
     * {@link #percent()} as a number of buckets out of {@link #BUCKETS}: a canary key whose bucket is below this
     * value goes to the new backend.
     */
    public int percentBuckets() {
        return percent.movePointRight(2).intValue();
    }
}
