package io.strangler.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strangler.gateway.MovableClock;
import io.strangler.gateway.shadow.ShadowStats.Result;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShadowStatsTest {

    private final MovableClock clock = new MovableClock();
    private final ShadowStats stats = new ShadowStats("catalog", new SimpleMeterRegistry(), 100, clock);

    @Test
    void shouldReportOutcomeCountsOverTheWindowOnly() {
        stats.count(Result.MATCH);
        stats.count(Result.DROPPED);
        clock.advance(Duration.ofMinutes(10));
        stats.count(Result.FAILED);
        stats.count(Result.SKIPPED);
        stats.count(Result.DROPPED);

        ShadowReport lastFiveMinutes = stats.report(10, Duration.ofMinutes(5));
        assertThat(lastFiveMinutes.matched()).isZero();
        assertThat(lastFiveMinutes.mismatched()).isZero();
        assertThat(lastFiveMinutes.dropped()).isEqualTo(1);
        assertThat(lastFiveMinutes.failed()).isEqualTo(1);
        assertThat(lastFiveMinutes.skipped()).isEqualTo(1);
        assertThat(lastFiveMinutes.truncated()).isFalse();
        ShadowReport lastHour = stats.report(10, Duration.ofHours(1));
        assertThat(lastHour.matched()).isEqualTo(1);
        assertThat(lastHour.dropped()).isEqualTo(2);
    }

    @Test
    void shouldKeepSinceStartTotalsInTheMicrometerCounters() {
        stats.count(Result.MATCH);
        clock.advance(Duration.ofHours(25));
        stats.count(Result.MATCH);
        assertThat(stats.total(Result.MATCH)).isEqualTo(2);
        assertThat(stats.report(10, Duration.ofHours(24)).matched()).isEqualTo(1);
    }
}
