package io.strangler.catalog.reservation;

import io.strangler.contracts.money.Money;
import java.util.List;

/** The reservation as the internal API shows it: unit prices in integer cents, like the public API. */
record ReservationJson(String reservationId, StockReservation.Status status, List<Line> lines) {

    record Line(long productId, String sku, int quantity, long unitPriceCents) {
    }

    static ReservationJson of(StockReservation reservation) {
        return new ReservationJson(reservation.id(), reservation.status(), reservation.lines().stream()
                .map(line -> new Line(line.productId(), line.sku(), line.quantity(), Money.toCents(line.unitPrice())))
                .toList());
    }
}
