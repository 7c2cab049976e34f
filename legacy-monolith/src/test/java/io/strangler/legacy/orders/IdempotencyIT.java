package io.strangler.legacy.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class IdempotencyIT extends LegacyShopIT {

    long bench;
    long customer;

    @BeforeEach
    void setUp() {
        bench = db.product(db.category("Garden"), "SKU-001001", "Oak garden bench", 12_999, 42);
        customer = db.customer("ada@example.com", 500_000);
    }

    @Test
    void shouldReplayTheFirstOrderResponseForTheSameKeyAndBody() {
        String order = """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 2}]}""".formatted(customer, bench);
        EntityExchangeResult<byte[]> first = shop.postWithKey("/api/orders", "order-key-1", order)
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().returnResult();
        // same content, other formatting and property order: the canonical body is the same
        String reformatted = """
                {"lines":[{"quantity":2,"productId":%d}],"customerId":%d}""".formatted(bench, customer);
        EntityExchangeResult<byte[]> replay = shop.postWithKey("/api/orders", "order-key-1", reformatted)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult();

        assertThat(replay.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(replay.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(db.count("ORDERS")).isEqualTo(1);
        assertThat(db.count("PAYMENTS")).isEqualTo(1);
        assertThat(db.stock(bench)).isEqualTo(40);
    }

    @Test
    void shouldReplayAChargeAndKeepKeysOfOrdersAndPaymentsApart() {
        String charge = """
                {"customerId": %d, "orderRef": "ext-42", "amountCents": 1500}""".formatted(customer);
        EntityExchangeResult<byte[]> first = shop.postWithKey("/api/payments", "shared-key", charge)
                .expectStatus().isCreated().expectBody().returnResult();
        shop.postWithKey("/api/payments", "shared-key", charge)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().json(new String(first.getResponseBody()));
        shop.postWithKey("/api/orders", "shared-key", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, bench))
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(db.count("PAYMENTS")).isEqualTo(2);
    }

    @Test
    void shouldPlaceOnceWhenTheSameKeyArrivesConcurrently() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "double-click")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, bench)))
                .build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            responses.add(call.get(60, TimeUnit.SECONDS));
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()))
                .hasSize(1);
        assertThat(db.count("ORDERS")).isEqualTo(1);
        assertThat(db.stock(bench)).isEqualTo(41);
    }

    @Test
    void shouldLetARefusedRequestBeRetriedWithTheSameKey() {
        String order = """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 50}]}""".formatted(customer, bench);
        shop.postWithKey("/api/orders", "retry-key", order).expectStatus().isEqualTo(409);
        jdbc.sql("UPDATE PRODUCTS SET QTY_ON_HAND = 60 WHERE PROD_ID = ?").param(bench).update();
        jdbc.sql("UPDATE CUSTOMERS SET CREDIT_LIMIT_CENTS = 10000000 WHERE CUST_ID = ?").param(customer).update();
        shop.postWithKey("/api/orders", "retry-key", order)
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed");
    }
}
