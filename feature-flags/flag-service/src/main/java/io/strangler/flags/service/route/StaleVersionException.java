package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteState;

/** A change was based on a version of the route that is no longer current: nothing was changed. */
public class StaleVersionException extends RuntimeException {

    private final transient RouteState current;

    public StaleVersionException(long expected, RouteState current) {
        super("Route '" + current.routeId() + "' is at version " + current.version() + " (changed by " + current.updatedBy()
                + " at " + current.updatedAt() + "), not " + expected + ": reload it and retry");
        this.current = current;
    }

    public RouteState current() {
        return current;
    }
}
