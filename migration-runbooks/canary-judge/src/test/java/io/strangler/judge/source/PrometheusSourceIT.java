package io.strangler.judge.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.MetricSourceException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus HTTP API played by WireMock, in the shape Prometheus 2.x answers; RealGatewayIT runs the real one. */
class PrometheusSourceIT {

    private static final String QUERY = "/api/v1/query";
    private static final WireMockServer PROMETHEUS = new WireMockServer(options().dynamicPort());
    private static PrometheusSource source;

    @BeforeAll
    static void start() {
        PROMETHEUS.start();
        source = PrometheusSource.of(URI.create(PROMETHEUS.baseUrl()));
    }

    @AfterAll
    static void stop() {
        PROMETHEUS.stop();
    }

    @BeforeEach
    void reset() {
        PROMETHEUS.resetAll();
    }

    @Test
    void shouldSumCountsErrorsAndBucketsPerBackend() {
        answer("outcome", vector("{\"backend\":\"legacy\"}", "1.02", "{\"backend\":\"new\"}", "12.4"));
        answer("_bucket", vector(
                "{\"backend\":\"legacy\",\"le\":\"0.01\"}", "400", "{\"backend\":\"legacy\",\"le\":\"+Inf\"}", "500.2",
                "{\"backend\":\"new\",\"le\":\"0.01\"}", "10", "{\"backend\":\"new\",\"le\":\"+Inf\"}", "100"));
        answer("_count", vector("{\"backend\":\"legacy\"}", "500.2", "{\"backend\":\"new\"}", "99.6"));

        CanarySamples samples = source.samples("catalog", Duration.ofMinutes(2));

        assertThat(samples.legacy().requests()).isEqualTo(500);
        assertThat(samples.legacy().errors()).isEqualTo(1);
        assertThat(samples.legacy().latencySampleCount()).isEqualTo(500);
        assertThat(samples.candidate().requests()).isEqualTo(100);
        assertThat(samples.candidate().errors()).isEqualTo(12);
        assertThat(samples.candidate().latenciesMillis()).containsOnly(5.0, 10.0).hasSize(100);
        PROMETHEUS.verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("query",
                containing("sum by (backend) (increase(strangler_gateway_requests_seconds_count{route=\"catalog\"}[120s]))")));
    }

    @Test
    void shouldGiveEmptySidesWhenPrometheusHasNoSeriesForTheRoute() {
        answer("", vector());

        CanarySamples samples = source.samples("orders", Duration.ofMinutes(5));

        assertThat(samples.legacy().requests()).isZero();
        assertThat(samples.candidate().latencySampleCount()).isZero();
    }

    @Test
    void shouldReportPrometheusErrors() {
        PROMETHEUS.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter\"}")));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("invalid parameter");
    }

    @Test
    void shouldRejectAnUnsuccessfulStatus() {
        answer("", "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}");

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("did not succeed")
                .hasMessageContaining("query timed out");
    }

    @Test
    void shouldRejectAResultThatIsNotAVector() {
        answer("", "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("expected data.resultType 'vector'");
    }

    @Test
    void shouldRejectAValueThatIsNotANumber() {
        answer("", vector("{\"backend\":\"legacy\"}", "many"));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("data.result[0].value is not a number");
    }

    @Test
    void shouldRejectANegativeCount() {
        answer("", vector("{\"backend\":\"legacy\"}", "-3"));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("finite count >= 0");
    }

    @Test
    void shouldRejectSeriesWithoutTheBackendLabel() {
        answer("", vector("{\"route\":\"catalog\"}", "3"));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("lacks the label 'backend'");
    }

    @Test
    void shouldRejectABucketBoundThatIsNotANumber() {
        answer("outcome", vector());
        answer("_count", vector());
        answer("_bucket", vector("{\"backend\":\"legacy\",\"le\":\"fast\"}", "3"));

        assertThatThrownBy(() -> source.samples("catalog", Duration.ofMinutes(5)))
                .isInstanceOf(MetricSourceException.class).hasMessageContaining("le='fast' is not a number");
    }

    @Test
    void shouldRejectBadArguments() {
        assertThatThrownBy(() -> source.samples("catalog\"}", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routeId must match");
        assertThatThrownBy(() -> PrometheusSource.of(URI.create("localhost:9090")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Prometheus URL");
        assertThatThrownBy(() -> PrometheusSource.of(URI.create("http://localhost:9090"), 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSamplesPerSide");
        assertThatThrownBy(() -> PrometheusSource.of(URI.create("http://localhost:9090"), 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        PROMETHEUS.verify(0, getRequestedFor(urlPathEqualTo(QUERY)));
    }

    /** Answers queries containing {@code fragment}; more specific fragments are stubbed with a higher priority. */
    private static void answer(String fragment, String body) {
        PROMETHEUS.stubFor(get(urlPathEqualTo(QUERY)).atPriority(fragment.isEmpty() ? 10 : fragment.equals("_count") ? 5 : 1)
                .withQueryParam("query", containing(fragment)).willReturn(okJson(body)));
    }

    /** An instant vector of (labels JSON, value) pairs. */
    private static String vector(String... labelsAndValues) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            result.append(result.isEmpty() ? "" : ",").append("{\"metric\":").append(labelsAndValues[i])
                    .append(",\"value\":[1767261600.123,\"").append(labelsAndValues[i + 1]).append("\"]}");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";
    }
}
