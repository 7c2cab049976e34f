package io.strangler.contracts;

import static io.strangler.contracts.ProblemBodies.PROBLEM_JSON;
import static io.strangler.contracts.ProblemBodies.SOME_TIMESTAMP;
import static io.strangler.contracts.ProblemBodies.TIMESTAMP;
import static io.strangler.contracts.ProblemBodies.problem;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
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

/** What clients of the shop rely on in the catalog part of its API ({@code docs/shop-api.md}, "Catalog"). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ShopContract.CATALOG, pactVersion = PactSpecVersion.V3)
class CatalogPactIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String PRICE_AS_STRING = """
            {"sku":"SKU-777002","name":"Stringly priced","categoryId":3,"priceCents":"129.99","stock":1}""";

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact productPage(PactDslWithProvider builder) {
        DslPart page = new PactDslJsonBody()
                .minArrayLike("items", 1, product(1001, "SKU-001001"), 1)
                .numberValue("page", 0)
                .numberValue("size", 2)
                .integerType("totalItems", 2)
                .integerType("totalPages", 1);
        return builder.given(ShopContract.PRODUCTS_1001_AND_1002_EXIST)
                .uponReceiving("a page of the products of category 3")
                .path("/api/products").query("categoryId=3&page=0&size=2").method("GET")
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(page)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "productPage")
    void listsProductsPageByPage(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).get("/api/products?categoryId=3&page=0&size=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(response.body(), "$.size")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(response.body(), "$.items[0].priceCents")).isEqualTo(12999);
    }

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact knownProduct(PactDslWithProvider builder) {
        return builder.given(ShopContract.PRODUCTS_1001_AND_1002_EXIST)
                .uponReceiving("a request for product 1001")
                .path("/api/products/1001").method("GET")
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(product(1001, "SKU-001001"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "knownProduct")
    void readsOneProductWithItsPriceInCents(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).get("/api/products/1001");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.sku")).isEqualTo("SKU-001001");
        assertThat(JsonPath.<Integer>read(response.body(), "$.priceCents")).isEqualTo(12999);
    }

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact unknownProduct(PactDslWithProvider builder) {
        return builder.given(ShopContract.PRODUCT_999999999_DOES_NOT_EXIST)
                .uponReceiving("a request for a product that does not exist")
                .path("/api/products/999999999").method("GET")
                .willRespondWith().status(404).matchHeader("Content-Type", PROBLEM_JSON, "application/problem+json")
                .body(problem("not-found", 404, "/api/products/999999999"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unknownProduct")
    void getsANotFoundProblemForAnUnknownProduct(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).get("/api/products/999999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/not-found");
    }

    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact invalidProduct(PactDslWithProvider builder) {
        PactDslJsonBody body = problem("validation-failed", 400, "/api/products");
        body.minArrayLike("errors", 1, 1)
                .stringValue("field", "priceCents")
                .stringType("message", "must be greater than or equal to 0")
                .closeObject().closeArray();
        return builder.given(ShopContract.CATEGORY_3_EXISTS)
                .uponReceiving("a product to create with a negative price")
                .path("/api/products").method("POST").headers(JSON)
                .body("""
                        {"sku":"SKU-777001","name":"Broken price","categoryId":3,"priceCents":-1,"stock":1}""")
                .willRespondWith().status(400).matchHeader("Content-Type", PROBLEM_JSON, "application/problem+json")
                .body(body)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "invalidProduct")
    void getsAValidationProblemNamingTheInvalidField(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).postJson("/api/products", """
                {"sku":"SKU-777001","name":"Broken price","categoryId":3,"priceCents":-1,"stock":1}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("priceCents");
    }

    // Pact JVM 4.7.5 parses every application/json body when it writes the pact, so a pact cannot carry unparseable
    // JSON; a wrong JSON type is the same class of bad input (malformed-request) and pins the same problem shape
    @Pact(consumer = ShopContract.CONSUMER)
    RequestResponsePact malformedProduct(PactDslWithProvider builder) {
        return builder.given(ShopContract.CATEGORY_3_EXISTS)
                .uponReceiving("a product to create with a string where the price must be an integer")
                .path("/api/products").method("POST").headers(JSON)
                .body(PRICE_AS_STRING)
                .willRespondWith().status(400).matchHeader("Content-Type", PROBLEM_JSON, "application/problem+json")
                .body(problem("malformed-request", 400, "/api/products"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "malformedProduct")
    void getsAMalformedRequestProblemForAWrongJsonType(MockServer server) throws Exception {
        HttpResponse<String> response = new ShopHttp(server.getUrl()).postJson("/api/products",
                PRICE_AS_STRING);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/malformed-request");
    }

    /** Product 1001 exactly as the provider state describes it; stock and timestamp only by type. */
    private static PactDslJsonBody product(long id, String sku) {
        return new PactDslJsonBody()
                .numberValue("id", id)
                .stringValue("sku", sku)
                .stringValue("name", "Oak garden bench")
                .stringValue("description", "Solid oak, seats three")
                .numberValue("categoryId", 3)
                .numberValue("priceCents", 12999)
                .integerType("stock", 10)
                .booleanValue("active", true)
                .stringMatcher("updatedAt", TIMESTAMP, SOME_TIMESTAMP);
    }
}
