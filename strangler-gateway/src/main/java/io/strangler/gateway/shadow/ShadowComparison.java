package io.strangler.gateway.shadow;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of comparing legacy's and new's responses to one shadowed request.
 *
 * @param routeId       the route
 * @param method        the request's method
 * @param path          the request's path (without query)
 * @param at            when the comparison was made
 * @param legacyStatus  legacy's status
 * @param newStatus     new's status
 * @param differences   what differs, after ignore rules and learned noise; empty when the responses match
 * @param ignored       how many differences the ignore rules and learned noise removed
 */
public record ShadowComparison(String routeId, String method, String path, Instant at, int legacyStatus,
                               int newStatus, List<Difference> differences, int ignored) {

    public boolean matches() {
        return differences.isEmpty();
    }

    /**
     * One difference.
     *
     * @param kind        {@code status}, {@code header} or {@code body}
     * @param path        for body differences a JSON path such as {@code $.items[0].price} ({@code $} when a non-JSON
     *                    body differs); for headers the header name; {@code status} for the status
     * @param legacyValue legacy's value (redacted when sensitive), null when absent
     * @param newValue    new's value (redacted when sensitive), null when absent
     */
    public record Difference(String kind, String path, String legacyValue, String newValue) {
    }
}
