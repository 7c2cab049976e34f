package io.strangler.orders.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SagaBackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void shouldDoubleThePauseWithEachFailedAttempt() {
        assertThat(SagaOrchestrator.backoff(0, FIRST, MAX)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SagaOrchestrator.backoff(1, FIRST, MAX)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SagaOrchestrator.backoff(4, FIRST, MAX)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void shouldNeverPauseLongerThanTheMaximumEvenAfterManyAttempts() {
        assertThat(SagaOrchestrator.backoff(5, FIRST, MAX)).isEqualTo(MAX);
        assertThat(SagaOrchestrator.backoff(10_000, FIRST, MAX)).isEqualTo(MAX);
    }
}
