package io.strangler.legacy.payments;

import static io.strangler.legacy.ShopClient.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import io.strangler.legacy.ShopClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentApiIT extends LegacyShopIT {

    long customer;

    @BeforeEach
    void setUp() {
        customer = db.customer("ada@example.com", 10_000);
    }

    @Test
    void shouldCaptureAChargeWithinTheCreditLimit() {
        shop.post("/api/payments", """
                {"customerId": %d, "orderRef": "order-5001", "amountCents": 10000}""".formatted(customer))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/payments/\\d+")
                .expectBody()
                .jsonPath("$.customerId").isEqualTo(customer)
                .jsonPath("$.orderRef").isEqualTo("order-5001")
                .jsonPath("$.amountCents").isEqualTo(10_000)
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.status").isEqualTo("CAPTURED")
                .jsonPath("$.createdAt").isNotEmpty()
                .jsonPath("$.updatedAt").isNotEmpty();
        assertThat(jdbc.sql("SELECT PAY_STATUS FROM PAYMENTS").query(String.class).single()).isEqualTo("CAPT");
    }

    @Test
    void shouldFreeCreditByRefundingAndRefundOnlyOnce() {
        String charge = """
                {"customerId": %d, "orderRef": "a-1", "amountCents": 8000}""".formatted(customer);
        String location = shop.post("/api/payments", charge).expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().toString();
        expectProblem(shop.post("/api/payments", charge), 402, "payment-declined");

        byte[] refunded = shop.raw().post().uri(location + "/refund").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REFUNDED")
                .returnResult().getResponseBody();
        shop.raw().post().uri(location + "/refund").exchange()
                .expectStatus().isOk().expectBody().json(new String(refunded));
        shop.get(location).expectBody().jsonPath("$.status").isEqualTo("REFUNDED");

        shop.post("/api/payments", charge).expectStatus().isCreated();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM PAYMENTS WHERE PAY_STATUS = 'RFND'").query(Long.class).single())
                .isEqualTo(1);
    }
}
