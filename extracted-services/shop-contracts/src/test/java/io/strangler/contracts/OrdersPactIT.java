package io.strangler.contracts;

import static io.strangler.contracts.ProblemBodies.PROBLEM_JSON;
import static io.strangler.contracts.ProblemBodies.SOME_TIMESTAMP;
import static io.strangler.contracts.ProblemBodies.TIMESTAMP;
import static io.strangler.contracts.ProblemBodies.problem;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What clients of the shop rely on in the orders part of its API ({@code docs/shop-api.md}, "Orders"). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ShopContract.ORDERS, pactVersion = PactSpecVersion.V3)
class OrdersPactIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String TWO_BENCHES = """
            {"customerId":7,"lines":[{"productId":1001,"quantity":2}]}""";
    private static final String ELEVEN_BENCHES = """
            {"customerId":7,"lines":[{"productId":1001,"quantity":11}]}""";
    private static final String CUSTOMER_AS_STRING = """
            {"customerId":"seven","lines":[{"productId":1001,"quantity":2}]}""";
    // legacy places synchronously (CONFIRMED); a saga may answer before it finishes (PENDING)
    private static final String PLACED = "PENDING|CONFIRMED";

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact placement(PactDslWithProvider builder) {
        PactDslJsonBody order = new PactDslJsonBody()
                .integerType("id", 5002)
                .numberValue("customerId", 7)
                .stringMatcher("status", PLACED, "CONFIRMED")
                .numberValue("totalCents", 25998)
                .stringValue("currency", "EUR")
                .stringMatcher("placedAt", TIMESTAMP, SOME_TIMESTAMP);
        benchLines(order);
        return builder.given(ShopContract.CUSTOMER_7_AND_PRODUCT_1001_WITH_STOCK_10)
                .uponReceiving("an order for two benches")
                .path("/api/orders").method("POST").headers(JSON).body(TWO_BENCHES)
                .willRespondWith().status(201)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Location", "(https?://[^/]+)?/api/orders/\\d+", "/api/orders/5002")
                .body(order)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "placement")
    void placesAnOrderPricedInCents(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).postJson("/api/orders", TWO_BENCHES);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/orders/"));
        assertThat(JsonPath.<Integer>read(response.body(), "$.totalCents")).isEqualTo(25998);
    }

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact existingOrder(PactDslWithProvider builder) {
        PactDslJsonBody order = new PactDslJsonBody()
                .numberValue("id", 5001)
                .numberValue("customerId", 7)
                .stringValue("status", "CONFIRMED")
                .numberValue("totalCents", 25998)
                .stringValue("currency", "EUR")
                .integerType("paymentId", 9001)
                .stringMatcher("placedAt", TIMESTAMP, SOME_TIMESTAMP);
        benchLines(order);
        return builder.given(ShopContract.ORDER_5001_EXISTS)
                .uponReceiving("a request for order 5001")
                .path("/api/orders/5001").method("GET")
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(order)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "existingOrder")
    void readsAnOrderWithItsLinesAndPayment(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).get("/api/orders/5001");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.lines[0].sku")).isEqualTo("SKU-001001");
        assertThat(JsonPath.<Integer>read(response.body(), "$.paymentId")).isEqualTo(9001);
    }

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact insufficientStock(PactDslWithProvider builder) {
        return builder.given(ShopContract.CUSTOMER_7_AND_PRODUCT_1001_WITH_STOCK_10)
                .uponReceiving("an order for more benches than are in stock")
                .path("/api/orders").method("POST").headers(JSON).body(ELEVEN_BENCHES)
                .willRespondWith().status(409).matchHeader("Content-Type", PROBLEM_JSON, "application/problem+json")
                .body(problem("insufficient-stock", 409, "/api/orders"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "insufficientStock")
    void getsAnInsufficientStockProblemWhenOrderingMoreThanOnHand(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).postJson("/api/orders", ELEVEN_BENCHES);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/insufficient-stock");
    }

    // Pact JVM 4.7.5 parses every application/json body when it writes the pact, so a pact cannot carry unparseable
    // JSON; a wrong JSON type is the same class of bad input (malformed-request) and pins the same problem shape
    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact malformedOrder(PactDslWithProvider builder) {
        return builder.given(ShopContract.CUSTOMER_7_AND_PRODUCT_1001_WITH_STOCK_10)
                .uponReceiving("an order whose customer id is a string")
                .path("/api/orders").method("POST").headers(JSON).body(CUSTOMER_AS_STRING)
                .willRespondWith().status(400).matchHeader("Content-Type", PROBLEM_JSON, "application/problem+json")
                .body(problem("malformed-request", 400, "/api/orders"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "malformedOrder")
    void getsAMalformedRequestProblemForAWrongJsonType(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).postJson("/api/orders",
                CUSTOMER_AS_STRING);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/malformed-request");
    }

    /** The one line of two benches (product 1001 at 12999 cents), exactly. */
    private static void benchLines(PactDslJsonBody order) {
        order.array("lines").object()
                .numberValue("productId", 1001)
                .stringValue("sku", "SKU-001001")
                .numberValue("quantity", 2)
                .numberValue("unitPriceCents", 12999)
                .numberValue("lineTotalCents", 25998)
                .closeObject().closeArray();
    }
}
