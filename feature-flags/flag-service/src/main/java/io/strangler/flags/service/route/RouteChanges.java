package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteState;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a route changes, whichever channel asks (API, flag console, Togglz console): validate, lock the route,
 * check the expected version, write the new state, and publish a {@link RouteChangedEvent} inside the same
 * transaction (the audit log appends its entry there, so a change and its audit entry commit together or not at all).
 * The same transaction sends {@code NOTIFY route_changes, '<routeId>'}, so every service instance learns of it.
 */
@Service
public class RouteChanges {

    /** PostgreSQL {@code NOTIFY} channel that carries the id of each changed route, on commit. */
    public static final String CHANNEL = "route_changes";

    private final RouteStore store;
    private final RoutesProperties routes;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RouteChanges(RouteStore store, RoutesProperties routes, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.routes = routes;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The current state of a route. */
    public RouteState current(String routeId) {
        return store.find(routeId).orElseThrow(() -> unknown(routeId));
    }

    /** Every route's current state. */
    public List<RouteState> all() {
        return store.all();
    }

    /**
     * Applies a change if the route is still at {@code expectedVersion}.
     *
     * @throws UnknownRouteException        the route is not declared
     * @throws InvalidRequestException  the change breaks a rule
     * @throws StaleVersionException        someone changed the route since {@code expectedVersion}
     */
    @Transactional
    public RouteState change(String routeId, long expectedVersion, RouteChange change, String actor, ChangeChannel channel) {
        routes.find(routeId).orElseThrow(() -> unknown(routeId));
        RouteSetting setting = RouteChangeValidator.validate(change);
        // serializes writers of this route across threads and service instances until commit
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "strangler.route." + routeId);
        RouteState current = current(routeId);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(expectedVersion, current);
        }
        RouteState next = new RouteState(routeId, setting.mode(), setting.percent(), current.version() + 1,
                setting.killSwitch(), clock.instant().truncatedTo(ChronoUnit.MILLIS), actor);
        store.save(next);
        // delivered to every instance's RouteChangeNotifications on commit, and never if the transaction rolls back
        jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, routeId);
        events.publishEvent(new RouteChangedEvent(current, next, channel, setting.reason()));
        return next;
    }

    private UnknownRouteException unknown(String routeId) {
        return new UnknownRouteException(routeId, routes.routes().stream().map(RoutesProperties.Route::id).toList());
    }
}
