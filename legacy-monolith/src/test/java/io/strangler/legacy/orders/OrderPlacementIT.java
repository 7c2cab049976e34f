package io.strangler.legacy.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderPlacementIT extends LegacyShopIT {

    long bench;
    long chair;
    long customer;

    @BeforeEach
    void setUp() {
        long garden = db.category("Garden");
        bench = db.product(garden, "SKU-001001", "Oak garden bench", 12_999, 42);
        chair = db.product(garden, "SKU-001002", "Deck chair", 2_500, 10);
        customer = db.customer("ada@example.com", 500_000);
    }

    @Test
    void shouldPlaceAnOrderTakingStockAndCapturingThePaymentInOneGo() {
        byte[] body = shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 2}, {"productId": %d, "quantity": 1}]}"""
                .formatted(customer, bench, chair))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/orders/\\d+")
                .expectBody()
                .jsonPath("$.customerId").isEqualTo(customer)
                .jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.lines[0].sku").isEqualTo("SKU-001001")
                .jsonPath("$.lines[0].unitPriceCents").isEqualTo(12_999)
                .jsonPath("$.lines[0].lineTotalCents").isEqualTo(25_998)
                .jsonPath("$.lines[1].quantity").isEqualTo(1)
                .jsonPath("$.totalCents").isEqualTo(28_498)
                .jsonPath("$.paymentId").isNumber()
                .returnResult().getResponseBody();
        assertThat(db.stock(bench)).isEqualTo(40);
        assertThat(db.stock(chair)).isEqualTo(9);

        Map<String, Object> payment = jdbc.sql("SELECT P.* FROM PAYMENTS P JOIN ORDERS O ON O.PAY_ID = P.PAY_ID")
                .query().singleRow();
        long orderId = jdbc.sql("SELECT ORD_ID FROM ORDERS").query(Long.class).single();
        assertThat(payment).containsEntry("pay_status", "CAPT").containsEntry("amount_cents", 28_498L)
                .containsEntry("order_ref", "order-" + orderId);
        shop.get("/api/orders/" + orderId).expectStatus().isOk().expectBody().json(new String(body));
    }

    @Test
    void shouldPriceLinesAtTheCurrentProductPrice() {
        jdbc.sql("UPDATE PRODUCTS SET PRICE_CENTS = 9999 WHERE PROD_ID = ?").param(bench).update();
        shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, bench))
                .expectStatus().isCreated().expectBody().jsonPath("$.totalCents").isEqualTo(9_999);
    }

    @Test
    void shouldListACustomersOrdersPagedByIdFromTheOrdersTable() {
        for (int i = 0; i < 3; i++) {
            shop.post("/api/orders", """
                    {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, chair))
                    .expectStatus().isCreated();
        }
        List<Long> ids = jdbc.sql("SELECT ORD_ID FROM ORDERS ORDER BY ORD_ID").query(Long.class).list();
        shop.get("/api/customers/" + customer + "/orders?page=1&size=2").expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(3)
                .jsonPath("$.totalPages").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(ids.get(2))
                .jsonPath("$.items[0].lines[0].sku").isEqualTo("SKU-001002");
    }
}
