package io.strangler.catalog.reservation;

import java.math.BigDecimal;
import java.util.List;

/** A stored reservation: the lines carry the sku and unit price at the moment of reserving. */
record StockReservation(String id, Status status, List<Line> lines) {

    enum Status { RESERVED, RELEASED, CONFIRMED }

    record Line(long productId, String sku, int quantity, BigDecimal unitPrice) {
    }
}
