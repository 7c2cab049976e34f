package io.strangler.flags.client;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable view of every route's state at one moment.
 *
 * @param routes    route id to state, in the flag service's order; never null, unmodifiable
 * @param receivedAt when this client received the newest state in it ({@link Instant#EPOCH} for the empty snapshot)
 */
public record RouteSnapshot(Map<String, RouteState> routes, Instant receivedAt) {

    private static final RouteSnapshot EMPTY = new RouteSnapshot(Map.of(), Instant.EPOCH);

    public RouteSnapshot {
        Objects.requireNonNull(receivedAt, "receivedAt");
        routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }

    /** The snapshot of a client that knows nothing yet. */
    public static RouteSnapshot empty() {
        return EMPTY;
    }

    /** Builds a snapshot from a list of states. */
    public static RouteSnapshot of(Collection<RouteState> states, Instant receivedAt) {
        Map<String, RouteState> routes = new LinkedHashMap<>();
        states.forEach(state -> routes.put(state.routeId(), state));
        return new RouteSnapshot(routes, receivedAt);
    }

    /** The state of one route, empty when the route is unknown. */
    public Optional<RouteState> route(String routeId) {
        return Optional.ofNullable(routes.get(routeId));
    }

    /** The mode a gateway must apply to a route; {@link RouteMode#LEGACY} for a route this snapshot does not know. */
    public RouteMode effectiveMode(String routeId) {
        return route(routeId).map(RouteState::effectiveMode).orElse(RouteMode.LEGACY);
    }

    /** A copy with one route's state replaced. */
    public RouteSnapshot with(RouteState state, Instant receivedAt) {
        Map<String, RouteState> copy = new LinkedHashMap<>(routes);
        copy.put(state.routeId(), state);
        return new RouteSnapshot(copy, receivedAt);
    }
}
