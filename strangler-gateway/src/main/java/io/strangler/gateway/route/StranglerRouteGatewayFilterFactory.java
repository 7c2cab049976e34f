package io.strangler.gateway.route;

import io.strangler.gateway.canary.CanaryBucket;
import io.strangler.gateway.canary.StickinessKey;
import io.strangler.gateway.canary.TesterOverride;
import io.strangler.gateway.mode.RouteModeSetting;
import io.strangler.gateway.mode.RouteModes;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Decides, per request, which backend of a strangled route serves it, from the route's live mode: LEGACY and SHADOW
 * go to legacy, NEW to new, CANARY p % hashes the stickiness key ({@link CanaryBucket}). A tester override with the
 * right secret wins. Sets the backend response header; {@link BackendSelectionFilter} then points the request at
 * the chosen backend (and handles NEW's fallback).
 *
 * <pre>
 * spring.cloud.gateway.server.webflux.routes:
 *   - id: catalog
 *     uri: http://localhost:8081
 *     predicates: [ "Path=/api/products/**" ]
 *     filters: [ "StranglerRoute=catalog" ]     # the id of a route in strangler.gateway.routes
 * </pre>
 */
public class StranglerRouteGatewayFilterFactory
        extends AbstractGatewayFilterFactory<StranglerRouteGatewayFilterFactory.Config> {

    /** Runs before the shadow filter and the response writer, so both see the decision. */
    public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 2;

    private final StranglerGatewayProperties properties;
    private final RouteModes modes;
    private final TesterOverride override;

    public StranglerRouteGatewayFilterFactory(StranglerGatewayProperties properties, RouteModes modes) {
        super(Config.class);
        this.properties = properties;
        this.modes = modes;
        this.override = new TesterOverride(properties.override());
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("routeId");
    }

    @Override
    public GatewayFilter apply(Config config) {
        RouteProperties route = properties.route(config.getRouteId());
        String header = properties.backendHeader();
        return new OrderedGatewayFilter((exchange, chain) -> {
            RouteDecision decision = decide(route, exchange.getRequest());
            exchange.getAttributes().put(RouteDecision.ATTR, decision);
            exchange.getAttributes().put(RouteDecision.SERVED_BY_ATTR, decision.backend());
            exchange.getResponse().getHeaders().set(header, decision.backend().tag());
            return chain.filter(exchange);
        }, ORDER);
    }

    RouteDecision decide(RouteProperties route, ServerHttpRequest request) {
        RouteModeSetting setting = modes.current(route.id());
        Optional<Backend> forced = override.forced(request);
        if (forced.isPresent()) {
            return new RouteDecision(route, setting, forced.get(), true);
        }
        Backend backend = switch (setting.mode()) {
            case LEGACY, SHADOW -> Backend.LEGACY;
            case NEW -> Backend.NEW;
            case CANARY -> CanaryBucket.goesToNew(StickinessKey.of(request, route.stickiness()), setting.percentBuckets())
                    ? Backend.NEW : Backend.LEGACY;
        };
        return new RouteDecision(route, setting, backend, false);
    }

    /** The filter's settings. */
    public static class Config {
        private String routeId;

        public String getRouteId() {
            return routeId;
        }

        public Config setRouteId(String routeId) {
            this.routeId = routeId;
            return this;
        }
    }
}
