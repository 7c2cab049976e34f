package io.strangler.gateway.mode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Route modes held in memory: used when no flag service is configured (every route stays LEGACY unless set here) and
 * by tests.
 */
public final class InMemoryRouteModes implements RouteModes {

    private final Map<String, RouteModeSetting> settings = new ConcurrentHashMap<>();

    @Override
    public RouteModeSetting current(String routeId) {
        return settings.getOrDefault(routeId, RouteModeSetting.LEGACY);
    }

    /** Sets a route's mode; applies to the next request. */
    public void set(String routeId, RouteModeSetting setting) {
        settings.put(routeId, setting);
    }

    /** Puts every route back to LEGACY. */
    public void reset() {
        settings.clear();
    }
}
