package io.strangler.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strangler.gateway.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FallbackCounterTest {

    private final MovableClock clock = new MovableClock();
    private final FallbackCounter fallbacks = new FallbackCounter(new SimpleMeterRegistry(), 100, clock);

    @Test
    void shouldCountFallbacksOverTheWindowPerReason() {
        fallbacks.increment("orders", FallbackReason.TIMEOUT);
        clock.advance(Duration.ofMinutes(10));
        fallbacks.increment("orders", FallbackReason.SERVER_ERROR);
        fallbacks.increment("orders", FallbackReason.SERVER_ERROR);
        fallbacks.increment("catalog", FallbackReason.CIRCUIT_OPEN);

        FallbackCounter.FallbackWindow lastFiveMinutes = fallbacks.window("orders", Duration.ofMinutes(5));
        assertThat(lastFiveMinutes.count()).isEqualTo(2);
        assertThat(lastFiveMinutes.byReason()).containsEntry("server_error", 2L).containsEntry("timeout", 0L)
                .containsEntry("circuit_open", 0L).containsEntry("connection_error", 0L);
        assertThat(lastFiveMinutes.truncated()).isFalse();
        assertThat(fallbacks.window("orders", Duration.ofHours(1)).count()).isEqualTo(3);
        assertThat(fallbacks.count("orders")).isEqualTo(3);
    }

    @Test
    void shouldReportNoFallbacksForARouteThatHadNone() {
        FallbackCounter.FallbackWindow none = fallbacks.window("catalog", Duration.ofMinutes(5));
        assertThat(none.count()).isZero();
        assertThat(none.byReason()).containsOnlyKeys("server_error", "timeout", "circuit_open", "connection_error");
    }
}
