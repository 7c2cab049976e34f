package io.strangler.runbook.port;

import java.time.Duration;

/** The gateway's view of a route over a recent window: requests per backend and shadow comparisons. */
public interface RouteTraffic {

    /** @throws PortException when the gateway cannot be asked or does not know the route */
    TrafficWindow window(String routeId, Duration window);

    /**
     * Counts over the window.
     *
     * @param legacyRequests   requests legacy answered
     * @param newRequests      requests the new service answered
     * @param shadowMatched    shadow comparisons without difference
     * @param shadowMismatched shadow comparisons with a difference
     * @param fallbacks        requests of NEW answered by legacy after new failed
     */
    record TrafficWindow(long legacyRequests, long newRequests, long shadowMatched, long shadowMismatched,
                         long fallbacks) {

        /** @return compared pairs */
        public long compared() {
            return shadowMatched + shadowMismatched;
        }
    }
}
