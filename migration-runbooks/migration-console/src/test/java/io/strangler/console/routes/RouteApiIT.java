package io.strangler.console.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.jayway.jsonpath.JsonPath;
import io.strangler.console.ConsoleITBase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteApiIT extends ConsoleITBase {

    private static final String CANARY_50 = "{\"mode\":\"canary\",\"percent\":50,\"reason\":\"judge passed at 25 %\"}";

    @Test
    void shouldListRoutesWithTheirModeAndTheLiveTrafficSplit() {
        HttpResponse<String> response = apiGet("/api/routes", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$[0].routeId")).isEqualTo("catalog");
        assertThat(JsonPath.<String>read(response.body(), "$[0].mode")).isEqualTo("CANARY");
        assertThat(JsonPath.<Integer>read(response.body(), "$[0].traffic.legacy")).isEqualTo(300);
        assertThat(JsonPath.<Integer>read(response.body(), "$[0].traffic.new")).isEqualTo(100);
        assertThat(JsonPath.<Double>read(response.body(), "$[0].traffic.newShare")).isEqualTo(0.25);
    }

    @Test
    void shouldShowRoutesWithoutTrafficWhenTheGatewayIsDown() {
        peers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/admin/routes/.*/comparison"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> response = apiGet("/api/routes", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$[0].mode")).isEqualTo("CANARY");
        assertThat(JsonPath.<String>read(response.body(), "$[0].traffic.error")).contains("gateway");
    }

    @Test
    void shouldShiftARouteThroughTheFlagServiceWithTheVersionSeenAndTheOperatorInTheReason() {
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).willReturn(okJson("""
                {"routeId":"catalog","mode":"CANARY","percent":50,"version":8,"killSwitch":false,
                 "updatedAt":"2026-11-28T10:05:00Z","updatedBy":"operator"}""")));

        HttpResponse<String> response = apiPut("/api/routes/catalog", "application/json", CANARY_50, OPERATOR,
                OPERATOR_PASSWORD, "If-Match", "\"7\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(response.body(), "$.version")).isEqualTo(8);
        peers.verify(putRequestedFor(urlPathEqualTo("/api/routes/catalog"))
                .withHeader("If-Match", equalTo("\"7\""))
                .withHeader("Authorization", equalTo(basic("operator", "flags-operator-secret")))
                .withRequestBody(equalToJson("""
                        {"mode":"CANARY","percent":50,"killSwitch":false,
                         "reason":"judge passed at 25 % (console: olivia)"}""")));
    }

    @Test
    void shouldRelayAConflictReportedByTheFlagService() {
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).willReturn(problem(409, """
                {"type":"/problems/stale-version","title":"Stale version","status":409,
                 "detail":"route catalog is at version 9, not 7","currentVersion":9}""")));

        HttpResponse<String> response = apiPut("/api/routes/catalog", "application/json", CANARY_50, OPERATOR,
                OPERATOR_PASSWORD, "If-Match", "\"7\"");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/stale-version");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("version 9");
        assertThat(JsonPath.<Integer>read(response.body(), "$.currentVersion")).isEqualTo(9);
    }

    @Test
    void shouldReportAFlagServiceThatDoesNotAnswer() {
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> response = apiPut("/api/routes/catalog", "application/json", CANARY_50, OPERATOR,
                OPERATOR_PASSWORD, "If-Match", "\"7\"");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/peer-unavailable");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("flag-service");
    }

    @Test
    void shouldRefuseAChangeWithoutIfMatch() {
        assertRefused(apiPut("/api/routes/catalog", "application/json", CANARY_50, OPERATOR, OPERATOR_PASSWORD),
                428, "precondition-required");
    }

    @Test
    void shouldRefuseAMalformedIfMatch() {
        assertRefused(apiPut("/api/routes/catalog", "application/json", CANARY_50, OPERATOR, OPERATOR_PASSWORD,
                "If-Match", "W/\"7\""), 400, "validation-failed");
    }

    @Test
    void shouldRefuseAnInvalidSettingNamingEveryField() {
        HttpResponse<String> response = apiPut("/api/routes/catalog", "application/json",
                "{\"mode\":\"HALF\",\"percent\":100.001,\"reason\":\" \"}", OPERATOR, OPERATOR_PASSWORD, "If-Match", "\"7\"");

        assertRefused(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
                .containsExactly("mode", "percent", "reason");
    }

    @Test
    void shouldRefuseACanaryWithoutPercent() {
        HttpResponse<String> response = apiPut("/api/routes/catalog", "application/json",
                "{\"mode\":\"CANARY\",\"reason\":\"why not\"}", OPERATOR, OPERATOR_PASSWORD, "If-Match", "\"7\"");

        assertRefused(response, 400, "validation-failed");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactly("percent");
    }

    @Test
    void shouldRefuseUnknownPropertiesAndWrongTypes() {
        assertRefused(apiPut("/api/routes/catalog", "application/json", "{\"mode\":\"NEW\",\"reason\":\"x\",\"force\":true}",
                OPERATOR, OPERATOR_PASSWORD, "If-Match", "\"7\""), 400, "malformed-request");
        assertRefused(apiPut("/api/routes/catalog", "application/json", "{\"mode\":\"NEW\",\"percent\":\"half\",\"reason\":\"x\"}",
                OPERATOR, OPERATOR_PASSWORD, "If-Match", "\"7\""), 400, "malformed-request");
        assertRefused(apiPut("/api/routes/catalog", "application/json", "{\"mode\":", OPERATOR, OPERATOR_PASSWORD,
                "If-Match", "\"7\""), 400, "malformed-request");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        assertRefused(apiPut("/api/routes/catalog", "application/x-www-form-urlencoded", "mode=NEW&reason=x", OPERATOR,
                OPERATOR_PASSWORD, "If-Match", "\"7\""), 415, "unsupported-media-type");
    }

    @Test
    void shouldRefuseARouteIdThatCannotExist() {
        assertRefused(apiPut("/api/routes/Catalog%20X", "application/json", CANARY_50, OPERATOR, OPERATOR_PASSWORD,
                "If-Match", "\"7\""), 400, "validation-failed");
    }

    @Test
    void shouldRefuseChangesByAViewerAndAnonymousCallers() {
        assertRefused(apiPut("/api/routes/catalog", "application/json", CANARY_50, VIEWER, VIEWER_PASSWORD,
                "If-Match", "\"7\""), 403, "forbidden");
        HttpResponse<String> anonymous = apiPut("/api/routes/catalog", "application/json", CANARY_50, null, null,
                "If-Match", "\"7\"");
        assertRefused(anonymous, 401, "unauthorized");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertRefused(apiGet("/api/routes", VIEWER, "wrong"), 401, "unauthorized");
        peers.verify(0, putRequestedFor(urlPathEqualTo("/api/routes/catalog")));
    }

    static void assertRefused(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/" + slug);
    }
}
