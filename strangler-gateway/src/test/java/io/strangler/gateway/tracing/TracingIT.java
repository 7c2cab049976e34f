package io.strangler.gateway.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.mode.TrafficMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * W3C trace context through the gateway: the backend that serves a request continues the client's trace, and a shadow
 * copy runs in a child span marked as shadow, so it never reads as user traffic.
 */
class TracingIT extends GatewayITBase {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Autowired
    private InMemorySpanExporter spans;

    @BeforeEach
    void forgetSpans() {
        spans.reset();
    }

    @Test
    void shouldContinueTheClientsTraceToTheServingBackendAndKeepTheBackendHeader() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":1}")));

        client.get().uri("/api/products/1").header("traceparent", CLIENT_TRACEPARENT).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Strangler-Backend", "legacy");

        String forwarded = onlyTraceparent(Backends.LEGACY);
        assertThat(forwarded).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(CLIENT_TRACEPARENT);
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpan("/api/products/1"), Optional::isPresent)
                .orElseThrow();
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        // the forwarded request's parent is a span of the gateway's own, inside the client's trace
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .extracting(SpanData::getSpanId).contains(parentIdOf(forwarded)));
    }

    @Test
    void shouldRunAShadowCopyInAChildSpanMarkedAsShadow() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":2}")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":2}")));
        mode("catalog", TrafficMode.SHADOW, 100);

        client.get().uri("/api/products/2").header("traceparent", CLIENT_TRACEPARENT).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Strangler-Backend", "legacy");

        SpanData shadow = await().atMost(Duration.ofSeconds(10))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> "true".equals(s.getAttributes().get(AttributeKey.stringKey("strangler.shadow"))))
                        .findFirst(), Optional::isPresent).orElseThrow();
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpan("/api/products/2"), Optional::isPresent)
                .orElseThrow();
        assertThat(shadow.getName()).isEqualTo("shadow catalog");
        assertThat(shadow.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(shadow.getParentSpanId()).isEqualTo(server.getSpanId());
        // the copy to new carries a context below the shadow span, never the client's own
        String copied = onlyTraceparent(Backends.NEW);
        assertThat(copied).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(CLIENT_TRACEPARENT);
        SpanData copySpan = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(parentIdOf(copied))).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(copySpan.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(copySpan.getParentSpanId()).isEqualTo(shadow.getSpanId());
    }

    /** The gateway's server span of one path: the base class's warm-up request may export its own late. */
    private Optional<SpanData> serverSpan(String path) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .filter(s -> path.equals(s.getAttributes().get(AttributeKey.stringKey("http.url"))))
                .findFirst();
    }

    private static String onlyTraceparent(WireMockServer backend) {
        List<LoggedRequest> received = await().atMost(Duration.ofSeconds(10))
                .until(backend::getAllServeEvents, events -> !events.isEmpty()).stream()
                .map(event -> event.getRequest()).toList();
        assertThat(received).hasSize(1);
        return received.get(0).getHeader("traceparent");
    }

    private static String parentIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }
}
