package io.strangler.gateway.route;

import io.strangler.gateway.mode.RouteModeSetting;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway decided for one request, kept as an exchange attribute for the later filters (URL selection,
 * fallback, shadow, metrics).
 *
 * @param route   the strangled route, legacy URI resolved; never null
 * @param setting the route's mode when the request arrived; never null
 * @param backend where the request goes first; never null
 * @param forced  whether a tester override chose the backend
 */
public record RouteDecision(RouteProperties route, RouteModeSetting setting, Backend backend, boolean forced) {

    /** Exchange attribute holding the decision. */
    public static final String ATTR = RouteDecision.class.getName();

    /** Exchange attribute holding the backend that finally served (differs from {@link #backend()} after a fallback). */
    public static final String SERVED_BY_ATTR = RouteDecision.class.getName() + ".servedBy";

    public static RouteDecision of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTR);
    }
}
