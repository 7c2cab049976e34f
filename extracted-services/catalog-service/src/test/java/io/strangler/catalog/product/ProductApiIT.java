package io.strangler.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.catalog.CatalogIT;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ProductApiIT extends CatalogIT {

    @BeforeEach
    void garden() {
        fixtures.category(3, "Garden", null);
        fixtures.category(4, "Kitchen", null);
        fixtures.product(1001, "SKU-001001", "Oak garden bench", "Solid oak, seats three", 3, "129.99", 42, true);
        fixtures.product(1002, "SKU-001002", "Garden hose 20 m", "", 3, "24.99", 5, false);
        fixtures.product(1003, "SKU-001003", "Kitchen knife", "", 4, "0.05", 0, true);
    }

    @Test
    void servesAProductWithItsDecimalPriceAsIntegerCents() {
        http.get().uri("/api/products/1001").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id").isEqualTo(1001)
                .jsonPath("$.sku").isEqualTo("SKU-001001")
                .jsonPath("$.name").isEqualTo("Oak garden bench")
                .jsonPath("$.description").isEqualTo("Solid oak, seats three")
                .jsonPath("$.categoryId").isEqualTo(3)
                .jsonPath("$.priceCents").isEqualTo(12999)
                .jsonPath("$.stock").isEqualTo(42)
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.updatedAt").value(String.class,
                        at -> assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
    }

    @Test
    void listsAllProductsIncludingInactiveOnesSortedByIdPageByPage() {
        http.get().uri("/api/products?page=1&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(1003)
                .jsonPath("$.items[0].priceCents").isEqualTo(5)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.totalItems").isEqualTo(3)
                .jsonPath("$.totalPages").isEqualTo(2);
        http.get().uri("/api/products").exchange()
                .expectBody()
                .jsonPath("$.items[*].id").isEqualTo(java.util.List.of(1001, 1002, 1003))
                .jsonPath("$.items[1].active").isEqualTo(false)
                .jsonPath("$.size").isEqualTo(20);
    }

    @Test
    void filtersByCategoryAndByCaseInsensitiveNameSubstring() {
        http.get().uri("/api/products?categoryId=3&q={q}", "GARDEN h").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].id").isEqualTo(java.util.List.of(1002))
                .jsonPath("$.totalItems").isEqualTo(1);
        http.get().uri("/api/products?q={q}", "%").exchange()
                .expectBody().jsonPath("$.totalItems").isEqualTo(0);
    }

    @Test
    void listsCategoriesSortedById() {
        fixtures.category(5, "Tools", 3L);
        http.get().uri("/api/categories").exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        [{"id":3,"name":"Garden","parentId":null},{"id":4,"name":"Kitchen","parentId":null},
                         {"id":5,"name":"Tools","parentId":3}]""");
    }

    @Test
    void createsAProductWithAnIdAboveTheLegacyRangeAndStoresTheDecimalPrice() {
        http.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"sku":"SKU-900001","name":"Rake","categoryId":3,"priceCents":1999,"stock":7}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches("/api/products/\\d+"))
                .expectBody()
                .jsonPath("$.id").value(Long.class, id -> assertThat(id).isGreaterThanOrEqualTo(1_000_000_000L))
                .jsonPath("$.description").isEqualTo("")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.priceCents").isEqualTo(1999)
                .jsonPath("$.stock").isEqualTo(7);

        BigDecimal stored = jdbc.sql("SELECT price FROM product WHERE sku = 'SKU-900001'").query(BigDecimal.class)
                .single();
        assertThat(stored).isEqualByComparingTo("19.99");
    }

    @Test
    void replacesAProductCompletely() {
        http.put().uri("/api/products/1001").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"sku":"SKU-001001","name":"Teak bench","categoryId":4,"priceCents":100000000,"stock":0,
                         "active":false}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Teak bench")
                .jsonPath("$.description").isEqualTo("")
                .jsonPath("$.categoryId").isEqualTo(4)
                .jsonPath("$.priceCents").isEqualTo(100000000)
                .jsonPath("$.stock").isEqualTo(0)
                .jsonPath("$.active").isEqualTo(false);

        assertThat(jdbc.sql("SELECT version FROM product WHERE id = 1001").query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.onHand(1001)).isZero();
    }

    @Test
    void keepsItsOwnSkuWhenReplacingAProduct() {
        http.put().uri("/api/products/1002").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"sku":"SKU-001002","name":"Hose","categoryId":3,"priceCents":1,"stock":1}""")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.OK);
    }
}
