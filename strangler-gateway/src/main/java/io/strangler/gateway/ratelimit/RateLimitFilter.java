package io.strangler.gateway.ratelimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.strangler.gateway.problem.Problems;
import io.strangler.gateway.security.Caller;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Counts each request against its client's limit on the matched route, before any backend is chosen, so the limit is
 * the same in every route mode. The client is the token's subject, else the connection's address (forwarding headers
 * are not trusted). Shadow copies are sent by the gateway itself, not through this filter, so they never count.
 * Answers {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every limited route,
 * and 429 with {@code Retry-After} beyond the limit.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

    /** After authentication (it keys by subject), before the strangler filters. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLimitProperties properties;
    private final Map<String, RateLimitProperties.Limit> limits;
    private final ClientLimiter limiter;

    RateLimitFilter(RateLimitProperties properties, ClientLimiter limiter) {
        this.properties = properties;
        this.limits = properties.limitsByRoute();
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "" : route.getId();
        Optional<RateLimitProperties.Limit> limit = properties.limit(limits, routeId);
        if (limit.isEmpty()) {
            return chain.filter(exchange);
        }
        return limiter.consume(routeId, client(exchange), limit.get()).flatMap(outcome -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(LIMIT, Long.toString(outcome.limit()));
            headers.set(REMAINING, Long.toString(outcome.remaining()));
            headers.set(RESET, Long.toString(outcome.resetSeconds()));
            if (outcome.allowed()) {
                return chain.filter(exchange);
            }
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "more than "
                    + outcome.limit() + " requests per " + limit.get().periodSeconds() + " s from this client on route '"
                    + routeId + "'; retry after " + outcome.retryAfterSeconds() + " s");
        });
    }

    static String client(ServerWebExchange exchange) {
        Optional<Caller> caller = Caller.of(exchange);
        if (caller.isPresent()) {
            return "sub:" + caller.get().subject();
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "addr:" + (remote == null ? "unknown"
                : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
