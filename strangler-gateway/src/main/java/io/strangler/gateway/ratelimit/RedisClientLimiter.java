package io.strangler.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Limits shared by every gateway replica, in Redis, through Spring Cloud Gateway's {@link RedisRateLimiter} (a token
 * bucket in a Lua script). A limit of {@code requests} per {@code period} P seconds is a bucket of
 * {@code requests × P} tokens refilled at {@code requests} tokens per second, of which each request takes P: the same
 * burst and the same average rate as the in-memory windows. Like {@link RedisRateLimiter}, it lets requests through
 * (fails open, remaining unknown) while Redis cannot be reached, so an outage of Redis is not an outage of the gateway.
 */
class RedisClientLimiter implements ClientLimiter {

    private final RedisRateLimiter redis;
    private final Map<String, Boolean> configured = new ConcurrentHashMap<>();

    RedisClientLimiter(RedisRateLimiter redis) {
        this.redis = redis;
    }

    @Override
    public Mono<RateLimitOutcome> consume(String routeId, String client, RateLimitProperties.Limit limit) {
        long period = limit.periodSeconds();
        int rate = limit.requests();
        long capacity = rate * period;
        configured.computeIfAbsent(routeId, id -> {
            redis.getConfig().put(id, new RedisRateLimiter.Config().setReplenishRate(rate).setBurstCapacity(capacity)
                    .setRequestedTokens((int) period));
            return true;
        });
        // Redis keys are request_rate_limiter.{id}.*: the route goes into the id so routes never share a bucket
        return redis.isAllowed(routeId, routeId + "|" + client).map(response -> {
            String header = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
            long tokens = header == null ? -1 : Long.parseLong(header);
            if (tokens < 0) {
                return new RateLimitOutcome(response.isAllowed(), rate, rate, 0, 1);
            }
            long reset = ceilDiv(capacity - tokens, rate);
            long retryAfter = Math.max(1, ceilDiv(period - tokens, rate));
            return new RateLimitOutcome(response.isAllowed(), rate, tokens / period, reset, retryAfter);
        });
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
