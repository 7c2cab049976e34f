package io.strangler.gateway.shadow;

import java.util.List;

/**
 * A route's shadow traffic: outcome counts over the requested window, differing paths since start.
 *
 * @param matched        comparisons without difference, in the window
 * @param mismatched     comparisons with at least one difference, in the window
 * @param dropped        copies not made (saturated) or not compared (queue full), in the window
 * @param failed         copies that failed or timed out, in the window
 * @param skipped        pairs not compared because a body exceeded the size limit, in the window
 * @param truncated      the outcome store no longer covers the whole window: counts are of the most recent outcomes
 * @param topDifferingPathsSinceStart the paths that differ most often since the gateway started, most frequent first
 * @param recentMismatches  the latest mismatches (whatever their age), newest first, redacted
 */
public record ShadowReport(long matched, long mismatched, long dropped, long failed, long skipped, boolean truncated,
                           List<PathCount> topDifferingPathsSinceStart, List<ShadowSample> recentMismatches) {

    /** How often a path differed ({@code kind}: status, header or body). */
    public record PathCount(String path, String kind, long count) {
    }
}
