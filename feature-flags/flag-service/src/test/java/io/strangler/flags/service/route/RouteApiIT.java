package io.strangler.flags.service.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.FlagServiceITBase;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

class RouteApiIT extends FlagServiceITBase {

    @Test
    void shouldListEveryDeclaredRouteToAViewer() {
        HttpResponse<String> response = get("/api/routes", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        List<RouteState> routes = json.readValue(response.body(), new TypeReference<>() {
        });
        assertThat(routes).extracting(RouteState::routeId).containsExactly("catalog", "orders", "customers", "payments");
    }

    @Test
    void shouldServeARouteWithItsVersionAsETag() {
        HttpResponse<String> response = get("/api/routes/customers", VIEWER, VIEWER_PASSWORD);

        RouteState state = json.readValue(response.body(), RouteState.class);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + state.version() + "\"");
    }

    @Test
    void shouldAnswerNotModifiedWhenTheClientHoldsTheCurrentVersion() {
        RouteState state = route("customers");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/routes/customers"))
                .header("Authorization", basic(VIEWER, VIEWER_PASSWORD))
                .header("If-None-Match", "\"" + state.version() + "\"").build());

        assertThat(response.statusCode()).isEqualTo(304);
    }

    @Test
    void shouldChangeARouteBasedOnItsCurrentVersionAndAuditIt() {
        RouteState before = route("orders");

        HttpResponse<String> response = change("orders", """
                {"mode":"CANARY","percent":12.5,"reason":"first customers on the new orders service"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        RouteState after = json.readValue(response.body(), RouteState.class);
        assertThat(after.mode()).isEqualTo(RouteMode.CANARY);
        assertThat(after.percent()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(after.percentBuckets()).isEqualTo(1250);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedBy()).isEqualTo(OPERATOR);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + after.version() + "\"");
        assertThat(route("orders")).isEqualTo(after);

        JsonNode entry = json.readTree(get("/api/audit?route=orders&limit=1", VIEWER, VIEWER_PASSWORD).body()).get(0);
        assertThat(entry.get("actor").asString()).isEqualTo(OPERATOR);
        assertThat(entry.get("channel").asString()).isEqualTo("API");
        assertThat(entry.get("reason").asString()).isEqualTo("first customers on the new orders service");
        assertThat(entry.get("before").get("version").asLong()).isEqualTo(before.version());
        assertThat(entry.get("before").get("mode").asString()).isEqualTo(before.mode().name());
        assertThat(entry.get("after").get("mode").asString()).isEqualTo("CANARY");
        assertThat(entry.get("after").get("percent").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(entry.get("after").get("version").asLong()).isEqualTo(after.version());
    }

    @Test
    void shouldForceLegacyWhileTheKillSwitchIsEngaged() {
        HttpResponse<String> response = change("payments", """
                {"mode":"NEW","killSwitch":true,"reason":"new payments double-charge: back to legacy now"}""");

        RouteState state = json.readValue(response.body(), RouteState.class);
        assertThat(state.mode()).isEqualTo(RouteMode.NEW);
        assertThat(state.killSwitch()).isTrue();
        assertThat(state.effectiveMode()).isEqualTo(RouteMode.LEGACY);
    }
}
