package io.strangler.console.dashboards;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One poll of a route's comparison: legacy and new over the poll interval ending at {@code at}.
 *
 * @param at              when it was polled
 * @param legacy          legacy's figures
 * @param fresh           new's figures (JSON {@code new})
 * @param shadowMatchRate matched / compared shadow pairs in the interval, null when none was compared
 * @param shadowCompared  shadow pairs compared in the interval
 * @param fallbacks       requests for new answered by legacy in the interval
 */
record HistoryPoint(Instant at, Side legacy, @com.fasterxml.jackson.annotation.JsonProperty("new") Side fresh,
                    Double shadowMatchRate, long shadowCompared, long fallbacks) {

    /**
     * @param ratePerSecond requests per second
     * @param errorRate     errors / requests, 0 without requests
     * @param p50Millis     null without requests (also p95, p99)
     */
    record Side(double ratePerSecond, double errorRate, Double p50Millis, Double p95Millis, Double p99Millis) {

        static Side of(JsonNode backend, double seconds) {
            return new Side(backend.path("count").asLong() / seconds, backend.path("errorRate").asDouble(),
                    number(backend.get("p50Millis")), number(backend.get("p95Millis")), number(backend.get("p99Millis")));
        }
    }

    /** The point a comparison over {@code seconds} gives. */
    static HistoryPoint of(Instant at, JsonNode comparison, double seconds) {
        JsonNode shadow = comparison.path("shadow");
        long matched = shadow.path("matched").asLong();
        long compared = matched + shadow.path("mismatched").asLong();
        return new HistoryPoint(at, Side.of(comparison.path("backends").path("legacy"), seconds),
                Side.of(comparison.path("backends").path("new"), seconds),
                compared == 0 ? null : (double) matched / compared, compared,
                comparison.path("fallbacks").path("count").asLong());
    }

    private static Double number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
