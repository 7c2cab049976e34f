package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LegacyOrdersIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void mapsALegacyOrderWithItsLinesAndItsStatusChangesToTheOrdersService() {
        sql(LEGACY, "INSERT INTO customers (cust_id, email_addr, full_name, credit_limit_cents) "
                + "VALUES (1, 'ada@example.org', 'Ada', 100000)");
        sql(LEGACY, "INSERT INTO orders (ord_id, cust_id, ord_status, total_cents) VALUES (10, 1, 'PEND', 3002)");
        sql(LEGACY, "INSERT INTO order_lines (line_id, ord_id, line_no, prod_id, qty, unit_price_cents) "
                + "VALUES (11, 10, 1, 1, 2, 1001), (12, 10, 2, 2, 1, 1000)");

        await().atMost(WAIT).until(() -> Long.valueOf(2).equals(row(ORDERS,
                "SELECT count(*) AS n FROM order_line WHERE order_id = 10").get("n")));
        assertThat(row(ORDERS, "SELECT customer_id, status, total, currency FROM customer_order WHERE id = 10"))
                .containsEntry("customer_id", 1L).containsEntry("status", "PENDING")
                .containsEntry("total", new BigDecimal("30.02")).containsEntry("currency", "EUR");
        assertThat(row(ORDERS, "SELECT product_id, quantity, unit_price FROM order_line WHERE order_id = 10 "
                + "AND line_no = 1")).containsEntry("product_id", 1L).containsEntry("quantity", 2)
                .containsEntry("unit_price", new BigDecimal("10.01"));

        sql(LEGACY, "UPDATE orders SET ord_status = 'CONF', last_upd = now() WHERE ord_id = 10");

        await().atMost(WAIT).until(() -> "CONFIRMED".equals(row(ORDERS,
                "SELECT status FROM customer_order WHERE id = 10").get("status")));
    }
}
