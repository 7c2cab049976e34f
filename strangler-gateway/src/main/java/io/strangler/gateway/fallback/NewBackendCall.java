package io.strangler.gateway.fallback;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.strangler.gateway.metrics.BackendRequests;
import io.strangler.gateway.route.Backend;
import io.strangler.gateway.route.BackendSelectionFilter;
import io.strangler.gateway.route.RouteDecision;
import io.strangler.gateway.route.StranglerGatewayProperties;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Calls a route's new backend under its Resilience4j circuit breaker and a time limit ({@link EventLoopTimeout}).
 * A failure (5xx, timeout, connection error, open circuit) of a safe request (GET/HEAD) is answered by legacy
 * instead, and counted, and the failed attempt is recorded as new's error; other requests get new's 5xx as is, or
 * a 503/504 problem when there is no response.
 */
public class NewBackendCall {

    private final RouteResilience resilience;
    private final FallbackCounter fallbacks;
    private final BackendRequests requests;
    private final String backendHeader;

    public NewBackendCall(RouteResilience resilience, FallbackCounter fallbacks, BackendRequests requests,
                          StranglerGatewayProperties properties) {
        this.resilience = resilience;
        this.fallbacks = fallbacks;
        this.requests = requests;
        this.backendHeader = properties.backendHeader();
    }

    public Mono<Void> call(ServerWebExchange exchange, GatewayFilterChain chain, RouteDecision decision) {
        String routeId = decision.route().id();
        CircuitBreaker breaker = resilience.circuitBreaker(decision.route());
        boolean mayFallBack = decision.route().fallback().enabled() && isSafe(exchange.getRequest().getMethod());
        long start = System.nanoTime();
        Mono<Void> attempt = chain.filter(exchange)
                .then(Mono.defer(() -> failOnServerError(exchange)))
                .transform(call -> EventLoopTimeout.limit(call, decision.route().timeouts().newBackend(), exchange))
                .transformDeferred(CircuitBreakerOperator.of(breaker));
        return attempt.onErrorResume(error -> {
            FallbackReason reason = FallbackReason.of(error);
            if (mayFallBack) {
                if (reason != FallbackReason.CIRCUIT_OPEN) {
                    // new's failure counts against new (comparison API and Prometheus alike) although legacy serves
                    // the client; without a fallback the request metrics record it once, as served by new
                    String outcome = reason == FallbackReason.SERVER_ERROR
                            ? BackendRequests.SERVER_ERROR : BackendRequests.ERROR;
                    requests.record(routeId, Backend.NEW, System.nanoTime() - start, outcome);
                }
                return fallBack(exchange, chain, decision, reason);
            }
            return withoutFallback(error);
        });
    }

    private Mono<Void> fallBack(ServerWebExchange exchange, GatewayFilterChain chain, RouteDecision decision,
                                FallbackReason reason) {
        fallbacks.increment(decision.route().id(), reason);
        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
        ServerWebExchangeUtils.reset(exchange);
        exchange.getResponse().setStatusCode(null);
        exchange.getAttributes().put(RouteDecision.SERVED_BY_ATTR, Backend.LEGACY);
        exchange.getResponse().getHeaders().set(backendHeader, Backend.LEGACY.tag());
        exchange.getResponse().getHeaders().set("X-Strangler-Fallback", reason.tag());
        BackendSelectionFilter.pointAt(exchange, decision.route().legacyUri());
        return chain.filter(exchange);
    }

    private static Mono<Void> withoutFallback(Throwable error) {
        if (error instanceof NewBackendServerError) {
            return Mono.empty(); // the client gets new's own 5xx response, still unwritten
        }
        if (error instanceof CallNotPermittedException) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the new backend's circuit breaker is open"));
        }
        if (error instanceof TimeoutException) {
            return Mono.error(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "the new backend did not answer in time"));
        }
        return Mono.error(error);
    }

    private static Mono<Void> failOnServerError(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status != null && status.is5xxServerError() ? Mono.error(new NewBackendServerError(status)) : Mono.empty();
    }

    private static boolean isSafe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    /** New answered with a 5xx: a failure for the circuit breaker. */
    static final class NewBackendServerError extends RuntimeException {
        NewBackendServerError(HttpStatusCode status) {
            super("new backend answered " + status.value(), null, false, false);
        }
    }
}
