package io.strangler.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SustainedRateTest {

    /** Runs the search against a pipeline that keeps up with exactly the rates up to {@code capacity}. */
    private static List<Integer> search(SustainedRate search, int capacity) {
        List<Integer> offered = new ArrayList<>();
        for (OptionalInt rate = search.next(); rate.isPresent(); rate = search.next()) {
            offered.add(rate.getAsInt());
            search.record(new SustainedRate.Step(rate.getAsInt(), rate.getAsInt() <= capacity, ""));
        }
        return offered;
    }

    @Test
    void shouldNarrowTheRangeToTheResolutionAroundTheCapacity() {
        SustainedRate search = new SustainedRate(2000, 16000, 500);

        List<Integer> offered = search(search, 6800);

        assertThat(offered).startsWith(9000, 5500).hasSizeLessThanOrEqualTo(5);
        assertThat(search.sustained()).isLessThanOrEqualTo(6800).isGreaterThan(6800 - 500);
        assertThat(search.measured()).isTrue();
        assertThat(search.limitFound()).isTrue();
    }

    @Test
    void shouldSayWhenNoRateWasKeptUpWith() {
        SustainedRate search = new SustainedRate(2000, 16000, 500);

        search(search, 1000);

        assertThat(search.sustained()).isEqualTo(2000);
        assertThat(search.measured()).isFalse();
    }

    @Test
    void shouldSayWhenTheHighEndWasNeverReached() {
        SustainedRate search = new SustainedRate(2000, 16000, 500);

        search(search, 50_000);

        assertThat(search.sustained()).isGreaterThan(15_000);
        assertThat(search.limitFound()).isFalse();
    }

    @Test
    void shouldRejectARangeItCannotSearch() {
        assertThatThrownBy(() -> SustainedRate.parse("16000-2000", 500)).hasMessageContaining("low < high");
        assertThatThrownBy(() -> SustainedRate.parse("2000", 500)).hasMessageContaining("2000-16000");
        assertThatThrownBy(() -> SustainedRate.parse("2k-16k", 500)).hasMessageContaining("was '2k-16k'");
        assertThatThrownBy(() -> new SustainedRate(2000, 16000, 10)).hasMessageContaining("resolution");
    }
}
