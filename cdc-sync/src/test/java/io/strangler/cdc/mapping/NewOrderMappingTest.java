package io.strangler.cdc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NewOrderMappingTest {

    @Test
    void mapsEveryStatusBackToTheLegacyCodeItCameFrom() {
        for (String code : new String[] {"PEND", "CONF", "FAIL", "CANC"}) {
            assertThat(NewOrderMapping.statusCode(LegacyOrderMapping.status(code))).isEqualTo(code);
        }
    }

    @Test
    void refusesAnUnknownStatus() {
        assertThatThrownBy(() -> NewOrderMapping.statusCode("SHIPPED")).isInstanceOf(UnmappableChangeException.class)
                .hasMessageContaining("SHIPPED");
    }
}
