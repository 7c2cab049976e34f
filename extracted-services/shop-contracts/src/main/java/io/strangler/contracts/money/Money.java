package io.strangler.contracts.money;

import java.math.BigDecimal;

/**
 * The edge mapping of money: the contract speaks integer euro cents ({@code priceCents}, {@code totalCents}), the
 * shop's databases keep decimal euros ({@code NUMERIC(12,2)}).
 */
public final class Money {

    private Money() {
    }

    /** Exact: fails with {@link ArithmeticException} for an amount with fractions of a cent or beyond a long. */
    public static long toCents(BigDecimal euros) {
        return euros.movePointRight(2).longValueExact();
    }

    public static BigDecimal toEuros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
