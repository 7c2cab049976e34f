package io.strangler.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.strangler.gateway.route.FallbackPolicy;
import io.strangler.gateway.route.RouteProperties;

/**
 * One circuit breaker per route, named after the route, built from its policy (the new backend's time limit is
 * {@link EventLoopTimeout}, per request).
 */
public class RouteResilience {

    private final CircuitBreakerRegistry breakers;

    public RouteResilience(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    public CircuitBreaker circuitBreaker(RouteProperties route) {
        return breakers.circuitBreaker(route.id(), () -> config(route.fallback()));
    }

    private static CircuitBreakerConfig config(FallbackPolicy policy) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRateThreshold())
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumNumberOfCalls())
                .waitDurationInOpenState(policy.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(Math.min(3, policy.minimumNumberOfCalls()))
                .build();
    }
}
