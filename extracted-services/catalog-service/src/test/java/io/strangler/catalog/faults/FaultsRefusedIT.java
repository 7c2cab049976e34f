package io.strangler.catalog.faults;

import io.strangler.catalog.CatalogIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Outside the demo profile there are no faults on demand: the admin path does not exist and nothing is injected. */
class FaultsRefusedIT extends CatalogIT {

    @Test
    void shouldRefuseFaultSettingsWithoutTheDemoProfile() {
        http.put().uri("/admin/faults").contentType(MediaType.APPLICATION_JSON).body("{\"errorRate\":1}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");

        http.get().uri("/api/categories").exchange().expectStatus().isOk().expectHeader().doesNotExist("X-Strangler-Fault");
    }
}
