package io.strangler.catalog.web;

import java.math.BigDecimal;

/** The edge mapping of money: the API speaks integer euro cents, the database keeps decimal euros (NUMERIC(12,2)). */
public final class Money {

    private Money() {
    }

    public static long toCents(BigDecimal euros) {
        return euros.movePointRight(2).longValueExact();
    }

    public static BigDecimal toEuros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
