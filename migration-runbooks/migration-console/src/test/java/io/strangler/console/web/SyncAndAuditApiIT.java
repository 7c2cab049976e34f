package io.strangler.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.strangler.console.ConsoleITBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SyncAndAuditApiIT extends ConsoleITBase {

    @Test
    void shouldShowSyncStatusAndParityTogether() {
        HttpResponse<String> response = apiGet("/api/sync", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Double>read(response.body(), "$.status.tables[0].lagP99Ms")).isEqualTo(48.9);
        assertThat(JsonPath.<Integer>read(response.body(), "$.status.tables[0].counts.dead_letter")).isEqualTo(2);
        assertThat(JsonPath.<Double>read(response.body(), "$.parity.products.parityPercent")).isEqualTo(100.0);
    }

    @Test
    void shouldReportCdcSyncAnsweringWithAnError() {
        peers.stubFor(get(urlPathEqualTo("/api/status")).willReturn(aResponse().withStatus(500)));

        HttpResponse<String> response = apiGet("/api/sync", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("/problems/peer-failed");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("cdc-sync");
    }

    @Test
    void shouldPassTheAuditFilterToTheFlagService() {
        HttpResponse<String> response = apiGet("/api/audit?route=catalog&limit=5", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$[0].reason")).isEqualTo("first quarter of customers");
        peers.verify(getRequestedFor(urlPathEqualTo("/api/audit")).withQueryParam("route", equalTo("catalog"))
                .withQueryParam("limit", equalTo("5")));
    }

    @Test
    void shouldRefuseAnAuditLimitOutOfRangeOrNotANumber() {
        assertThat(apiGet("/api/audit?limit=0", VIEWER, VIEWER_PASSWORD).statusCode()).isEqualTo(400);
        assertThat(apiGet("/api/audit?limit=1001", VIEWER, VIEWER_PASSWORD).statusCode()).isEqualTo(400);
        HttpResponse<String> notANumber = apiGet("/api/audit?limit=many", VIEWER, VIEWER_PASSWORD);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(notANumber.body(), "$.type")).isEqualTo("/problems/malformed-request");
    }

    @Test
    void shouldRefuseAnAuditRouteFilterThatCannotBeARoute() {
        HttpResponse<String> response = apiGet("/api/audit?route=..%2Fadmin", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("route");
    }
}
