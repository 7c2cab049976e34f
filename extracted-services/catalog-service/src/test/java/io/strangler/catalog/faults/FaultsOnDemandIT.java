package io.strangler.catalog.faults;

import io.strangler.catalog.CatalogIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** With the demo profile, latency and errors can be injected into the catalog's API, and refused when malformed. */
@ActiveProfiles("demo")
class FaultsOnDemandIT extends CatalogIT {

    @AfterEach
    void clearFaults() {
        http.delete().uri("/admin/faults").exchange().expectStatus().isOk();
    }

    @Test
    void shouldDelayEveryApiRequestByTheInjectedLatency() {
        put("{\"latencyMillis\":40}").expectStatus().isOk().expectBody()
                .jsonPath("$.latencyMillis").isEqualTo(40).jsonPath("$.errorRate").isEqualTo(0.0);

        http.get().uri("/api/categories").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Fault", "latency=40ms");
    }

    @Test
    void shouldFailApiRequestsAtTheInjectedErrorRateButNotTheProbes() {
        put("{\"errorRate\":1}").expectStatus().isOk();

        http.get().uri("/api/categories").exchange().expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Strangler-Fault", "error")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/internal-error")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("Injected fault"));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void shouldStopInjectingOnceCleared() {
        put("{\"errorRate\":1,\"latencyMillis\":10}").expectStatus().isOk();
        http.delete().uri("/admin/faults").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.latencyMillis").isEqualTo(0).jsonPath("$.errorRate").isEqualTo(0.0);

        http.get().uri("/api/categories").exchange().expectStatus().isOk().expectHeader().doesNotExist("X-Strangler-Fault");
    }

    @Test
    void shouldRefuseSettingsOutOfRangeAndKeepTheCurrentOnes() {
        put("{\"latencyMillis\":25}").expectStatus().isOk();

        put("{\"latencyMillis\":-1,\"errorRate\":1.5}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("latencyMillis")
                .jsonPath("$.errors[1].field").isEqualTo("errorRate");
        put("{\"latencyMillis\":30001}").expectStatus().isBadRequest();

        http.get().uri("/admin/faults").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.latencyMillis").isEqualTo(25).jsonPath("$.errorRate").isEqualTo(0.0);
    }

    @Test
    void shouldRefuseMalformedBodies() {
        put("{\"latencyMillis\":\"slow\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("/problems/malformed-request");
        put("{\"latency\":300}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("/problems/malformed-request");
        http.put().uri("/admin/faults").contentType(MediaType.TEXT_PLAIN).body("latency=300").exchange()
                .expectStatus().isEqualTo(415);

        http.get().uri("/admin/faults").exchange().expectBody().jsonPath("$.latencyMillis").isEqualTo(0);
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec put(String body) {
        return http.put().uri("/admin/faults").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
