package io.strangler.orders.order;

import io.strangler.contracts.json.Timestamps;
import io.strangler.contracts.money.Money;
import java.util.List;

/**
 * The shop contract's {@code Order}: cents, {@code EUR}, millisecond ISO-8601 instants. While an order is PENDING and
 * not yet priced, its prices and total are null; {@code paymentId} is null until charged.
 */
record OrderJson(long id, long customerId, String status, List<LineJson> lines, Long totalCents, String currency,
                 Long paymentId, String placedAt) {

    static OrderJson of(Order order) {
        List<LineJson> lines = order.lines().stream().map(LineJson::of).toList();
        return new OrderJson(order.id(), order.customerId(), order.status().name(), lines,
                order.total() == null ? null : Money.toCents(order.total()), order.currency(), order.paymentId(),
                Timestamps.format(order.placedAt()));
    }

    record LineJson(long productId, String sku, int quantity, Long unitPriceCents, Long lineTotalCents) {

        static LineJson of(Order.Line line) {
            if (line.unitPrice() == null) {
                return new LineJson(line.productId(), line.sku(), line.quantity(), null, null);
            }
            long unit = Money.toCents(line.unitPrice());
            return new LineJson(line.productId(), line.sku(), line.quantity(), unit, unit * line.quantity());
        }
    }
}
