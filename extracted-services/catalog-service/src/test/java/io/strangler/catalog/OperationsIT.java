package io.strangler.catalog;

import org.junit.jupiter.api.Test;

class OperationsIT extends CatalogIT {

    @Test
    void reportsLivenessAndReadinessForProbes() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetrics() {
        http.get().uri("/api/categories").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("http_server_requests_seconds_count").contains("hikaricp_connections"));
    }
}
