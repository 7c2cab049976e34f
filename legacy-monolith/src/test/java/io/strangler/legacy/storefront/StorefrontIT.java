package io.strangler.legacy.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class StorefrontIT extends LegacyShopIT {

    long bench;

    @BeforeEach
    void setUp() {
        long garden = db.category("Garden");
        bench = db.product(garden, "SKU-001001", "Oak garden bench", 123_456, 42);
        db.product(garden, "SKU-001002", "Retired hose", 500, 3, false);
    }

    @Test
    void shouldListActiveProductsWithEuroPrices() {
        String html = page("/");
        assertThat(html).contains("Oak garden bench", "€1,234.56", "Garden", "/products/" + bench)
                .doesNotContain("Retired hose");
    }

    @Test
    void shouldPageTheProductList() {
        long garden = jdbc.sql("SELECT CAT_ID FROM CATEGORIES").query(Long.class).single();
        for (int i = 0; i < StorefrontController.PAGE_SIZE; i++) {
            db.product(garden, "SKU-%06d".formatted(2000 + i), "Filler " + i, 100, 1);
        }
        assertThat(page("/")).contains("rel=\"next\"").doesNotContain("rel=\"prev\"").doesNotContain("Filler 23");
        assertThat(page("/?page=1")).contains("Filler 23", "rel=\"prev\"");
    }

    @Test
    void shouldShowAProductPage() {
        assertThat(page("/products/" + bench))
                .contains("<h1>Oak garden bench</h1>", "€1,234.56", ">42<", ">Garden<", "SKU-001001");
    }

    @Test
    void shouldShowA404PageForAnUnknownProduct() {
        String html = shop.raw().get().uri("/products/999999").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("There is no product 999999.");
    }

    @Test
    void shouldShowThe404PageForAnUnknownAddress() {
        shop.raw().get().uri("/no/such/page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void shouldShowA400PageForABadPageNumber() {
        shop.raw().get().uri("/?page=minus").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    private String page(String path) {
        return shop.raw().get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
