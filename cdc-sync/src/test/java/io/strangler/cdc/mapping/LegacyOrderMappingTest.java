package io.strangler.cdc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LegacyOrderMappingTest {

    @Test
    void mapsEveryLegacyStatusCodeToAWord() {
        assertThat(LegacyOrderMapping.status("PEND")).isEqualTo("PENDING");
        assertThat(LegacyOrderMapping.status("CONF")).isEqualTo("CONFIRMED");
        assertThat(LegacyOrderMapping.status("FAIL")).isEqualTo("FAILED");
        assertThat(LegacyOrderMapping.status("CANC")).isEqualTo("CANCELLED");
    }

    @Test
    void refusesAnUnknownStatusCode() {
        assertThatThrownBy(() -> LegacyOrderMapping.status("SHIP")).isInstanceOf(UnmappableChangeException.class)
                .hasMessageContaining("SHIP");
    }
}
