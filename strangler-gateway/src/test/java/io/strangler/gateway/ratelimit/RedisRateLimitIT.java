package io.strangler.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.StranglerGatewayApplication;
import io.strangler.gateway.TestIssuer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The Redis backend ({@code rate-limit.backend: redis}, Spring Cloud Gateway's RedisRateLimiter) against a real
 * redis-server: the same limits and headers as in memory, and a limit that holds across two gateway replicas.
 */
@TestPropertySource(properties = "strangler.gateway.rate-limit.backend=redis")
class RedisRateLimitIT extends GatewayITBase {

    private static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
    }

    @Test
    void shouldAnswer429ToABurstOverTheLimitWhileAnotherSubjectPasses() {
        String alice = TestIssuer.token("alice-" + UUID.randomUUID());
        for (int i = 1; i <= 5; i++) {
            report(client, alice).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(5 - i))
                    .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset)).isBetween(1L, 60L));
        }
        report(client, alice).expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, after -> assertThat(Long.parseLong(after)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.type").isEqualTo("/problems/rate-limited");
        report(client, TestIssuer.token("bob-" + UUID.randomUUID())).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "4");
    }

    @Test
    void shouldHoldTheLimitAcrossGatewayReplicas() {
        // never closed before the JVM ends: closing a context disposes Reactor Netty's global resources, which the
        // other gateway contexts in this JVM share (its shutdown hook closes it at the end)
        ConfigurableApplicationContext replica = startReplica();
        int replicaPort = ((WebServerApplicationContext) replica).getWebServer().getPort();
        WebTestClient first = from("127.0.0.5", port);
        WebTestClient second = from("127.0.0.5", replicaPort);
        first.get().uri("/api/limited/1").exchange().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
        second.get().uri("/api/limited/2").exchange().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "1");
        first.get().uri("/api/limited/3").exchange().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "0");
        second.get().uri("/api/limited/4").exchange().expectStatus().isEqualTo(429);
        from("127.0.0.6", replicaPort).get().uri("/api/limited/5").exchange().expectStatus().isOk();
    }

    /** A second gateway with the same {@code limited} route and the same Redis. */
    private static ConfigurableApplicationContext startReplica() {
        return new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--strangler.gateway.legacy-uri=" + Backends.LEGACY.baseUrl(),
                "--strangler.gateway.routes[0].id=limited", "--strangler.gateway.routes[0].paths=/api/limited/**",
                "--strangler.gateway.routes[0].new-uri=" + Backends.NEW.baseUrl(),
                "--strangler.gateway.routes[0].rate-limit.requests=3", "--strangler.gateway.routes[0].rate-limit.period=60s",
                "--strangler.gateway.rate-limit.backend=redis",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + REDIS.port());
    }

    private static WebTestClient.ResponseSpec report(WebTestClient client, String token) {
        return client.get().uri("/api/reports").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static WebTestClient from(String address, int port) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
