package io.strangler.legacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductApiIT extends LegacyShopIT {

    long garden;
    long kitchen;

    @BeforeEach
    void setUp() {
        garden = db.category("Garden");
        kitchen = db.category("Kitchen");
    }

    @Test
    void shouldListCategoriesSortedById() {
        shop.get("/api/categories").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(garden)
                .jsonPath("$[0].name").isEqualTo("Garden")
                .jsonPath("$[0].parentId").isEmpty();
    }

    @Test
    void shouldPageProductsSortedByIdWithTotals() {
        for (int i = 1; i <= 5; i++) {
            db.product(i % 2 == 0 ? kitchen : garden, "SKU-00000" + i, "Thing " + i, 100L * i, i);
        }
        shop.get("/api/products?page=1&size=2").expectStatus().isOk().expectBody()
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.totalItems").isEqualTo(5)
                .jsonPath("$.totalPages").isEqualTo(3)
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-000003", "SKU-000004"));
        shop.get("/api/products?page=9").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20);
    }

    @Test
    void shouldFilterByCategoryAndCaseInsensitiveNameSubstring() {
        db.product(garden, "SKU-000001", "Oak Garden Bench", 100, 1);
        db.product(garden, "SKU-000002", "Hose 50%", 100, 1, false);
        db.product(kitchen, "SKU-000003", "Oak spoon", 100, 1);
        shop.get("/api/products?categoryId=" + garden).expectBody()
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-000001", "SKU-000002"))
                .jsonPath("$.items[1].active").isEqualTo(false);
        shop.get("/api/products?q=OAK").expectBody().jsonPath("$.totalItems").isEqualTo(2);
        // a '%' in the filter is a plain character, not a wildcard
        shop.raw().get().uri(URI.create("http://localhost:" + port + "/api/products?q=50%25")).exchange()
                .expectBody().jsonPath("$.items[0].sku").isEqualTo("SKU-000002");
        shop.get("/api/products?q=oak&categoryId=" + kitchen).expectBody()
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-000003"));
    }

    @Test
    void shouldCreateAProductWithDefaultsAndLocation() {
        shop.post("/api/products", """
                {"sku": "SKU-001001", "name": "Oak garden bench", "categoryId": %d, "priceCents": 12999, "stock": 42}"""
                .formatted(garden))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/products/\\d+")
                .expectBody()
                .jsonPath("$.id").isNumber()
                .jsonPath("$.description").isEqualTo("")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.stock").isEqualTo(42)
                .jsonPath("$.updatedAt").value(t -> assertThat((String) t)
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertThat(jdbc.sql("SELECT PROD_NAME FROM PRODUCTS WHERE PROD_SKU = 'SKU-001001'").query(String.class)
                .single()).isEqualTo("Oak garden bench");
    }

    @Test
    void shouldReplaceAProductCompletely() {
        long id = db.product(garden, "SKU-000001", "Bench", 100, 1);
        shop.put("/api/products/" + id, """
                {"sku": "SKU-000001-B", "name": "Better bench", "description": "Teak", "categoryId": %d,
                 "priceCents": 200, "stock": 7, "active": false}""".formatted(kitchen))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.sku").isEqualTo("SKU-000001-B")
                .jsonPath("$.categoryId").isEqualTo(kitchen)
                .jsonPath("$.active").isEqualTo(false);
        shop.get("/api/products/" + id).expectBody()
                .jsonPath("$.description").isEqualTo("Teak")
                .jsonPath("$.stock").isEqualTo(7)
                .jsonPath("$.priceCents").isEqualTo(200);
    }

    @Test
    void shouldAllocateIdsBelowTheExtractedServicesRange() {
        long id = db.product(garden, "SKU-000001", "Bench", 100, 1);
        assertThat(id).isPositive().isLessThan(1_000_000_000L);
        assertThat(jdbc.sql("SELECT MAX_VALUE FROM PG_SEQUENCES WHERE SEQUENCENAME = 'products_seq'")
                .query(Long.class).single()).isEqualTo(999_999_999L);
    }
}
