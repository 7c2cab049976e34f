package io.strangler.orders.order;

import io.strangler.contracts.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as stored. Money is in euros ({@code NUMERIC(12,2)}); {@code total} and the lines' prices are null until
 * catalog-service has reserved (and priced) the stock.
 */
public record Order(long id, long customerId, OrderStatus status, List<Line> lines, BigDecimal total, String currency,
                    Long paymentId, Instant placedAt) {

    /** The amount to charge, in cents; only valid once priced. */
    public long totalCents() {
        return Money.toCents(total);
    }

    /** Ordered product; {@code sku} and {@code unitPrice} are null until reserved. */
    public record Line(long productId, String sku, int quantity, BigDecimal unitPrice) {
    }
}
