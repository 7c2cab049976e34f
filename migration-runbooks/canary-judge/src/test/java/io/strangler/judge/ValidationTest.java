package io.strangler.judge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {

    @ParameterizedTest(name = "{5}")
    @CsvSource({
            "0,     100, 0.1, 0.01, 0.05, alpha",
            "0.6,   100, 0.1, 0.01, 0.05, alpha",
            "NaN,   100, 0.1, 0.01, 0.05, alpha",
            "0.05,  9,   0.1, 0.01, 0.05, minSamplesPerSide",
            "0.05,  100, -0.1, 0.01, 0.05, latencyTolerance",
            "0.05,  100, 11,  0.01, 0.05, latencyTolerance",
            "0.05,  100, 0.1, 1,    0.05, errorRateTolerance",
            "0.05,  100, 0.1, -0.01, 0.05, errorRateTolerance",
            "0.05,  100, 0.1, 0.01, 1,    minEffectSize",
            "0.05,  100, 0.1, 0.01, Infinity, minEffectSize"})
    void shouldRejectAPolicyValueOutOfRange(double alpha, int min, double latency, double errors, double effect,
                                            String field) {
        assertThatThrownBy(() -> new JudgePolicy(alpha, min, latency, errors, effect))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field + " must be");
    }

    @Test
    void shouldRejectNegativeRequests() {
        assertThatThrownBy(() -> new BackendSamples(-1, 0, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests must be >= 0");
    }

    @Test
    void shouldRejectMoreErrorsThanRequests() {
        assertThatThrownBy(() -> new BackendSamples(3, 4, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errors must be between 0 and requests");
    }

    @Test
    void shouldRejectANegativeOrNonFiniteLatency() {
        assertThatThrownBy(() -> new BackendSamples(2, 0, new double[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latenciesMillis[1]");
        assertThatThrownBy(() -> new BackendSamples(2, 0, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latenciesMillis[0]");
    }

    @Test
    void shouldRejectMissingLatencies() {
        assertThatThrownBy(() -> new BackendSamples(0, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectABlankRouteOrAWindowEndingBeforeItStarts() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new CanarySamples(" ", now, now, BackendSamples.NONE, BackendSamples.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routeId");
        assertThatThrownBy(() -> new CanarySamples("catalog", now, now.minusSeconds(1), BackendSamples.NONE,
                BackendSamples.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before from");
    }
}
