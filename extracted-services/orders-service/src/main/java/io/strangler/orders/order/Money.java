package io.strangler.orders.order;

import java.math.BigDecimal;

/** Euros in the database, integer cents at the HTTP edge. */
public final class Money {

    private Money() {
    }

    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public static long cents(BigDecimal euros) {
        return euros.movePointRight(2).longValueExact();
    }
}
