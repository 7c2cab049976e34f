package io.strangler.gateway.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.mode.TrafficMode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

class FrontDoorAndComparisonIT extends GatewayITBase {

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("new")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/routes", "/admin/routes/catalog/comparison", "/actuator/prometheus", "/actuator"})
    void shouldRefuseAdminAndActuatorPathsOnTheFrontDoor(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        assertThat(Backends.LEGACY.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void shouldListRoutesWithTheirModesOnTheManagementPort() {
        mode("catalog", TrafficMode.CANARY, 12.5);
        management.get().uri("/admin/routes").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.routes[0].id").isEqualTo("catalog")
                .jsonPath("$.routes[0].mode").isEqualTo("CANARY")
                .jsonPath("$.routes[0].percent").isEqualTo(12.5);
    }

    @Test
    void shouldCompareLegacyAndNewSideBySide() {
        mode("catalog", TrafficMode.CANARY, 50);
        for (int i = 0; i < 40; i++) {
            client.get().uri("/api/products/1").header("X-Customer-Id", "c" + i).exchange().expectStatus().isOk();
        }
        management.get().uri("/admin/routes/catalog/comparison?window=5m&samples=10").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.routeId").isEqualTo("catalog")
                .jsonPath("$.mode").isEqualTo("CANARY")
                .jsonPath("$.window").isEqualTo("PT5M")
                .jsonPath("$.backends.legacy.count").value(count -> assertThat(((Number) count).longValue()).isPositive())
                .jsonPath("$.backends.new.count").value(count -> assertThat(((Number) count).longValue()).isPositive())
                .jsonPath("$.backends.new.p99Millis").exists()
                .jsonPath("$.backends.new.errorRate").isEqualTo(0.0)
                .jsonPath("$.backends.new.latencySamplesMillis.length()").value(n -> assertThat((Integer) n).isLessThanOrEqualTo(10))
                .jsonPath("$.fallbacks.count").exists()
                .jsonPath("$.shadow.dropped").exists()
                .jsonPath("$.shadow.matched").exists()
                .jsonPath("$.shadow.truncated").isEqualTo(false);
    }

    @Test
    void shouldCountShadowOutcomesOfTheWindowInTheComparison() {
        mode("catalog", TrafficMode.SHADOW, 100);
        long mismatched = shadowCount("mismatched");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/products/" + i).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("legacy");
        }
        // legacy answers "legacy", new answers "new": every compared copy is a mismatch
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(shadowCount("mismatched")).isEqualTo(mismatched + 3));
        management.get().uri("/admin/routes/catalog/comparison?window=5m").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.shadow.truncated").isEqualTo(false)
                .jsonPath("$.shadow.topDifferingPathsSinceStart").isNotEmpty()
                .jsonPath("$.shadow.recentMismatches[0].legacyBody").isEqualTo("legacy");
    }

    @Test
    void shouldCountFallbacksOfTheWindowPerReasonInTheComparison() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));
        mode("orders", TrafficMode.NEW, 0);
        long fallbacks = comparisonNumber("orders", "$.fallbacks.count");
        long serverErrors = comparisonNumber("orders", "$.fallbacks.byReason.server_error");
        client.get().uri("/api/orders/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Fallback", "server_error");
        assertThat(comparisonNumber("orders", "$.fallbacks.count")).isEqualTo(fallbacks + 1);
        assertThat(comparisonNumber("orders", "$.fallbacks.byReason.server_error")).isEqualTo(serverErrors + 1);
        management.get().uri("/admin/routes/orders/comparison?window=5m").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.fallbacks.truncated").isEqualTo(false);
    }

    private long shadowCount(String result) {
        return comparisonNumber("catalog", "$.shadow." + result);
    }

    private long comparisonNumber(String route, String jsonPath) {
        Number[] value = new Number[1];
        management.get().uri("/admin/routes/" + route + "/comparison?window=5m").exchange().expectStatus().isOk()
                .expectBody().jsonPath(jsonPath).value(v -> value[0] = (Number) v);
        return value[0].longValue();
    }

    @Test
    void shouldRejectAMalformedWindowWithAProblem() {
        management.get().uri("/admin/routes/catalog/comparison?window=forever").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("5m"));
    }

    @Test
    void shouldRejectAnOutOfRangeSampleCountWithAProblem() {
        management.get().uri("/admin/routes/catalog/comparison?samples=-1").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswer404ForAnUnknownRoute() {
        management.get().uri("/admin/routes/nope/comparison").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldExposeRequestTimersToPrometheusOnTheManagementPort() {
        client.get().uri("/api/products/1").exchange().expectStatus().isOk();
        String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("strangler_gateway_requests_seconds_bucket")
                .contains("route=\"catalog\"").contains("backend=\"legacy\"").contains("outcome=\"success\"");
    }
}
