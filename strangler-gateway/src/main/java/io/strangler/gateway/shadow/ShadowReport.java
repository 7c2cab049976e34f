package io.strangler.gateway.shadow;

import java.util.List;

/**
 * A route's shadow traffic since the gateway started.
 *
 * @param matched        comparisons without difference
 * @param mismatched     comparisons with at least one difference
 * @param dropped        copies not made (saturated) or not compared (queue full)
 * @param failed         copies that failed or timed out
 * @param skipped        pairs not compared because a body exceeded the size limit
 * @param topDifferingPaths the paths that differ most often, most frequent first
 * @param recentMismatches  the latest mismatches, newest first, redacted
 */
public record ShadowReport(long matched, long mismatched, long dropped, long failed, long skipped,
                           List<PathCount> topDifferingPaths, List<ShadowSample> recentMismatches) {

    /** How often a path differed ({@code kind}: status, header or body). */
    public record PathCount(String path, String kind, long count) {
    }
}
