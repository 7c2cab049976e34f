package io.strangler.flags.client;

/**
 * Told about every change of a route's state that a {@link FlagClient} applies.
 *
 * <p>Called on the client's own update thread, one change at a time and in the order the changes were applied.
 * Implementations must return quickly and must not block; an exception is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface RouteModeListener {

    /**
     * @param previous the route's state before, or null when the client did not know the route
     * @param current  the route's new state; never null
     */
    void routeChanged(RouteState previous, RouteState current);
}
