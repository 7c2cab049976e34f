package io.strangler.flags.service.route;

/** A request named a route that is not declared in {@code strangler.flags.routes}. */
public class UnknownRouteException extends RuntimeException {

    public UnknownRouteException(String routeId, java.util.Collection<String> known) {
        super("No route '" + routeId + "'; declared routes: " + String.join(", ", known));
    }
}
