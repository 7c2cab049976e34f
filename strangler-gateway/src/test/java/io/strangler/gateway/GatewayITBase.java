package io.strangler.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.strangler.gateway.mode.InMemoryRouteModes;
import io.strangler.gateway.mode.RouteModeSetting;
import io.strangler.gateway.mode.RouteModes;
import io.strangler.gateway.mode.TrafficMode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway context for every IT that drives it with in-memory route modes: WireMock as legacy and new, the
 * gateway and its management server on random ports. Routes: {@code catalog} (canary, shadow with ignore rules and
 * redaction), {@code orders} (fallback with a tight circuit breaker), {@code slow-shadow} (one copy in flight at most),
 * {@code noisy} (noise learning), {@code carts} (shadow mirrors POST as dry-run writes), {@code accounts} (needs a
 * token, writes need scope {@code shop}), {@code limited} (3 requests a minute per client) and {@code reports} (a token,
 * 5 requests a minute per client), {@code rated-shadow} (one shadow copy a second at most). Tokens come from {@link TestIssuer}; the catch-all stays public.
 * Every request is traced; finished spans go to {@link FinishedSpans}.
 */
@SpringBootTest(classes = StranglerGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "management.server.port=0",
                "server.max-http-request-header-size=8KB",
                "strangler.gateway.override.secret=test-secret",
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms"
        })
@Import(FinishedSpans.class)
public abstract class GatewayITBase {

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    private RouteModes routeModes;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    protected WebTestClient client;
    protected WebTestClient management;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        // one property source for the whole list: lists do not merge across sources
        registry.add("strangler.gateway.routes[0].id", () -> "catalog");
        registry.add("strangler.gateway.routes[0].paths", () -> "/api/products/**,/api/categories");
        registry.add("strangler.gateway.routes[0].stickiness.header", () -> "X-Customer-Id");
        registry.add("strangler.gateway.routes[0].shadow.ignore-paths", () -> "$.generatedAt");
        registry.add("strangler.gateway.routes[0].shadow.redact-fields", () -> "email");
        registry.add("strangler.gateway.routes[1].id", () -> "orders");
        registry.add("strangler.gateway.routes[1].paths", () -> "/api/orders/**");
        // long enough for a first request on a loaded machine (connection set-up), shorter than the 3 s slow answer
        registry.add("strangler.gateway.routes[1].timeouts.new-backend", () -> "1500ms");
        registry.add("strangler.gateway.routes[1].fallback.sliding-window-size", () -> "4");
        registry.add("strangler.gateway.routes[1].fallback.minimum-number-of-calls", () -> "4");
        registry.add("strangler.gateway.routes[1].fallback.wait-in-open-state", () -> "1h");
        registry.add("strangler.gateway.routes[2].id", () -> "slow-shadow");
        registry.add("strangler.gateway.routes[2].paths", () -> "/api/slow/**");
        registry.add("strangler.gateway.routes[2].shadow.max-concurrent", () -> "1");
        registry.add("strangler.gateway.routes[2].shadow.timeout", () -> "10s");
        registry.add("strangler.gateway.routes[3].id", () -> "noisy");
        registry.add("strangler.gateway.routes[3].paths", () -> "/api/noisy/**");
        registry.add("strangler.gateway.routes[3].shadow.learn-noise", () -> "true");
        registry.add("strangler.gateway.routes[4].id", () -> "carts");
        registry.add("strangler.gateway.routes[4].paths", () -> "/api/carts/**");
        registry.add("strangler.gateway.routes[4].shadow.methods", () -> "GET,POST");
        registry.add("strangler.gateway.routes[4].shadow.dry-run-writes", () -> "true");
        registry.add("strangler.gateway.routes[5].id", () -> "accounts");
        registry.add("strangler.gateway.routes[5].paths", () -> "/api/accounts/**");
        registry.add("strangler.gateway.routes[5].auth.policy", () -> "authenticated");
        registry.add("strangler.gateway.routes[5].auth.write-scope", () -> "shop");
        registry.add("strangler.gateway.routes[6].id", () -> "limited");
        registry.add("strangler.gateway.routes[6].paths", () -> "/api/limited/**");
        registry.add("strangler.gateway.routes[6].rate-limit.requests", () -> "3");
        registry.add("strangler.gateway.routes[6].rate-limit.period", () -> "60s");
        registry.add("strangler.gateway.routes[7].id", () -> "reports");
        registry.add("strangler.gateway.routes[7].paths", () -> "/api/reports/**");
        registry.add("strangler.gateway.routes[7].auth.policy", () -> "authenticated");
        registry.add("strangler.gateway.routes[7].rate-limit.requests", () -> "5");
        registry.add("strangler.gateway.routes[7].rate-limit.period", () -> "60s");
        registry.add("strangler.gateway.security.jwt.jwk-set-uri", TestIssuer::jwksUri);
        registry.add("strangler.gateway.security.jwt.issuer", () -> TestIssuer.ISSUER);
        registry.add("strangler.gateway.security.jwt.audiences", () -> TestIssuer.AUDIENCE);
        registry.add("strangler.gateway.routes[8].id", () -> "rated-shadow");
        registry.add("strangler.gateway.routes[8].paths", () -> "/api/rated/**");
        registry.add("strangler.gateway.routes[8].shadow.max-rate", () -> "1");
        registry.add("strangler.gateway.legacy-uri", Backends.LEGACY::baseUrl);
        for (int i = 0; i < 9; i++) {
            registry.add("strangler.gateway.routes[" + i + "].new-uri", Backends.NEW::baseUrl);
        }
    }

    private static boolean warm;

    @BeforeEach
    void resetGateway() {
        if (!warm) {
            // the first traced request of a fresh JVM is slow (class loading and initialisation of the tracing path):
            // under load it exceeded the 500 ms new-backend limit of a test's first request, which then fell back on
            // "timeout" instead of the behaviour under test
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                    .build().get().uri("/warm-up").exchange();
            warm = true;
        }
        Backends.reset();
        ((InMemoryRouteModes) routeModes).reset();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected void mode(String routeId, TrafficMode mode, double percent) {
        ((InMemoryRouteModes) routeModes).set(routeId, RouteModeSetting.of(mode, percent));
    }
}
