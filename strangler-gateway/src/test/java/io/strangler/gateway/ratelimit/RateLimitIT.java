package io.strangler.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.TestIssuer;
import io.strangler.gateway.mode.TrafficMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Limits per client and route with the in-memory limiter: {@code limited} allows 3 requests a minute per client
 * address, {@code reports} 5 a minute per token subject. Each test uses clients of its own (subjects, or a loopback
 * address of its own), since counts last a minute in the shared context.
 */
class RateLimitIT extends GatewayITBase {

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
    }

    @Test
    void shouldAnswer429ToABurstOverTheLimitWhileAnotherClientPasses() {
        WebTestClient first = from("127.0.0.2");
        for (int i = 1; i <= 3; i++) {
            first.get().uri("/api/limited/" + i).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(3 - i))
                    .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset)).isBetween(1L, 60L));
        }
        WebTestClient.ResponseSpec refused = first.get().uri("/api/limited/4").exchange();
        refused.expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, after -> assertThat(Long.parseLong(after)).isBetween(1L, 60L))
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/rate-limited");
        from("127.0.0.3").get().uri("/api/limited/5").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
        assertThat(Backends.LEGACY.findAll(getRequestedFor(urlPathMatching("/api/limited/.*")))).hasSize(4);
    }

    @Test
    void shouldLimitEachSubjectOnItsOwnWithTheRoutesLimit() {
        String alice = TestIssuer.token("alice-" + UUID.randomUUID());
        String bob = TestIssuer.token("bob-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            report(alice).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "5");
        }
        report(alice).expectStatus().isEqualTo(429);
        report(bob).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "4");
    }

    @Test
    void shouldNotLimitRoutesWithoutALimit() {
        String carol = TestIssuer.token("carol-" + UUID.randomUUID());
        for (int i = 0; i < 8; i++) {
            client.get().uri("/api/accounts/" + i).headers(h -> h.setBearerAuth(carol)).exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit-Limit");
        }
    }

    @Test
    void shouldNotCountShadowCopiesAgainstTheClient() {
        mode("reports", TrafficMode.SHADOW, 100);
        String dave = TestIssuer.token("dave-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            report(dave).expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Backends.NEW.findAll(getRequestedFor(urlPathMatching("/api/reports")))).hasSize(5));
        report(dave).expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec report(String token) {
        return client.get().uri("/api/reports").headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** A client whose connections come from {@code address} (any 127.0.0.0/8 address reaches the loopback). */
    private WebTestClient from(String address) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
