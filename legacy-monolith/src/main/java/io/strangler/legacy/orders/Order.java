package io.strangler.legacy.orders;

import java.time.Instant;
import java.util.List;

/** An order as the API shows it: a row of {@code ORDERS} with its {@code ORDER_LINES}. */
public record Order(long id, long customerId, String status, List<OrderLine> lines, long totalCents, String currency,
        Long paymentId, Instant placedAt) {
}
