package io.strangler.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GateWindowTest {

    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void shouldLookBackOverWholeSecondsSinceTheStepStartedWhileTheWindowIsNotFull() {
        // the metric sources refuse fractional windows (PT1M50.1074S): a gate must never ask for one
        assertThat(Gates.window(at(Duration.ofMillis(110_107)), Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(110));
    }

    @Test
    void shouldLookBackAtLeastOneSecondAndAtMostTheConfiguredWindow() {
        assertThat(Gates.window(at(Duration.ofMillis(300)), Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Gates.window(at(Duration.ofMinutes(7)), Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    private static StepContext at(Duration sinceStart) {
        return new StepContext(UUID.randomUUID(), "catalog-cutover", START, START.plus(sinceStart), null);
    }
}
