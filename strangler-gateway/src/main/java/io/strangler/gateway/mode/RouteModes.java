package io.strangler.gateway.mode;

/**
 * Where the gateway learns each route's mode. Read on every request, so a change applies to the next request.
 * Implementations must be thread-safe, non-blocking and cheap.
 */
@FunctionalInterface
public interface RouteModes {

    /** The route's current setting; {@link RouteModeSetting#LEGACY} for a route the source does not know. Never null. */
    RouteModeSetting current(String routeId);
}
