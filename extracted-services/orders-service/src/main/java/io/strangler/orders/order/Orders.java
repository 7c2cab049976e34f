package io.strangler.orders.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines in orders-service's own database. */
@Repository
public class Orders {

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a PENDING order with unpriced lines; returns its id (from 1,000,000,000 up). */
    public long create(long customerId, List<PlaceOrderRequest.Line> lines, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO customer_order (customer_id, status, placed_at, updated_at)
                        VALUES (:customer, 'PENDING', :now, :now) RETURNING id""")
                .param("customer", customerId).param("now", utc(now))
                .query(Long.class).single();
        for (int i = 0; i < lines.size(); i++) {
            PlaceOrderRequest.Line line = lines.get(i);
            jdbc.sql("INSERT INTO order_line (order_id, line_no, product_id, quantity) VALUES (?, ?, ?, ?)")
                    .params(id, i, line.productId(), line.quantity()).update();
        }
        return id;
    }

    public Optional<Order> find(long id) {
        List<Order.Line> lines = jdbc.sql("""
                        SELECT product_id, sku, quantity, unit_price FROM order_line WHERE order_id = ? ORDER BY line_no""")
                .param(id)
                .query((rs, n) -> new Order.Line(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)))
                .list();
        return jdbc.sql("SELECT * FROM customer_order WHERE id = ?").param(id)
                .query((rs, n) -> order(rs, lines)).optional();
    }

    /** Prices the lines with what catalog-service reserved, keyed by product id; sets the total. */
    public void price(long id, Map<Long, PricedLine> byProduct, Instant now) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<Long, PricedLine> e : byProduct.entrySet()) {
            PricedLine line = e.getValue();
            int quantity = jdbc.sql("""
                            UPDATE order_line SET sku = :sku, unit_price = :price
                            WHERE order_id = :id AND product_id = :product RETURNING quantity""")
                    .param("sku", line.sku()).param("price", line.unitPrice()).param("id", id).param("product", e.getKey())
                    .query(Integer.class).single();
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(quantity)));
        }
        jdbc.sql("UPDATE customer_order SET total = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(total, utc(now), id).update();
    }

    public void recordPayment(long id, long paymentId, Instant now) {
        jdbc.sql("UPDATE customer_order SET payment_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(paymentId, utc(now), id).update();
    }

    public void changeStatus(long id, OrderStatus status, Instant now) {
        jdbc.sql("UPDATE customer_order SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), utc(now), id).update();
    }

    private static Order order(ResultSet rs, List<Order.Line> lines) throws SQLException {
        long payment = rs.getLong("payment_id");
        Long paymentId = rs.wasNull() ? null : payment;
        return new Order(rs.getLong("id"), rs.getLong("customer_id"), OrderStatus.valueOf(rs.getString("status")),
                lines, rs.getBigDecimal("total"), rs.getString("currency").trim(), paymentId,
                rs.getObject("placed_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A line's SKU and unit price (euros) as reserved. */
    public record PricedLine(String sku, BigDecimal unitPrice) {
    }
}
