package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.jdbc.JDBCStateRepository;
import org.togglz.core.util.NamedFeature;

/**
 * Route states kept as Togglz feature states in Togglz's {@link JDBCStateRepository} (table {@code togglz}): one
 * feature per route, named by the route id; enabled unless the kill switch is engaged; strategy {@value #STRATEGY_ID}
 * whose parameters carry mode, percent, version and who changed it when.
 *
 * <p>The repository sees the DataSource through a {@link TransactionAwareDataSourceProxy} and never commits itself, so
 * a write joins the caller's Spring transaction (with the version check and the audit entry).
 */
@Component
public class RouteStore {

    /** Id of the Togglz activation strategy that carries a route's mode. */
    public static final String STRATEGY_ID = "route-mode";
    public static final String MODE = "mode";
    public static final String PERCENT = "percent";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";
    static final String UPDATED_BY = "updatedBy";
    static final String SYSTEM = "system";

    private final JDBCStateRepository repository;
    private final RoutesProperties routes;

    RouteStore(DataSource dataSource, RoutesProperties routes, Clock clock) {
        this.repository = JDBCStateRepository.newBuilder(new TransactionAwareDataSourceProxy(dataSource))
                .tableName("togglz").createTable(true).usePostgresTextColumns(true).noCommit(true).build();
        this.routes = routes;
        initialize(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The state of a declared route; empty when the route is not declared. */
    public Optional<RouteState> find(String routeId) {
        return routes.find(routeId).map(route -> toRoute(routeId, repository.getFeatureState(new NamedFeature(routeId))));
    }

    /** Every declared route, in declaration order. */
    public List<RouteState> all() {
        return routes.routes().stream().map(route -> find(route.id()).orElseThrow()).toList();
    }

    /** The raw Togglz state of a route (for the Togglz console). */
    public FeatureState featureState(String routeId) {
        return repository.getFeatureState(new NamedFeature(routeId));
    }

    void save(RouteState state) {
        FeatureState feature = new FeatureState(new NamedFeature(state.routeId()), !state.killSwitch())
                .setStrategyId(STRATEGY_ID)
                .setParameter(MODE, state.mode().name())
                .setParameter(PERCENT, state.percent().toPlainString())
                .setParameter(VERSION, Long.toString(state.version()))
                .setParameter(UPDATED_AT, state.updatedAt().toString())
                .setParameter(UPDATED_BY, state.updatedBy());
        repository.setFeatureState(feature);
    }

    private void initialize(Instant now) {
        // a route seen for the first time starts in LEGACY: nothing moves until an operator says so
        for (RoutesProperties.Route route : routes.routes()) {
            if (repository.getFeatureState(new NamedFeature(route.id())) == null) {
                save(new RouteState(route.id(), RouteMode.LEGACY, BigDecimal.ZERO, 0, false, now, SYSTEM));
            }
        }
    }

    private static RouteState toRoute(String routeId, FeatureState feature) {
        if (feature == null) {
            throw new IllegalStateException("Route '" + routeId + "' has no state in the togglz table");
        }
        return new RouteState(routeId,
                RouteMode.valueOf(parameter(feature, MODE, RouteMode.LEGACY.name())),
                new BigDecimal(parameter(feature, PERCENT, "0")),
                Long.parseLong(parameter(feature, VERSION, "0")),
                !feature.isEnabled(),
                Instant.parse(parameter(feature, UPDATED_AT, Instant.EPOCH.toString())),
                parameter(feature, UPDATED_BY, SYSTEM));
    }

    private static String parameter(FeatureState feature, String name, String fallback) {
        String value = feature.getParameter(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
