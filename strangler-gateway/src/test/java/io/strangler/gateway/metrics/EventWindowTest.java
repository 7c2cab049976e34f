package io.strangler.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import io.strangler.gateway.MovableClock;
import org.junit.jupiter.api.Test;

class EventWindowTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void shouldCountOnlyEventsInsideTheWindow() {
        EventWindow events = new EventWindow(100, 3, clock);
        events.record(0);
        events.record(1);
        clock.advance(Duration.ofMinutes(4));
        events.record(0);
        events.record(2);
        clock.advance(Duration.ofMinutes(2));

        EventWindow.Counts lastFiveMinutes = events.counts(Duration.ofMinutes(5));
        assertThat(lastFiveMinutes.perKind()).containsExactly(1, 0, 1);
        assertThat(lastFiveMinutes.total()).isEqualTo(2);
        assertThat(lastFiveMinutes.truncated()).isFalse();
        assertThat(events.counts(Duration.ofMinutes(10)).perKind()).containsExactly(2, 1, 1);
        assertThat(events.counts(Duration.ofMinutes(1)).total()).isZero();
    }

    @Test
    void shouldCountAnEventExactlyAtTheStartOfTheWindow() {
        EventWindow events = new EventWindow(10, 1, clock);
        events.record(0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(events.counts(Duration.ofSeconds(30)).of(0)).isEqualTo(1);
        assertThat(events.counts(Duration.ofSeconds(29)).of(0)).isZero();
    }

    @Test
    void shouldKeepAtMostItsCapacityAndSayWhenTheWindowIsTruncated() {
        EventWindow events = new EventWindow(3, 2, clock);
        for (int i = 0; i < 5; i++) {
            events.record(i % 2);
            clock.advance(Duration.ofSeconds(1));
        }
        EventWindow.Counts all = events.counts(Duration.ofMinutes(1));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.perKind()).containsExactly(2, 1);
        assertThat(all.truncated()).isTrue();
        // the last three events (t=2s..4s, now 5s) still cover a 3 s window
        assertThat(events.counts(Duration.ofSeconds(3)).truncated()).isFalse();
    }

    @Test
    void shouldReportNothingBeforeTheFirstEvent() {
        EventWindow.Counts counts = new EventWindow(10, 4, clock).counts(Duration.ofHours(24));
        assertThat(counts.total()).isZero();
        assertThat(counts.truncated()).isFalse();
    }

    @Test
    void shouldRejectAKindOutsideItsRange() {
        EventWindow events = new EventWindow(10, 2, clock);
        assertThatIllegalArgumentException().isThrownBy(() -> events.record(2)).withMessageContaining("0..1");
        assertThatIllegalArgumentException().isThrownBy(() -> new EventWindow(0, 2, clock));
    }
}
