package io.strangler.gateway.admin;

import io.strangler.gateway.fallback.FallbackCounter.FallbackWindow;
import io.strangler.gateway.metrics.BackendWindow;
import io.strangler.gateway.shadow.ShadowReport;
import java.util.Map;

/**
 * Legacy and new side by side for one route: what the console shows and the canary judge reads.
 *
 * @param routeId   the route
 * @param mode      its current mode
 * @param percent   the mode's percentage (shadow sample rate or canary share)
 * @param window    the window the backend, fallback and shadow counts cover, e.g. {@code PT5M}
 * @param backends  {@code legacy} and {@code new}: counts, error rate, p50/p95/p99 and raw latency samples
 * @param fallbacks requests for new answered by legacy in the window, in all and per reason
 * @param shadow    shadow outcome counts in the window, top differing paths since start, recent redacted mismatches
 */
record RouteComparison(String routeId, String mode, double percent, String window, Map<String, BackendWindow> backends,
                       FallbackWindow fallbacks, ShadowReport shadow) {
}
