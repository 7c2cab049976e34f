package io.strangler.cdc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowFieldsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void turnsCentsIntoAnAmountWithTwoPlacesAndBack() {
        assertThat(RowFields.centsToAmount(1999)).isEqualTo(new BigDecimal("19.99"));
        assertThat(RowFields.amountToCents(new BigDecimal("19.99"), "price")).isEqualTo(1999);
        assertThat(RowFields.amountToCents(new BigDecimal("20"), "price")).isEqualTo(2000);
    }

    @Test
    void refusesAnAmountWithFractionsOfACent() {
        assertThatThrownBy(() -> RowFields.amountToCents(new BigDecimal("1.005"), "price"))
                .isInstanceOf(UnmappableChangeException.class).hasMessageContaining("fractions of a cent");
    }

    @Test
    void mapsLegacyFlagsToBooleansAndRefusesOtherLetters() {
        JsonNode row = json.readTree("{\"y\":\"Y\",\"n\":\"N\",\"x\":\"X\"}");
        assertThat(RowFields.flag(row, "y")).isTrue();
        assertThat(RowFields.flag(row, "n")).isFalse();
        assertThat(RowFields.flag(true)).isEqualTo("Y");
        assertThatThrownBy(() -> RowFields.flag(row, "x")).isInstanceOf(UnmappableChangeException.class)
                .hasMessageContaining("'Y' or 'N'");
    }

    @Test
    void refusesAMissingOrMistypedColumn() {
        JsonNode row = json.readTree("{\"price_cents\":\"12\"}");
        assertThatThrownBy(() -> RowFields.requiredLong(row, "price_cents"))
                .isInstanceOf(UnmappableChangeException.class).hasMessageContaining("price_cents");
        assertThatThrownBy(() -> RowFields.requiredText(row, "missing"))
                .isInstanceOf(UnmappableChangeException.class).hasMessageContaining("missing");
    }

    @Test
    void passesDebeziumUtcInstantsThroughAsTextAndRefusesOtherShapes() {
        JsonNode row = json.readTree("""
                {"a":"2026-12-04T18:29:16.123456Z","b":"2026-12-04T18:29:16Z","c":"2026-12-04 18:29:16",
                 "d":"yesterday","e":"2026-12-04T18:29:16+01:00","f":1764872956000}""");
        assertThat(RowFields.requiredInstantText(row, "a")).isEqualTo("2026-12-04T18:29:16.123456Z");
        assertThat(RowFields.requiredInstantText(row, "b")).isEqualTo("2026-12-04T18:29:16Z");
        for (String column : new String[] {"c", "d", "e", "f", "missing"}) {
            assertThatThrownBy(() -> RowFields.requiredInstantText(row, column)).as(column)
                    .isInstanceOf(UnmappableChangeException.class).hasMessageContaining(column);
        }
    }
}
