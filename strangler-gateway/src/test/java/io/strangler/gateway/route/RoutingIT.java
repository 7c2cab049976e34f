package io.strangler.gateway.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.mode.TrafficMode;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingIT extends GatewayITBase {

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("new")));
    }

    @Test
    void shouldSendEverythingToLegacyInLegacyMode() {
        client.get().uri("/api/products/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Backend", "legacy").expectBody(String.class).isEqualTo("legacy");
    }

    @Test
    void shouldSendEverythingToNewInNewModeKeepingPathAndQuery() {
        mode("catalog", TrafficMode.NEW, 0);
        client.get().uri(URI.create("http://127.0.0.1:" + port + "/api/products/7?fields=name%2Cprice")).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Backend", "new").expectBody(String.class).isEqualTo("new");
        Backends.NEW.verify(getRequestedFor(urlEqualTo("/api/products/7?fields=name%2Cprice")));
    }

    @Test
    void shouldApplyAModeChangeToTheNextRequest() {
        client.get().uri("/api/categories").exchange().expectHeader().valueEquals("X-Strangler-Backend", "legacy");
        mode("catalog", TrafficMode.NEW, 0);
        client.get().uri("/api/categories").exchange().expectHeader().valueEquals("X-Strangler-Backend", "new");
        mode("catalog", TrafficMode.LEGACY, 0);
        client.get().uri("/api/categories").exchange().expectHeader().valueEquals("X-Strangler-Backend", "legacy");
    }

    @Test
    void shouldSendPathsNoRouteClaimsToLegacy() {
        mode("catalog", TrafficMode.NEW, 0);
        client.get().uri("/index.html").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("legacy");
    }

    @Test
    void shouldGiveEveryRequestAnIdAndKeepTheClientsOne() {
        client.get().uri("/api/products/1").header("X-Request-Id", "abc-123").exchange()
                .expectHeader().valueEquals("X-Request-Id", "abc-123");
        Backends.LEGACY.verify(getRequestedFor(urlEqualTo("/api/products/1")).withHeader("X-Request-Id", matching("abc-123")));
        client.get().uri("/api/products/2").exchange().expectHeader().exists("X-Request-Id");
    }

    @Test
    void shouldLetATesterForceNewWithTheSecret() {
        client.get().uri("/api/products/1").header("X-Strangler-Override", "new:test-secret").exchange()
                .expectHeader().valueEquals("X-Strangler-Backend", "new");
    }

    @Test
    void shouldIgnoreATesterOverrideWithAWrongSecret() {
        client.get().uri("/api/products/1").header("X-Strangler-Override", "new:guess").exchange()
                .expectHeader().valueEquals("X-Strangler-Backend", "legacy");
    }
}
