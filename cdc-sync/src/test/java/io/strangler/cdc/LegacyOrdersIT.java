package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.TableOwnership;
import io.strangler.cdc.parity.ParityReconciler;
import io.strangler.cdc.parity.ParityReport;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LegacyOrdersIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    TableOwnership ownership;
    @Autowired
    ParityReconciler reconciler;

    @AfterEach
    void legacyOwnsOrdersAgain() {
        ownership.change("orders", Ownership.LEGACY);
    }

    @Test
    void mapsALegacyOrderWithItsLinesAndItsStatusChangesToTheOrdersService() {
        sql(LEGACY, "INSERT INTO customers (cust_id, email_addr, full_name, credit_limit_cents) "
                + "VALUES (1, 'ada@example.org', 'Ada', 100000) ON CONFLICT DO NOTHING");
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

    @Test
    void mapsAnOrderOfTheOrdersServiceBackToLegacyOnceItOwnsOrders() throws Exception {
        sql(LEGACY, "INSERT INTO customers (cust_id, email_addr, full_name, credit_limit_cents) "
                + "VALUES (1, 'ada@example.org', 'Ada', 100000) ON CONFLICT DO NOTHING");
        ownership.change("orders", Ownership.NEW);
        sql(ORDERS, """
                INSERT INTO customer_order (id, customer_id, status, total, payment_id, placed_at, updated_at)
                VALUES (1000000001, 1, 'PENDING', 30.02, 555, now(), now())""");
        sql(ORDERS, "INSERT INTO order_line (order_id, line_no, product_id, sku, quantity, unit_price) "
                + "VALUES (1000000001, 1, 1, 'SKU-1', 2, 10.01), (1000000001, 2, 2, 'SKU-2', 1, 10.00)");

        await().atMost(WAIT).until(() -> Long.valueOf(2).equals(row(LEGACY,
                "SELECT count(*) AS n FROM order_lines WHERE ord_id = 1000000001").get("n")));
        assertThat(row(LEGACY, "SELECT cust_id, ord_status, total_cents, pay_id FROM orders WHERE ord_id = 1000000001"))
                .containsEntry("cust_id", 1L).containsEntry("ord_status", "PEND").containsEntry("total_cents", 3002L)
                .containsEntry("pay_id", null); // payment 555 is not a legacy payment
        assertThat(row(LEGACY, "SELECT prod_id, qty, unit_price_cents FROM order_lines WHERE ord_id = 1000000001 "
                + "AND line_no = 1")).containsEntry("prod_id", 1L).containsEntry("qty", 2)
                .containsEntry("unit_price_cents", 1001L);

        sql(ORDERS, "UPDATE customer_order SET status = 'CONFIRMED', updated_at = now() WHERE id = 1000000001");
        sql(ORDERS, "DELETE FROM order_line WHERE order_id = 1000000001 AND line_no = 2");
        await().atMost(WAIT).until(() -> "CONF".equals(row(LEGACY,
                "SELECT ord_status FROM orders WHERE ord_id = 1000000001").get("ord_status"))
                && row(LEGACY, "SELECT 1 FROM order_lines WHERE ord_id = 1000000001 AND line_no = 2") == null);

        await().atMost(WAIT).until(() -> reconciler.compare("orders").orElseThrow().parityPercent() == 100.0);
        ParityReport report = reconciler.compare("orders").orElseThrow();
        assertThat(report.sourceRows()).isEqualTo(report.targetRows()).isPositive();
    }
}
