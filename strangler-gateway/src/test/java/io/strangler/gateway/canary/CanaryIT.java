package io.strangler.gateway.canary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.mode.TrafficMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CanaryIT extends GatewayITBase {

    private static final int CUSTOMERS = 400;

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("new")));
    }

    @Test
    void shouldSendAboutTheCanaryShareOfCustomersToNew() {
        mode("catalog", TrafficMode.CANARY, 30);
        long toNew = backends().values().stream().filter("new"::equals).count();
        // 30 % ± 7.5 points: more than 3 standard deviations for 400 customers
        assertThat(toNew / (double) CUSTOMERS).isBetween(0.225, 0.375);
    }

    @Test
    void shouldKeepEachCustomerOnTheSameBackend() {
        mode("catalog", TrafficMode.CANARY, 50);
        assertThat(backends()).isEqualTo(backends());
    }

    @Test
    void shouldOnlyMoveCustomersFromLegacyToNewWhenPercentRises() {
        mode("catalog", TrafficMode.CANARY, 20);
        Map<String, String> before = backends();
        mode("catalog", TrafficMode.CANARY, 60);
        Map<String, String> after = backends();
        before.forEach((customer, backend) -> {
            if (backend.equals("new")) {
                assertThat(after.get(customer)).as(customer).isEqualTo("new");
            }
        });
        assertThat(after.values().stream().filter("new"::equals).count())
                .isGreaterThan(before.values().stream().filter("new"::equals).count());
    }

    private Map<String, String> backends() {
        Map<String, String> backends = new HashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "customer-" + i;
            String backend = client.get().uri("/api/products/1").header("X-Customer-Id", customer).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseHeaders()
                    .getFirst("X-Strangler-Backend");
            backends.put(customer, backend);
        }
        return backends;
    }
}
