package io.strangler.judge.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.MetricSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The comparison API played by WireMock: an answer recorded from the real gateway, then every kind of garbage. */
class GatewayComparisonSourceIT {

    private static final String PATH = "/admin/routes/catalog/comparison";
    private static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());
    private static GatewayComparisonSource source;

    @BeforeAll
    static void start() {
        GATEWAY.start();
        source = GatewayComparisonSource.of(URI.create(GATEWAY.baseUrl() + "/"), 10_000, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop();
    }

    @BeforeEach
    void reset() {
        GATEWAY.resetAll();
    }

    @Test
    void shouldReadBothSidesOfARecordedAnswer() throws IOException {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded())));

        CanarySamples samples = source.samples("catalog", Duration.ofMinutes(5));

        assertThat(samples.routeId()).isEqualTo("catalog");
        assertThat(samples.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(samples.legacy().requests()).isEqualTo(15);
        assertThat(samples.legacy().latenciesMillis()).containsExactly(8.146, 17.987, 18.193);
        assertThat(samples.candidate().requests()).isEqualTo(6);
        assertThat(samples.candidate().errors()).isZero();
        assertThat(samples.candidate().latencySampleCount()).isEqualTo(3);
        GATEWAY.verify(getRequestedFor(urlEqualTo(PATH + "?window=300s&samples=10000")));
    }

    @Test
    void shouldReportTheGatewaysProblemForAnUnknownRoute() {
        GATEWAY.stubFor(get(urlPathEqualTo("/admin/routes/payments/comparison")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"detail\":\"no route 'payments'; known routes: [catalog]\"}")));

        assertThatThrownBy(() -> source.samples("payments", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("no route 'payments'");
    }

    @Test
    void shouldRejectAnAnswerThatIsNotJson() {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("not JSON").hasMessageContaining("<html>");
    }

    @Test
    void shouldRejectAnAnswerWithoutBackends() {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"routeId\":\"catalog\"}")));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("'backends' missing");
    }

    @Test
    void shouldRejectACountThatIsNotAnInteger() throws IOException {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded().replace("\"count\": 6", "\"count\": \"6\""))));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("backends.new.count must be an integer");
    }

    @Test
    void shouldRejectMoreErrorsThanRequests() throws IOException {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded().replace("\"errors\": 0", "\"errors\": 99"))));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("backends.legacy is inconsistent")
                .hasMessageContaining("errors must be between 0 and requests");
    }

    @Test
    void shouldRejectALatencyThatIsNotANumber() throws IOException {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded().replace("17.987", "\"fast\""))));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("backends.legacy.latencySamplesMillis[1] must be a number");
    }

    @Test
    void shouldRejectANegativeLatency() throws IOException {
        GATEWAY.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded().replace("17.987", "-17.987"))));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("latenciesMillis[1] must be finite and >= 0");
    }

    @Test
    void shouldSayWhichUrlIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GatewayComparisonSource nowhere = GatewayComparisonSource.of(URI.create("http://127.0.0.1:" + closed));

        assertThatThrownBy(() -> nowhere.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + closed + PATH).hasMessageContaining("failed");
    }

    @Test
    void shouldRejectBadArgumentsBeforeCallingTheGateway() {
        assertThatThrownBy(() -> source.samples("Catalog/../x", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routeId must match");
        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window must be whole seconds");
        assertThatThrownBy(() -> source.samples("catalog", Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1s and 24h");
        assertThatThrownBy(() -> GatewayComparisonSource.of(URI.create("http://localhost:9080?x=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without query");
        assertThatThrownBy(() -> GatewayComparisonSource.of(URI.create("ftp://localhost:9080"), 10, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> GatewayComparisonSource.of(URI.create("http://localhost:9080"), 10_001, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samples must be from 1 to 10000");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }

    static String recorded() throws IOException {
        try (InputStream json = GatewayComparisonSourceIT.class.getResourceAsStream("/gateway-comparison.json")) {
            return new String(json.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
