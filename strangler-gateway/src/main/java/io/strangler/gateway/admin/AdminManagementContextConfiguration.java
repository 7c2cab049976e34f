package io.strangler.gateway.admin;

import io.strangler.gateway.fallback.FallbackCounter;
import io.strangler.gateway.metrics.RouteLatencies;
import io.strangler.gateway.mode.RouteModes;
import io.strangler.gateway.route.StranglerGatewayProperties;
import io.strangler.gateway.shadow.ShadowMirror;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The comparison API, registered in the management server's own context: it exists only on
 * {@code management.server.port}, never on the front door.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class AdminManagementContextConfiguration {

    @Bean
    RouterFunction<ServerResponse> stranglerAdminRoutes(StranglerGatewayProperties properties, RouteModes modes,
                                                        RouteLatencies latencies, ShadowMirror shadow,
                                                        FallbackCounter fallbacks) {
        ComparisonHandler handler = new ComparisonHandler(properties, modes, latencies, shadow, fallbacks);
        return RouterFunctions.route()
                .GET("/admin/routes", handler::routes)
                .GET("/admin/routes/{id}/comparison", handler::comparison)
                .build();
    }
}
