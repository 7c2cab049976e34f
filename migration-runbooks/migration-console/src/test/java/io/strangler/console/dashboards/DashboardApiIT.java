package io.strangler.console.dashboards;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.jayway.jsonpath.JsonPath;
import io.strangler.console.ConsoleITBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardApiIT extends ConsoleITBase {

    @Test
    void shouldShowLegacyAgainstNewOverTheWindowAsked() {
        HttpResponse<String> response = apiGet("/api/routes/catalog/dashboard?window=15m", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Double>read(response.body(), "$.comparison.backends.new.p99Millis")).isEqualTo(420.0);
        assertThat(JsonPath.<String>read(response.body(), "$.comparison.shadow.topDifferingPathsSinceStart[0].path"))
                .isEqualTo("$.price");
        peers.verify(getRequestedFor(urlPathEqualTo("/admin/routes/catalog/comparison"))
                .withQueryParam("window", equalTo("900s")));
    }

    @Test
    void shouldKeepAHistoryOfRatesErrorsPercentilesAndShadowMatchesPerPoll() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> response = apiGet("/api/routes/catalog/dashboard", VIEWER, VIEWER_PASSWORD);
            assertThat(JsonPath.<List<Object>>read(response.body(), "$.history")).isNotEmpty();
            // the poll asks for 1 s windows: 300 legacy requests in it are 300/s
            assertThat(JsonPath.<Double>read(response.body(), "$.history[-1].legacy.ratePerSecond")).isEqualTo(300.0);
            assertThat(JsonPath.<Double>read(response.body(), "$.history[-1].new.errorRate")).isEqualTo(0.2);
            assertThat(JsonPath.<Double>read(response.body(), "$.history[-1].shadowMatchRate")).isEqualTo(0.9);
            assertThat(JsonPath.<Integer>read(response.body(), "$.history[-1].fallbacks")).isEqualTo(4);
        });
    }

    @Test
    void shouldRefuseAWindowThatIsNotADurationOrOutOfRange() {
        assertProblem(apiGet("/api/routes/catalog/dashboard?window=soon", VIEWER, VIEWER_PASSWORD), 400, "validation-failed");
        assertProblem(apiGet("/api/routes/catalog/dashboard?window=2d", VIEWER, VIEWER_PASSWORD), 400, "validation-failed");
        assertProblem(apiGet("/api/routes/catalog/dashboard?window=500ms", VIEWER, VIEWER_PASSWORD), 400, "validation-failed");
    }

    @Test
    void shouldRelayAnUnknownRouteFromTheGateway() {
        peers.stubFor(get(urlPathEqualTo("/admin/routes/payments/comparison")).willReturn(problem(404,
                "{\"type\":\"/problems/not-found\",\"status\":404,\"detail\":\"no route 'payments'\"}")));

        assertProblem(apiGet("/api/routes/payments/dashboard", VIEWER, VIEWER_PASSWORD), 404, "not-found");
    }

    @Test
    void shouldReportAGatewayThatDoesNotAnswer() {
        peers.stubFor(get(urlPathEqualTo("/admin/routes/catalog/comparison"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertProblem(apiGet("/api/routes/catalog/dashboard", VIEWER, VIEWER_PASSWORD), 502, "peer-unavailable");
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/" + slug);
    }
}
