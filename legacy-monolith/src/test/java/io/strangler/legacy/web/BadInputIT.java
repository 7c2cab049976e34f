package io.strangler.legacy.web;

import static io.strangler.legacy.ShopClient.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** One test per class of bad input: each gets the contract's problem+json AND leaves the database as it was. */
@SuppressWarnings("unchecked")
class BadInputIT extends LegacyShopIT {

    long categoryId;
    long productId;
    long customerId;
    Map<String, List<Map<String, Object>>> before;

    @BeforeEach
    void setUp() {
        categoryId = db.category("Garden");
        productId = db.product(categoryId, "SKU-000001", "Oak garden bench", 12_999, 3);
        customerId = db.customer("ada@example.com", 100_000);
        before = db.snapshot();
    }

    @AfterEach
    void databaseDidNotChange() {
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void shouldAnswerAnUnexpectedFailureAsAnInternalErrorProblemWithoutItsMessage() {
        expectProblem(shop.get(FailingEndpoint.PATH), 500, "internal-error")
                .jsonPath("$.title").isEqualTo("Internal error")
                .jsonPath("$.detail").isEqualTo("The request could not be completed")
                .jsonPath("$.instance").isEqualTo(FailingEndpoint.PATH)
                .jsonPath("$.length()").isEqualTo(5)
                .consumeWith(body -> assertThat(new String(body.getResponseBodyContent()))
                        .doesNotContain("secret_table").doesNotContain(FailingEndpoint.SECRET));
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        expectProblem(shop.post("/api/orders", "{\"customerId\": 1, \"lines\": ["), 400, "malformed-request");
    }

    @Test
    void shouldRefuseWrongJsonTypesNamingTheProperty() {
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": "two"}]}""".formatted(customerId, productId)),
                400, "malformed-request")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("lines[0].quantity"));
        expectProblem(shop.post("/api/products", """
                {"sku": "SKU-000002", "name": 42, "categoryId": %d, "priceCents": 100, "stock": 1}""".formatted(categoryId)),
                400, "malformed-request");
        expectProblem(shop.post("/api/payments", """
                {"customerId": %d, "orderRef": "x-1", "amountCents": 10.5}""".formatted(customerId)),
                400, "malformed-request");
    }

    @Test
    void shouldListEveryMissingField() {
        expectProblem(shop.post("/api/products", "{}"), 400, "validation-failed")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("categoryId", "name", "priceCents", "sku", "stock"));
        expectProblem(shop.post("/api/customers", "{\"name\": \"Ada\"}"), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void shouldRefuseUnknownProperties() {
        expectProblem(shop.post("/api/customers", """
                {"email": "bob@example.com", "name": "Bob", "vip": true}"""), 400, "malformed-request")
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$.instance").isEqualTo("/api/customers")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("vip"));
    }

    @Test
    void shouldRefuseNegativeQuantitiesAndAmounts() {
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": -2}]}""".formatted(customerId, productId)),
                400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity")
                .jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 1");
        expectProblem(shop.post("/api/products", """
                {"sku": "SKU-000002", "name": "Chair", "categoryId": %d, "priceCents": -1, "stock": -5}"""
                .formatted(categoryId)), 400, "validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(2);
        expectProblem(shop.post("/api/payments", """
                {"customerId": %d, "orderRef": "x-1", "amountCents": 0}""".formatted(customerId)),
                400, "validation-failed");
    }

    @Test
    void shouldAnswerNotFoundForUnknownIdsInThePath() {
        expectProblem(shop.get("/api/products/999999"), 404, "not-found")
                .jsonPath("$.instance").isEqualTo("/api/products/999999");
        expectProblem(shop.get("/api/customers/999999"), 404, "not-found");
        expectProblem(shop.get("/api/no-such-collection"), 404, "not-found");
        expectProblem(shop.get("/api/customers/999999/orders"), 404, "not-found");
        expectProblem(shop.get("/api/orders/999999"), 404, "not-found");
        expectProblem(shop.get("/api/payments/999999"), 404, "not-found");
        expectProblem(shop.raw().post().uri("/api/payments/999999/refund").exchange(), 404, "not-found");
        expectProblem(shop.put("/api/products/999999", """
                {"sku": "SKU-000009", "name": "Chair", "categoryId": %d, "priceCents": 1, "stock": 1}"""
                .formatted(categoryId)), 404, "not-found");
    }

    @Test
    void shouldAnswerUnknownReferenceForUnknownIdsInTheBody() {
        expectProblem(shop.post("/api/orders", """
                {"customerId": 999999, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(productId)),
                422, "unknown-reference");
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": 999999, "quantity": 1}]}""".formatted(customerId)),
                422, "unknown-reference");
        expectProblem(shop.post("/api/products", """
                {"sku": "SKU-000002", "name": "Chair", "categoryId": 999999, "priceCents": 1, "stock": 1}"""),
                422, "unknown-reference");
        expectProblem(shop.post("/api/payments", """
                {"customerId": 999999, "orderRef": "x-1", "amountCents": 1}"""), 422, "unknown-reference");
    }

    @Test
    void shouldTreatAnInactiveProductAsAnUnknownReference() {
        long retired = db.product(categoryId, "SKU-000003", "Old bench", 100, 10, false);
        before = db.snapshot();
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customerId, retired)),
                422, "unknown-reference");
    }

    @Test
    void shouldRefuseAnOrderForMoreThanIsInStock() {
        long second = db.product(categoryId, "SKU-000004", "Plenty", 100, 100);
        before = db.snapshot();
        // the first line could be served: the whole order must still roll back
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 5}, {"productId": %d, "quantity": 4}]}"""
                .formatted(customerId, second, productId)), 409, "insufficient-stock")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("4 requested, 3 on hand"));
    }

    @Test
    void shouldRefuseTheSameProductTwiceInOneOrder() {
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}, {"productId": %d, "quantity": 1}]}"""
                .formatted(customerId, productId, productId)), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("lines[1].productId");
    }

    @Test
    void shouldRefuseADuplicateSkuOrEmail() {
        expectProblem(shop.post("/api/products", """
                {"sku": "SKU-000001", "name": "Another bench", "categoryId": %d, "priceCents": 1, "stock": 1}"""
                .formatted(categoryId)), 409, "duplicate");
        expectProblem(shop.post("/api/customers", """
                {"email": "ADA@example.com", "name": "Ada again"}"""), 409, "duplicate");
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedWithAnotherBody() {
        long stockBefore = db.stock(productId);
        shop.postWithKey("/api/orders", "key-1", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customerId, productId))
                .expectStatus().isCreated();
        before = db.snapshot();
        expectProblem(shop.postWithKey("/api/orders", "key-1", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 2}]}""".formatted(customerId, productId)),
                422, "idempotency-key-reused");
        assertThat(db.stock(productId)).isEqualTo(stockBefore - 1);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyThatIsNotVisibleAscii() {
        String charge = """
                {"customerId": %d, "orderRef": "x-1", "amountCents": 1}""".formatted(customerId);
        expectProblem(shop.postWithKey("/api/payments", "two words", charge), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        expectProblem(shop.postWithKey("/api/payments", "k".repeat(201), charge), 400, "validation-failed");
    }

    @Test
    void shouldDeclineAChargeOrOrderAboveTheCreditLimit() {
        expectProblem(shop.post("/api/payments", """
                {"customerId": %d, "orderRef": "x-1", "amountCents": 100001}""".formatted(customerId)),
                402, "payment-declined");
        // two gold benches cost 1,200.00 EUR, above the 1,000.00 EUR credit limit
        long pricey = db.product(categoryId, "SKU-000005", "Gold bench", 60_000, 5);
        before = db.snapshot();
        expectProblem(shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 2}]}""".formatted(customerId, pricey)),
                402, "payment-declined");
    }

    @Test
    void shouldRefuseBadPagingParameters() {
        expectProblem(shop.get("/api/products?page=-1&size=0"), 400, "validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(2);
        expectProblem(shop.get("/api/products?size=101"), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("size");
        expectProblem(shop.get("/api/products?page=first"), 400, "malformed-request");
        expectProblem(shop.get("/api/customers/" + customerId + "/orders?size=abc"), 400, "malformed-request");
        expectProblem(shop.get("/api/products?q="), 400, "validation-failed");
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonByMediaType() {
        expectProblem(shop.raw().post().uri("/api/customers").contentType(MediaType.TEXT_PLAIN)
                .body("email=ada@example.com").exchange(), 415, "unsupported-media-type");
    }

    @Test
    void shouldRefuseAMethodThePathDoesNotSupport() {
        expectProblem(shop.raw().delete().uri("/api/products/" + productId).exchange(), 405, "method-not-allowed");
    }
}
