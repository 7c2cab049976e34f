package io.strangler.catalog.stock;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code stock} table: units on hand per product and units held by open reservations. Every change is one
 * conditional UPDATE, so concurrent requests serialise on the row lock and stock can never go below zero.
 */
@Repository
public class StockLevels {

    private final JdbcClient jdbc;

    StockLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the units on hand (product create / full replacement), keeping what reservations hold. */
    public void setOnHand(long productId, int onHand, Instant now) {
        jdbc.sql("""
                INSERT INTO stock (product_id, on_hand, reserved, updated_at) VALUES (:id, :onHand, 0, :now)
                ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
                """)
                .param("id", productId).param("onHand", onHand).param("now", Timestamp.from(now))
                .update();
    }

    /** Takes units off the shelf for a reservation; false (and nothing changed) when fewer are on hand. */
    public boolean reserve(long productId, int quantity, Instant now) {
        return jdbc.sql("""
                UPDATE stock SET on_hand = on_hand - :q, reserved = reserved + :q, updated_at = :now
                WHERE product_id = :id AND on_hand >= :q
                """)
                .param("id", productId).param("q", quantity).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Puts the units of a released reservation back on the shelf. */
    public void release(long productId, int quantity, Instant now) {
        jdbc.sql("""
                UPDATE stock SET on_hand = on_hand + :q, reserved = GREATEST(reserved - :q, 0), updated_at = :now
                WHERE product_id = :id
                """)
                .param("id", productId).param("q", quantity).param("now", Timestamp.from(now))
                .update();
    }

    /** The units of a confirmed reservation are sold: they stop being held. */
    public void confirm(long productId, int quantity, Instant now) {
        jdbc.sql("""
                UPDATE stock SET reserved = GREATEST(reserved - :q, 0), updated_at = :now WHERE product_id = :id
                """)
                .param("id", productId).param("q", quantity).param("now", Timestamp.from(now))
                .update();
    }

    /** Units on hand, 0 when the product has no stock row. */
    public int onHand(long productId) {
        return jdbc.sql("SELECT on_hand FROM stock WHERE product_id = ?").param(productId)
                .query(Integer.class).optional().orElse(0);
    }
}
