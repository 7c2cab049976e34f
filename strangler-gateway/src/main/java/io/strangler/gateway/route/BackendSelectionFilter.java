package io.strangler.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.containsEncodedParts;

import io.strangler.gateway.fallback.NewBackendCall;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Points a strangled request at the backend its {@link RouteDecision} chose, right after the gateway computed the
 * request URL. Requests to the new backend go through {@link NewBackendCall} (circuit breaker, time limit, fallback).
 */
public class BackendSelectionFilter implements GlobalFilter, Ordered {

    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final NewBackendCall newBackendCall;

    public BackendSelectionFilter(NewBackendCall newBackendCall) {
        this.newBackendCall = newBackendCall;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RouteDecision decision = RouteDecision.of(exchange);
        if (decision == null) {
            return chain.filter(exchange);
        }
        if (decision.backend() == Backend.LEGACY) {
            pointAt(exchange, decision.route().legacyUri());
            return chain.filter(exchange);
        }
        pointAt(exchange, decision.route().newUri());
        return newBackendCall.call(exchange, chain, decision);
    }

    /** Replaces scheme, host and port of the request URL, keeping path and query as the gateway encoded them. */
    public static void pointAt(ServerWebExchange exchange, URI backend) {
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        URI target = UriComponentsBuilder.fromUri(url).scheme(backend.getScheme()).host(backend.getHost())
                .port(backend.getPort()).build(containsEncodedParts(url)).toUri();
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
