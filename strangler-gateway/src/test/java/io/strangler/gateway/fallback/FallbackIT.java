package io.strangler.gateway.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.metrics.BackendWindow;
import io.strangler.gateway.metrics.RouteLatencies;
import io.strangler.gateway.route.Backend;
import java.time.Duration;
import io.strangler.gateway.mode.TrafficMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FallbackIT extends GatewayITBase {

    @Autowired
    private FallbackCounter fallbacks;

    @Autowired
    private RouteLatencies latencies;

    @Autowired
    private MeterRegistry registry;

    @BeforeEach
    void stubLegacy() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
        mode("orders", TrafficMode.NEW, 0);
    }

    @Test
    void shouldServeASafeRequestFromLegacyWhenNewAnswers500() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));
        long before = fallbacks.count("orders");
        long newErrorsBefore = requests("new", "server_error");
        long newErrorSamplesBefore = latencies.window("orders", Backend.NEW, Duration.ofHours(1), 0).errors();
        client.get().uri("/api/orders/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Backend", "legacy")
                .expectHeader().valueEquals("X-Strangler-Fallback", "server_error")
                .expectBody(String.class).isEqualTo("legacy");
        assertThat(fallbacks.count("orders")).isEqualTo(before + 1);
        // new's failure is new's error for both judges' sources, the comparison API and Prometheus
        assertThat(requests("new", "server_error")).isEqualTo(newErrorsBefore + 1);
        assertThat(latencies.window("orders", Backend.NEW, Duration.ofHours(1), 0).errors())
                .isEqualTo(newErrorSamplesBefore + 1);
    }

    private long requests(String backend, String outcome) {
        Timer timer = registry.find("strangler.gateway.requests").tags("route", "orders", "backend", backend,
                "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void shouldServeASafeRequestFromLegacyWhenNewTimesOut() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(3_000)));
        client.get().uri("/api/orders/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Fallback", "timeout")
                .expectBody(String.class).isEqualTo("legacy");
    }

    @Test
    void shouldStopCallingNewOnceTheCircuitIsOpen() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/orders/" + i).exchange().expectBody(String.class).isEqualTo("legacy");
        }
        int callsToNew = Backends.NEW.findAll(anyRequestedFor(anyUrl())).size();
        client.get().uri("/api/orders/9").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Fallback", "circuit_open")
                .expectBody(String.class).isEqualTo("legacy");
        assertThat(Backends.NEW.findAll(anyRequestedFor(anyUrl()))).hasSize(callsToNew);
    }

    @Test
    void shouldNotReplayAWriteOnLegacyWhenNewFails() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));
        client.post().uri("/api/orders").bodyValue("{}").exchange().expectStatus().isEqualTo(500)
                .expectHeader().valueEquals("X-Strangler-Backend", "new")
                .expectBody(String.class).isEqualTo("boom");
        assertThat(Backends.LEGACY.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void shouldCountAFailedCallToNewOnceWhenThereIsNoFallback() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));
        BackendWindow before = latencies.window("orders", Backend.NEW, Duration.ofHours(1), 0);
        client.post().uri("/api/orders").bodyValue("{}").exchange().expectStatus().isEqualTo(500);
        // the judge reads these counts: one failed request is one error, not two. The request metrics record when
        // the exchange completes, possibly after the client has the answer: wait for it, then for it to stay one
        await().atMost(Duration.ofSeconds(10)).until(() -> newErrorsSince(before) >= 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> newErrorsSince(before) == 1);
        BackendWindow after = latencies.window("orders", Backend.NEW, Duration.ofHours(1), 0);
        assertThat(after.count() - before.count()).isEqualTo(1);
    }

    private long newErrorsSince(BackendWindow before) {
        return latencies.window("orders", Backend.NEW, Duration.ofHours(1), 0).errors() - before.errors();
    }

    @Test
    void shouldServeASafeRequestFromLegacyWhenNewIsUnreachable() {
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        client.get().uri("/api/orders/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Fallback", "connection_error")
                .expectBody(String.class).isEqualTo("legacy");
    }
}
