package io.strangler.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.OwnershipListener;
import io.strangler.cdc.ownership.TableOwnership;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ApiIT extends SyncIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    TableOwnership ownership;

    @AfterEach
    void handTheTableBackToLegacy() {
        ownership.change("products", Ownership.LEGACY);
    }

    @Test
    void operatorSwitchesTheOwnershipOfATable() throws Exception {
        HttpResponse<String> response = put("/api/ownership/products", "{\"owner\":\"SHARED\"}", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ownership.owner("products")).contains(Ownership.SHARED);
        assertThat(get("/api/ownership").body()).contains("\"products\":\"SHARED\"");
    }

    @Test
    void answersUnavailableAndKeepsTheOwnerWhenACaptureCannotStreamWhatTheNewOwnerNeeds() throws Exception {
        OwnershipListener notReady = new OwnershipListener() {
            @Override
            public void beforeChange(Map<String, Ownership> current, Map<String, Ownership> next) {
                throw new IllegalStateException("The capture of catalog did not stream [public.product]");
            }

            @Override
            public void afterChange(Map<String, Ownership> owners) {
            }
        };
        ownership.addListener(notReady);
        try {
            HttpResponse<String> response = put("/api/ownership/products", "{\"owner\":\"SHARED\"}", true);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).contains("/problems/ownership-not-changed")
                    .contains("stays LEGACY").contains("did not stream [public.product]");
            assertThat(ownership.owner("products")).contains(Ownership.LEGACY);
        } finally {
            ownership.removeListener(notReady);
        }
    }

    @Test
    void statusNamesTheTablesEachCaptureStreams() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/status").body())
                .contains("\"catalog\":{\"state\":\"RUNNING\",\"tables\":[]")
                .contains("\"tables\":[\"public.categories\",\"public.products\""));
    }

    @Test
    void refusesAnOwnershipChangeWithoutCredentials() throws Exception {
        HttpResponse<String> response = put("/api/ownership/products", "{\"owner\":\"NEW\"}", false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ownership.owner("products")).contains(Ownership.LEGACY);
    }

    @Test
    void refusesAnUnknownOwnerWithAProblem() throws Exception {
        HttpResponse<String> response = put("/api/ownership/products", "{\"owner\":\"BOTH\"}", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("/problems/invalid-ownership");
        assertThat(ownership.owner("products")).contains(Ownership.LEGACY);
    }

    @Test
    void refusesMalformedJsonWithAProblem() throws Exception {
        HttpResponse<String> response = put("/api/ownership/products", "{\"owner\":", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("/problems/malformed-request");
    }

    @Test
    void answersAnUnknownTableWithNotFound() throws Exception {
        HttpResponse<String> response = put("/api/ownership/payments", "{\"owner\":\"NEW\"}", true);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/problems/unknown-table");
    }

    @Test
    void statusShowsCapturesAppliersAndLagPerTableAndDirection() {
        SyncDatabases.sql(LEGACY, "UPDATE products SET prod_desc = 'lag probe', last_upd = now() WHERE prod_id = 9");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String status = get("/api/status").body();
            assertThat(status).contains("\"legacy\":{\"state\":\"RUNNING\"", "\"catalog\":{\"state\":\"RUNNING\"")
                    .contains("\"direction\":\"LEGACY_TO_NEW\"").contains("lagP99Ms");
            assertThat(get("/actuator/prometheus").body())
                    .contains("cdc_apply_lag_seconds_bucket{direction=\"legacy_to_new\",table=\"products\"");
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
