package io.strangler.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldTurnCentsIntoEurosWithTwoDecimalsAndBackExactly() {
        assertThat(Money.euros(25998)).isEqualByComparingTo("259.98").hasScaleOf(2);
        assertThat(Money.cents(new BigDecimal("259.98"))).isEqualTo(25998);
        assertThat(Money.cents(new BigDecimal("0.10"))).isEqualTo(10);
        assertThat(Money.cents(Money.euros(100_000_000))).isEqualTo(100_000_000);
    }
}
