package io.strangler.gateway.admin;

import io.strangler.gateway.metrics.BackendWindow;
import io.strangler.gateway.shadow.ShadowReport;
import java.util.Map;

/**
 * Legacy and new side by side for one route: what the console shows and the canary judge reads.
 *
 * @param routeId   the route
 * @param mode      its current mode
 * @param percent   the mode's percentage (shadow sample rate or canary share)
 * @param window    the window the backend figures cover, e.g. {@code PT5M}
 * @param backends  {@code legacy} and {@code new}: counts, error rate, p50/p95/p99 and raw latency samples
 * @param fallbacks requests for new answered by legacy, since start
 * @param shadow    shadow comparison counts, top differing paths and recent redacted mismatches, since start
 */
record RouteComparison(String routeId, String mode, double percent, String window, Map<String, BackendWindow> backends,
                       long fallbacks, ShadowReport shadow) {
}
