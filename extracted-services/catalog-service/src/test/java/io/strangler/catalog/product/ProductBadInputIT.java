package io.strangler.catalog.product;

import io.strangler.catalog.CatalogIT;
import io.strangler.catalog.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** One test per class of bad input to the public catalog API: a problem+json refusal and no change. */
class ProductBadInputIT extends CatalogIT {

    private static final String VALID = """
            {"sku":"SKU-900001","name":"Rake","categoryId":3,"priceCents":1999,"stock":7}""";

    private Refusals refusals;

    @BeforeEach
    void garden() {
        fixtures.category(3, "Garden", null);
        fixtures.product(1001, "SKU-001001", "Oak garden bench", "", 3, "129.99", 42, true);
        refusals = new Refusals(fixtures);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        refusals.refused(create("{\"sku\": \"SKU-900001\", "), 400, "malformed-request")
                .jsonPath("$.detail").value(String.class, d -> org.assertj.core.api.Assertions.assertThat(d)
                        .startsWith("The request body is not valid JSON"));
    }

    @Test
    void refusesUnknownProperties() {
        refusals.refused(create(VALID.replace("}", ",\"colour\":\"red\"}")), 400, "malformed-request")
                .jsonPath("$.detail").value(String.class, d -> org.assertj.core.api.Assertions.assertThat(d)
                        .startsWith("Unknown property 'colour'"));
    }

    @Test
    void refusesWrongJsonTypesInsteadOfCoercingThem() {
        refusals.refused(create(VALID.replace("1999", "\"1999\"")), 400, "malformed-request");
        refusals.refused(create(VALID.replace("1999", "19.99")), 400, "malformed-request");
        refusals.refused(create(VALID.replace("}", ",\"active\":1}")), 400, "malformed-request");
    }

    @Test
    void refusesAMissingBody() {
        refusals.refused(http.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON), 400,
                "malformed-request");
    }

    @Test
    void refusesEveryBrokenFieldRuleAndListsEachField() {
        refusals.refused(create("""
                        {"sku":"bad sku","name":"","description":"%s","priceCents":-1,"stock":1000001}"""
                        .formatted("x".repeat(2001))), 400, "validation-failed")
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of(
                        "categoryId", "description", "name", "priceCents", "sku", "stock"))
                .jsonPath("$.errors[?(@.field == 'priceCents')].message")
                .isEqualTo(java.util.List.of("must be greater than or equal to 0"));
        refusals.refused(create(VALID.replace("1999", "100000001")), 400, "validation-failed");
        refusals.refused(create(VALID.replace("\"SKU-900001\"", "null")), 400, "validation-failed");
    }

    @Test
    void refusesAnUnknownCategory() {
        refusals.refused(create(VALID.replace("\"categoryId\":3", "\"categoryId\":99")), 422, "unknown-reference")
                .jsonPath("$.detail").isEqualTo("categoryId: category 99 does not exist");
    }

    @Test
    void refusesASkuThatIsTaken() {
        refusals.refused(create(VALID.replace("SKU-900001", "SKU-001001")), 409, "duplicate");
        fixtures.product(1002, 3, "1.00", 1);
        refusals.refused(http.put().uri("/api/products/1002").contentType(MediaType.APPLICATION_JSON)
                .body(VALID.replace("SKU-900001", "SKU-001001")), 409, "duplicate");
    }

    @Test
    void refusesToReplaceAProductThatDoesNotExist() {
        refusals.refused(http.put().uri("/api/products/999999999").contentType(MediaType.APPLICATION_JSON)
                .body(VALID), 404, "not-found");
    }

    @Test
    void answersNotFoundForAnUnknownProductOrPath() {
        refusals.refused(http.get().uri("/api/products/999999999"), 404, "not-found")
                .jsonPath("$.instance").isEqualTo("/api/products/999999999")
                .jsonPath("$.detail").isEqualTo("Product 999999999 does not exist");
        refusals.refused(http.get().uri("/api/nothing-here"), 404, "not-found");
    }

    @Test
    void refusesABodyThatIsNotDeclaredAsJson() {
        refusals.refused(http.post().uri("/api/products").contentType(MediaType.TEXT_PLAIN).body(VALID), 415,
                "unsupported-media-type");
    }

    @Test
    void refusesAMethodThePathDoesNotAllow() {
        refusals.refused(http.delete().uri("/api/products/1001"), 405, "method-not-allowed");
    }

    @Test
    void refusesQueryParametersOfTheWrongType() {
        refusals.refused(http.get().uri("/api/products?page=first"), 400, "malformed-request");
        refusals.refused(http.get().uri("/api/products?categoryId=garden"), 400, "malformed-request");
        refusals.refused(http.get().uri("/api/products/abc"), 400, "malformed-request");
    }

    @Test
    void refusesQueryParametersOutOfRange() {
        refusals.refused(http.get().uri("/api/products?page=-1&size=101"), 400, "validation-failed")
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("page", "size"));
        refusals.refused(http.get().uri("/api/products?size=0"), 400, "validation-failed");
        refusals.refused(http.get().uri("/api/products?q=" + "a".repeat(101)), 400, "validation-failed");
        refusals.refused(http.get().uri("/api/products?q="), 400, "validation-failed");
    }

    private RestTestClient.RequestHeadersSpec<?> create(String json) {
        return http.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
