package io.strangler.catalog.reservation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code stock_reservation} and {@code stock_reservation_line} tables, and the product facts a line needs. */
@Repository
class ReservationRepository {

    /** Sku, price and whether a product may be reserved at all. */
    record ProductFacts(long id, String sku, BigDecimal price, boolean active) {
    }

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the id; false when it exists. A concurrent claim of the same id waits here until the first transaction
     * ends (PostgreSQL's unique index), so the same reservation can never be made twice.
     */
    boolean claim(String id, Instant now) {
        return jdbc.sql("""
                INSERT INTO stock_reservation (id, status, created_at, updated_at) VALUES (:id, 'RESERVED', :now, :now)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    List<ProductFacts> productFacts(Collection<Long> productIds) {
        return jdbc.sql("SELECT id, sku, price, active FROM product WHERE id IN (:ids)")
                .param("ids", productIds)
                .query((rs, row) -> new ProductFacts(rs.getLong("id"), rs.getString("sku"), rs.getBigDecimal("price"),
                        rs.getBoolean("active")))
                .list();
    }

    void addLine(String id, int lineNo, StockReservation.Line line) {
        jdbc.sql("""
                INSERT INTO stock_reservation_line (reservation_id, line_no, product_id, sku, quantity, unit_price)
                VALUES (:id, :lineNo, :productId, :sku, :quantity, :unitPrice)
                """)
                .param("id", id).param("lineNo", lineNo).param("productId", line.productId())
                .param("sku", line.sku()).param("quantity", line.quantity()).param("unitPrice", line.unitPrice())
                .update();
    }

    Optional<StockReservation> find(String id) {
        return status(id, "").map(status -> new StockReservation(id, status, lines(id)));
    }

    /** Finds and row-locks the reservation, so a release and a confirm of the same id cannot interleave. */
    Optional<StockReservation> findForUpdate(String id) {
        return status(id, " FOR UPDATE").map(status -> new StockReservation(id, status, lines(id)));
    }

    void setStatus(String id, StockReservation.Status status, Instant now) {
        jdbc.sql("UPDATE stock_reservation SET status = :status, updated_at = :now WHERE id = :id")
                .param("id", id).param("status", status.name()).param("now", Timestamp.from(now)).update();
    }

    private Optional<StockReservation.Status> status(String id, String lock) {
        return jdbc.sql("SELECT status FROM stock_reservation WHERE id = ?" + lock).param(id)
                .query((rs, row) -> StockReservation.Status.valueOf(rs.getString("status"))).optional();
    }

    private List<StockReservation.Line> lines(String id) {
        return jdbc.sql("""
                SELECT product_id, sku, quantity, unit_price FROM stock_reservation_line
                WHERE reservation_id = ? ORDER BY line_no
                """)
                .param(id)
                .query((rs, row) -> new StockReservation.Line(rs.getLong("product_id"), rs.getString("sku"),
                        rs.getInt("quantity"), rs.getBigDecimal("unit_price")))
                .list();
    }
}
