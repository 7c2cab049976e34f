package io.strangler.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesExactlyThreeFractionDigitsInUtc() {
        assertThat(Timestamps.format(Instant.parse("2026-11-28T10:15:30Z"))).isEqualTo("2026-11-28T10:15:30.000Z");
        assertThat(Timestamps.format(Instant.parse("2026-11-28T10:15:30.12Z"))).isEqualTo("2026-11-28T10:15:30.120Z");
    }

    @Test
    void truncatesToMillisecondsSoStoredValuesReadBackUnchanged() {
        assertThat(Timestamps.truncate(Instant.parse("2026-11-28T10:15:30.123456789Z")))
                .isEqualTo(Instant.parse("2026-11-28T10:15:30.123Z"));
    }
}
