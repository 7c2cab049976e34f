package io.strangler.contracts.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void mapsCentsToDecimalEurosAndBackWithoutLoss() {
        for (long cents : new long[] {0, 1, 5, 99, 100, 12_999, 100_000_000}) {
            assertThat(Money.toCents(Money.toEuros(cents))).isEqualTo(cents);
        }
        assertThat(Money.toEuros(12_999)).isEqualByComparingTo("129.99");
    }

    @Test
    void readsDecimalsOfAnyScaleFromTheDatabase() {
        assertThat(Money.toCents(new BigDecimal("129.9"))).isEqualTo(12_990);
        assertThat(Money.toCents(new BigDecimal("7"))).isEqualTo(700);
    }

    @Test
    void refusesFractionsOfACentRatherThanRoundingThem() {
        assertThatThrownBy(() -> Money.toCents(new BigDecimal("0.001"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldTurnCentsIntoEurosWithTwoDecimalsAndBackExactly() {
        assertThat(Money.toEuros(25998)).isEqualByComparingTo("259.98").hasScaleOf(2);
        assertThat(Money.toCents(new BigDecimal("259.98"))).isEqualTo(25998);
        assertThat(Money.toCents(new BigDecimal("0.10"))).isEqualTo(10);
        assertThat(Money.toCents(Money.toEuros(100_000_000))).isEqualTo(100_000_000);
    }
}
