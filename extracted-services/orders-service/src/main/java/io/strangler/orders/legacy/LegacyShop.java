package io.strangler.orders.legacy;

import static io.strangler.orders.downstream.DownstreamClients.LEGACY_SHOP;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.strangler.orders.downstream.Answer;
import io.strangler.orders.downstream.DownstreamClients;
import io.strangler.orders.downstream.ResilientCalls;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The parts of the legacy shop that stay in the monolith and orders-service depends on: customers (read) and
 * payments. Every call is safe to repeat: a GET, a charge under an {@code Idempotency-Key}, an idempotent refund.
 */
@Component
public class LegacyShop {

    private final RestClient legacy;
    private final ResilientCalls calls;

    public LegacyShop(@Qualifier("legacyShopRestClient") RestClient legacy, ResilientCalls calls) {
        this.legacy = legacy;
        this.calls = calls;
    }

    /** {@code GET /api/customers/{id}}: the customer, or a 404 rejection. */
    public Answer<Customer> customer(long customerId) {
        return calls.call(LEGACY_SHOP, () -> legacy.get().uri("/api/customers/{id}", customerId)
                .exchange((request, response) -> DownstreamClients.answer(LEGACY_SHOP, response, Customer.class)));
    }

    /** {@code POST /api/payments} under {@code idempotencyKey}: 201 captured, 402 declined, 422 unknown customer. */
    public Answer<Payment> charge(String idempotencyKey, Charge charge) {
        return calls.call(LEGACY_SHOP, () -> legacy.post().uri("/api/payments")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(charge)
                .exchange((request, response) -> DownstreamClients.answer(LEGACY_SHOP, response, Payment.class)));
    }

    /** {@code POST /api/payments/{id}/refund}; refunding a refunded payment returns it unchanged. */
    public Answer<Payment> refund(long paymentId) {
        return calls.call(LEGACY_SHOP, () -> legacy.post().uri("/api/payments/{id}/refund", paymentId)
                .exchange((request, response) -> DownstreamClients.answer(LEGACY_SHOP, response, Payment.class)));
    }

    /** The fields of a legacy customer that orders-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(long id) {
    }

    /** Body of a charge. */
    public record Charge(long customerId, String orderRef, long amountCents) {
    }

    /** The fields of a legacy payment that orders-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(long id, String status) {
    }
}
