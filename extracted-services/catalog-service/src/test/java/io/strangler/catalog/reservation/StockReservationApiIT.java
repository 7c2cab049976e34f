package io.strangler.catalog.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.catalog.CatalogIT;
import io.strangler.catalog.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class StockReservationApiIT extends CatalogIT {

    private static final String TWO_BENCHES = """
            {"reservationId":"order-5001","lines":[{"productId":1001,"quantity":2}]}""";

    private Refusals refusals;

    @BeforeEach
    void stock() {
        fixtures.category(3, "Garden", null);
        fixtures.product(1001, "SKU-001001", "Oak garden bench", "", 3, "129.99", 10, true);
        fixtures.product(1002, "SKU-001002", "Garden hose", "", 3, "24.99", 3, true);
        fixtures.product(1003, "SKU-001003", "Old rake", "", 3, "5.00", 3, false);
        refusals = new Refusals(fixtures);
    }

    @Test
    void reservesStockAtOnceSoThePublicStockShowsIt() {
        reserve(TWO_BENCHES).exchange()
                .expectStatus().isCreated()
                .expectBody().json("""
                        {"reservationId":"order-5001","status":"RESERVED",
                         "lines":[{"productId":1001,"sku":"SKU-001001","quantity":2,"unitPriceCents":12999}]}""");

        http.get().uri("/api/products/1001").exchange().expectBody().jsonPath("$.stock").isEqualTo(8);
        assertThat(fixtures.reserved(1001)).isEqualTo(2);
    }

    @Test
    void answersTheStoredReservationWhenTheSameIdComesAgainAndChangesNothing() {
        reserve(TWO_BENCHES).exchange().expectStatus().isCreated();
        String before = fixtures.fingerprint();

        reserve(TWO_BENCHES.replace("\"quantity\":2", "\"quantity\":5")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESERVED").jsonPath("$.lines[0].quantity").isEqualTo(2);
        assertThat(fixtures.fingerprint()).isEqualTo(before);
    }

    @Test
    void releasingPutsTheStockBackOnceHoweverOftenItIsCalled() {
        reserve(TWO_BENCHES).exchange().expectStatus().isCreated();

        for (int i = 0; i < 2; i++) {
            http.post().uri("/internal/stock-reservations/order-5001/release").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        }
        assertThat(fixtures.onHand(1001)).isEqualTo(10);
        assertThat(fixtures.reserved(1001)).isZero();
        refusals.refused(http.post().uri("/internal/stock-reservations/order-5001/confirm"), 409, "invalid-state");
    }

    @Test
    void confirmingKeepsTheStockTakenOnceHoweverOftenItIsCalled() {
        reserve(TWO_BENCHES).exchange().expectStatus().isCreated();

        for (int i = 0; i < 2; i++) {
            http.post().uri("/internal/stock-reservations/order-5001/confirm").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        }
        assertThat(fixtures.onHand(1001)).isEqualTo(8);
        assertThat(fixtures.reserved(1001)).isZero();
        http.get().uri("/internal/stock-reservations/order-5001").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        refusals.refused(http.post().uri("/internal/stock-reservations/order-5001/release"), 409, "invalid-state");
    }

    @Test
    void answersNotFoundForAnUnknownReservation() {
        refusals.refused(http.get().uri("/internal/stock-reservations/order-404"), 404, "not-found");
        refusals.refused(http.post().uri("/internal/stock-reservations/order-404/release"), 404, "not-found");
        refusals.refused(http.post().uri("/internal/stock-reservations/order-404/confirm"), 404, "not-found");
    }

    @Test
    void refusesMoreThanIsOnHandAndTakesNothingFromAnyLine() {
        refusals.refused(reserve("""
                        {"reservationId":"order-5002","lines":[{"productId":1001,"quantity":2},
                         {"productId":1002,"quantity":4}]}"""), 409, "insufficient-stock")
                .jsonPath("$.detail").isEqualTo("Product 1002: 4 requested, 3 on hand");
        http.get().uri("/internal/stock-reservations/order-5002").exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesUnknownAndInactiveProducts() {
        refusals.refused(reserve(TWO_BENCHES.replace("1001", "999")), 422, "unknown-reference");
        refusals.refused(reserve("""
                        {"reservationId":"order-5001","lines":[{"productId":1001,"quantity":1},
                         {"productId":1003,"quantity":1}]}"""), 422, "unknown-reference")
                .jsonPath("$.detail").isEqualTo("lines[1].productId: active product 1003 does not exist");
    }

    @Test
    void refusesLinesBreakingTheRules() {
        refusals.refused(reserve("{\"reservationId\":\"order-1\",\"lines\":[]}"), 400, "validation-failed");
        refusals.refused(reserve(TWO_BENCHES.replace("\"quantity\":2", "\"quantity\":0")), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        refusals.refused(reserve(TWO_BENCHES.replace("\"quantity\":2", "\"quantity\":1001")), 400,
                "validation-failed");
        refusals.refused(reserve("""
                        {"reservationId":"order-1","lines":[{"productId":1001,"quantity":1},
                         {"productId":1001,"quantity":1}]}"""), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("lines[1].productId");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"productId\":").append(2000 + i).append(",\"quantity\":1}");
        }
        refusals.refused(reserve("{\"reservationId\":\"order-1\",\"lines\":[" + lines + "]}"), 400,
                "validation-failed");
    }

    @Test
    void refusesABadReservationId() {
        refusals.refused(reserve(TWO_BENCHES.replace("order-5001", "order 5001/x")), 400, "validation-failed");
        refusals.refused(reserve(TWO_BENCHES.replace("\"order-5001\"", "null")), 400, "validation-failed");
    }

    @Test
    void refusesMalformedAndUnknownJson() {
        refusals.refused(reserve("{\"reservationId\":"), 400, "malformed-request");
        refusals.refused(reserve(TWO_BENCHES.replace("}]}", ",\"price\":1}]}")), 400, "malformed-request")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).startsWith("Unknown property 'lines[0].price'"));
    }

    private RestTestClient.RequestHeadersSpec<?> reserve(String json) {
        return http.post().uri("/internal/stock-reservations").contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
