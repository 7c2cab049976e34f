package io.strangler.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleForecastTest {

    @Test
    void shouldWaitForTheSlowerSide() {
        SampleForecast forecast = SampleForecast.estimate(100, 50, 10, 2, 100);

        assertThat(forecast.ready()).isFalse();
        assertThat(forecast.candidateMissing()).isEqualTo(90);
        assertThat(forecast.timeToDecision()).contains(Duration.ofSeconds(45));
        assertThat(forecast.minimumWindow()).contains(Duration.ofSeconds(50));
    }

    @Test
    void shouldBeReadyWhenBothSidesHaveEnough() {
        SampleForecast forecast = SampleForecast.estimate(150, 0, 100, 0, 100);

        assertThat(forecast.ready()).isTrue();
        assertThat(forecast.timeToDecision()).contains(Duration.ZERO);
    }

    @Test
    void shouldHaveNoEstimateWhenASideLackingSamplesGetsNoTraffic() {
        assertThat(SampleForecast.estimate(500, 10, 3, 0, 100).timeToDecision()).isEmpty();
    }

    @Test
    void shouldDeriveRatesFromTheSamplesWindow() {
        Instant from = Instant.parse("2026-01-01T10:00:00Z");
        CanarySamples samples = new CanarySamples("catalog", from, from.plusSeconds(60),
                new BackendSamples(600, 0, new double[600]), new BackendSamples(30, 0, new double[30]));

        SampleForecast forecast = SampleForecast.of(samples, JudgePolicy.DEFAULT);

        assertThat(forecast.candidatePerSecond()).isEqualTo(0.5);
        assertThat(forecast.timeToDecision()).contains(Duration.ofSeconds(140));
    }

    @Test
    void shouldRejectNegativeOrNonFiniteRates() {
        assertThatThrownBy(() -> SampleForecast.estimate(0, -1, 0, 1, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("legacyPerSecond");
        assertThatThrownBy(() -> SampleForecast.estimate(0, 1, 0, Double.NaN, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidatePerSecond");
    }
}
