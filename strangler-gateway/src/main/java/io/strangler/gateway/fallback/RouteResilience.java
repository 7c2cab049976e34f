package io.strangler.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.strangler.gateway.route.FallbackPolicy;
import io.strangler.gateway.route.RouteProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One circuit breaker and one time limiter per route, named after the route, built from its policy. */
public class RouteResilience {

    private final CircuitBreakerRegistry breakers;
    private final Map<String, TimeLimiter> limiters = new ConcurrentHashMap<>();

    public RouteResilience(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    public CircuitBreaker circuitBreaker(RouteProperties route) {
        return breakers.circuitBreaker(route.id(), () -> config(route.fallback()));
    }

    public TimeLimiter timeLimiter(RouteProperties route) {
        return limiters.computeIfAbsent(route.id(), id -> TimeLimiter.of(id,
                TimeLimiterConfig.custom().timeoutDuration(route.timeouts().newBackend()).cancelRunningFuture(true).build()));
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
