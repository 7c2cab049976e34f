package io.strangler.gateway.route;

import io.strangler.gateway.problem.FrontDoorGuard;
import io.strangler.gateway.shadow.ShadowGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;

/**
 * Turns {@code strangler.gateway.routes} into gateway routes, in this order: the front-door guard (admin and
 * actuator paths answer 404), each strangled route in declaration order (with {@code StranglerRoute} and
 * {@code Shadow} filters), and the catch-all to legacy with the lowest precedence.
 */
final class StranglerRouteLocator {

    static final String GUARD_ROUTE_ID = "front-door-guard";
    static final String CATCH_ALL_ROUTE_ID = "legacy-catch-all";

    private StranglerRouteLocator() {
    }

    static RouteLocator build(RouteLocatorBuilder builder, StranglerGatewayProperties properties,
                              StranglerRouteGatewayFilterFactory strangler, ShadowGatewayFilterFactory shadow) {
        RouteLocatorBuilder.Builder routes = builder.routes()
                .route(GUARD_ROUTE_ID, r -> r.order(Integer.MIN_VALUE).path(FrontDoorGuard.PATHS)
                        .filters(f -> f.filter(new FrontDoorGuard())).uri(properties.legacyUri()));
        int order = 0;
        for (RouteProperties declared : properties.routes()) {
            RouteProperties route = properties.route(declared.id());
            int routeOrder = order++;
            routes.route(route.id(), r -> {
                BooleanSpec predicate = r.order(routeOrder).path(route.paths().toArray(String[]::new));
                if (!route.methods().isEmpty()) {
                    predicate = predicate.and().method(route.methods().toArray(String[]::new));
                }
                UriSpec spec = predicate.filters(f -> f
                        .filter(strangler.apply(new StranglerRouteGatewayFilterFactory.Config().setRouteId(route.id())))
                        .filter(shadow.apply(new ShadowGatewayFilterFactory.Config().setRouteId(route.id()))));
                if (route.timeouts().response() != null) {
                    spec = spec.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, route.timeouts().response().toMillis());
                }
                return spec.uri(route.legacyUri());
            });
        }
        return routes.route(CATCH_ALL_ROUTE_ID, r -> r.order(Integer.MAX_VALUE).path("/**").uri(properties.legacyUri()))
                .build();
    }
}
