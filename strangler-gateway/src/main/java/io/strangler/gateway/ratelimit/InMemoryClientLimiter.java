package io.strangler.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Limits in this JVM: one Resilience4j {@link AtomicRateLimiter} per route and client ({@code requests} permits per
 * fixed window of {@code period}, never waiting). Clients are kept in a bounded Caffeine cache per route; one unseen for
 * a whole period is dropped, which loses nothing because its window has reset by then.
 */
class InMemoryClientLimiter implements ClientLimiter {

    private final int maxClientsPerRoute;
    private final Supplier<Long> nanoTime;
    private final Map<String, Cache<String, Window>> routes = new ConcurrentHashMap<>();

    InMemoryClientLimiter(int maxClientsPerRoute, Supplier<Long> nanoTime) {
        this.maxClientsPerRoute = maxClientsPerRoute;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<RateLimitOutcome> consume(String routeId, String client, RateLimitProperties.Limit limit) {
        Cache<String, Window> clients = routes.computeIfAbsent(routeId, id -> Caffeine.newBuilder()
                .maximumSize(maxClientsPerRoute).expireAfterAccess(limit.period()).build());
        Window window = clients.get(client, key -> new Window(limit, nanoTime));
        return Mono.just(window.consume());
    }

    /** One client's limiter and when its first window started (windows are counted from there). */
    private static final class Window {
        private final AtomicRateLimiter limiter;
        private final long startNanos;
        private final long periodNanos;
        private final int requests;
        private final Supplier<Long> nanoTime;

        Window(RateLimitProperties.Limit limit, Supplier<Long> nanoTime) {
            this.nanoTime = nanoTime;
            this.requests = limit.requests();
            this.periodNanos = limit.period().toNanos();
            this.startNanos = nanoTime.get();
            // the limiter reads the same clock from its construction on, so its windows start at startNanos (to the ns)
            this.limiter = new AtomicRateLimiter("client", RateLimiterConfig.custom().limitForPeriod(requests)
                    .limitRefreshPeriod(limit.period()).timeoutDuration(Duration.ZERO).build(), nanoTime);
        }

        RateLimitOutcome consume() {
            boolean allowed = limiter.acquirePermission();
            long elapsed = nanoTime.get() - startNanos;
            long toNextWindow = periodNanos - Math.floorMod(elapsed, periodNanos);
            long reset = seconds(toNextWindow);
            int remaining = Math.max(0, limiter.getMetrics().getAvailablePermissions());
            return new RateLimitOutcome(allowed, requests, allowed ? remaining : 0, reset, Math.max(1, reset));
        }

        private static long seconds(long nanos) {
            return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
        }
    }
}
