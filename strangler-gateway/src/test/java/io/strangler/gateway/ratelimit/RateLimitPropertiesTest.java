package io.strangler.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    @Test
    void shouldRejectAnUnknownBackend() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Settings("memcached", null, null))
                .withMessage("strangler.gateway.rate-limit.backend: unknown backend 'memcached'; accepted: memory, redis");
    }

    @Test
    void shouldRejectALimitWithoutRequests() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties(null, List.of(
                        new RateLimitProperties.Route("orders", new RateLimitProperties.Limit(0, null)))))
                .withMessage("strangler.gateway.routes[orders].rate-limit.requests must be at least 1, got 0");
    }

    @Test
    void shouldRejectAPeriodOfFractionalSeconds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Settings(null,
                        new RateLimitProperties.Limit(10, Duration.ofMillis(1500)), null))
                .withMessageContaining("strangler.gateway.rate-limit.default-limit.period must be whole seconds");
    }

    @Test
    void shouldGiveRoutesWithoutALimitTheDefault() {
        var properties = new RateLimitProperties(new RateLimitProperties.Settings(null,
                new RateLimitProperties.Limit(100, null), null),
                List.of(new RateLimitProperties.Route("orders", new RateLimitProperties.Limit(5, Duration.ofMinutes(1))),
                        new RateLimitProperties.Route("catalog", null)));
        var byRoute = properties.limitsByRoute();
        assertThat(properties.limit(byRoute, "orders")).hasValue(new RateLimitProperties.Limit(5, Duration.ofMinutes(1)));
        assertThat(properties.limit(byRoute, "catalog")).hasValue(new RateLimitProperties.Limit(100, Duration.ofSeconds(1)));
        assertThat(properties.limit(byRoute, "legacy-catch-all")).hasValue(new RateLimitProperties.Limit(100, Duration.ofSeconds(1)));
    }

    @Test
    void shouldRefillTheInMemoryWindowAfterThePeriod() {
        AtomicLong nanos = new AtomicLong(1_000);
        var limiter = new InMemoryClientLimiter(10, nanos::get);
        var limit = new RateLimitProperties.Limit(2, Duration.ofSeconds(10));
        assertThat(limiter.consume("r", "a", limit).block()).isEqualTo(new RateLimitOutcome(true, 2, 1, 10, 10));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(limiter.consume("r", "a", limit).block()).isEqualTo(new RateLimitOutcome(true, 2, 0, 6, 6));
        assertThat(limiter.consume("r", "a", limit).block()).isEqualTo(new RateLimitOutcome(false, 2, 0, 6, 6));
        assertThat(limiter.consume("r", "b", limit).block().allowed()).isTrue();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(limiter.consume("r", "a", limit).block()).isEqualTo(new RateLimitOutcome(true, 2, 1, 10, 10));
    }
}
