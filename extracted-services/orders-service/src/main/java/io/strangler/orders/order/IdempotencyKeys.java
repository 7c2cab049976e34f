package io.strangler.orders.order;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code Idempotency-Key}s of POST /api/orders. A key is bound to its order in the order's transaction; its
 * {@code response_status} is null while the first request is still being answered. A key whose first answer was an
 * error is deleted again, since a 4xx must change nothing (the legacy shop then runs a retry afresh too).
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String key) {
        return jdbc.sql("SELECT request_hash, order_id, response_status FROM idempotency_key WHERE key_value = ?")
                .param(key)
                .query((rs, n) -> {
                    int status = rs.getInt(3);
                    return new Entry(rs.getString(1), rs.getLong(2), rs.wasNull() ? null : status);
                })
                .optional();
    }

    void bind(String key, String requestHash, long orderId, Instant now) {
        jdbc.sql("INSERT INTO idempotency_key (key_value, request_hash, order_id, created_at) VALUES (?, ?, ?, ?)")
                .params(key, requestHash, orderId, Orders.utc(now)).update();
    }

    void answered(String key, int status) {
        jdbc.sql("UPDATE idempotency_key SET response_status = ? WHERE key_value = ?").params(status, key).update();
    }

    void forget(String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE key_value = ?").param(key).update();
    }

    /** @param responseStatus null while the first request with this key is still in flight */
    record Entry(String requestHash, long orderId, Integer responseStatus) {
    }
}
