package io.strangler.orders.saga;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.orders.ComponentTestSupport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crash-resume: sagas left behind by an instance that died mid-way (their lease ran out) are picked up by the recovery
 * job and continue from their persisted step, on real PostgreSQL.
 */
class SagaRecoveryIT extends ComponentTestSupport {

    @Autowired
    SagaRecovery recovery;

    @Test
    void shouldChargeAndConfirmASagaThatStoppedAfterTheReservation() {
        long id = orderLeftBehind("RUNNING", "CHARGE_PAYMENT", null, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5));
        downstreams.stubFor(charge().willReturn(payment(9101, "CAPTURED")));
        downstreams.stubFor(confirm(id).willReturn(reservation("CONFIRMED")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(orderStatus(id)).isEqualTo("CONFIRMED"));

        assertThat(saga(id)).containsEntry("state", "COMPLETED").containsEntry("lease_owner", "orders-it");
        assertThat(jdbc.sql("SELECT payment_id FROM customer_order WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(9101L);
        assertThat(downstreamRequestsOfThisTest("/internal/stock-reservations")).isZero();
        downstreams.verify(exactly(1), postRequestedFor(urlPathEqualTo("/api/payments"))
                .withHeader("Idempotency-Key", equalTo("order-" + id + "-charge")));
        downstreams.verify(exactly(1), postRequestedFor(urlPathEqualTo("/internal/stock-reservations/order-" + id + "/confirm")));
    }

    @Test
    void shouldFinishCompensatingASagaThatStoppedBeforeTheRefund() {
        long id = orderLeftBehind("COMPENSATING", "REFUND_PAYMENT", 9102L, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5));
        downstreams.stubFor(anyRefund().willReturn(okJson("{\"id\":9102,\"status\":\"REFUNDED\"}")));
        downstreams.stubFor(release(id).willReturn(reservation("RELEASED")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(orderStatus(id)).isEqualTo("FAILED"));

        assertThat(saga(id)).containsEntry("state", "COMPENSATED");
        downstreams.verify(exactly(1), postRequestedFor(urlPathEqualTo("/api/payments/9102/refund")));
        downstreams.verify(exactly(1), postRequestedFor(urlPathEqualTo("/internal/stock-reservations/order-" + id + "/release")));
        assertThat(downstreamRequestsOfThisTest(".*/confirm")).isZero();
    }

    @Test
    void shouldLeaveASagaAloneWhileAnotherInstanceHoldsItsLease() {
        long id = orderLeftBehind("RUNNING", "CHARGE_PAYMENT", null, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));

        assertThat(recovery.resumeDue()).isZero();

        assertThat(saga(id)).containsEntry("state", "RUNNING").containsEntry("lease_owner", "crashed-instance");
        assertThat(downstreamRequestsOfThisTest()).isEmpty();
        // tidy up: hand it back so that nothing runs on after this test
        jdbc.sql("DELETE FROM customer_order WHERE id = ?").param(id).update();
    }

    /** An order of 2 x product 1001 at 129.99 EUR whose saga was running on "crashed-instance". */
    private long orderLeftBehind(String state, String step, Long paymentId, OffsetDateTime leaseUntil) {
        OffsetDateTime placed = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30);
        long id = jdbc.sql("""
                        INSERT INTO customer_order (customer_id, status, total, payment_id, placed_at, updated_at)
                        VALUES (7, 'PENDING', 259.98, ?, ?, ?) RETURNING id""")
                .params(paymentId, placed, placed).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO order_line (order_id, line_no, product_id, sku, quantity, unit_price)
                        VALUES (?, 0, 1001, 'SKU-001001', 2, 129.99)""").param(id).update();
        jdbc.sql("""
                        INSERT INTO saga_instance (order_id, state, step, failure, next_attempt_at, lease_owner, lease_until,
                                                   started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'crashed-instance', ?, ?, ?)""")
                .params(id, state, step, state.equals("COMPENSATING") ? "DOWNSTREAM_REJECTED" : null, placed,
                        leaseUntil, placed, placed)
                .update();
        return id;
    }
}
