package io.strangler.flags.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.flags.accounts.test.FormLoginSession;
import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.FlagServiceITBase;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConsoleIT extends FlagServiceITBase {

    @Test
    void shouldSendAnAnonymousVisitorToTheLoginPage() {
        HttpResponse<String> response = new FormLoginSession(port).get("/console");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void shouldChangeARouteFromTheConsoleAndAuditItAsAConsoleChange() {
        FormLoginSession session = new FormLoginSession(port).login(OPERATOR, OPERATOR_PASSWORD);
        RouteState before = route("orders");

        HttpResponse<String> response = session.post("/console/routes/orders",
                form(before, "NEW", "0", "soak passed", session.csrfToken("/console")));

        assertThat(response.statusCode()).isEqualTo(302);
        RouteState after = route("orders");
        assertThat(after.mode()).isEqualTo(RouteMode.NEW);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        JsonNode entry = json.readTree(get("/api/audit?route=orders&limit=1", VIEWER, VIEWER_PASSWORD).body()).get(0);
        assertThat(entry.get("channel").asString()).isEqualTo("CONSOLE");
        assertThat(entry.get("actor").asString()).isEqualTo(OPERATOR);
        assertThat(entry.get("reason").asString()).isEqualTo("soak passed");
    }

    @Test
    void shouldRejectAConsolePostWithoutCsrfTokenAndChangeNothing() {
        FormLoginSession session = new FormLoginSession(port).login(OPERATOR, OPERATOR_PASSWORD);
        RouteState before = route("orders");

        Map<String, String> form = form(before, "SHADOW", "50", "forged", null);
        HttpResponse<String> response = session.post("/console/routes/orders", form);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(route("orders")).isEqualTo(before);
    }

    @Test
    void shouldShowAViewerTheRoutesWithoutChangeControls() {
        FormLoginSession session = new FormLoginSession(port).login(VIEWER, VIEWER_PASSWORD);

        HttpResponse<String> page = session.get("/console");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-route=\"catalog\"").contains("(read only)").doesNotContain("data-testid=\"change-form\"");
        RouteState before = route("orders");
        HttpResponse<String> post = session.post("/console/routes/orders",
                form(before, "NEW", "0", "viewer tries", session.csrfToken("/console")));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(route("orders")).isEqualTo(before);
    }

    @Test
    void shouldReportAStaleConsoleFormInsteadOfOverwritingANewerChange() {
        FormLoginSession session = new FormLoginSession(port).login(OPERATOR, OPERATOR_PASSWORD);
        RouteState seen = route("payments");
        change("payments", "{\"mode\":\"SHADOW\",\"percent\":1,\"reason\":\"someone else first\"}");

        HttpResponse<String> response = session.post("/console/routes/payments",
                form(seen, "NEW", "0", "based on an old page", session.csrfToken("/console")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(route("payments").mode()).isEqualTo(RouteMode.SHADOW);
        assertThat(session.get("/console").body()).contains("not changed").contains("reload it and retry");
    }

    @Test
    void shouldKeepTheTogglzConsoleForOperatorsOnly() {
        assertThat(new FormLoginSession(port).get("/togglz-console/index").statusCode()).isEqualTo(302);
        assertThat(new FormLoginSession(port).login(VIEWER, VIEWER_PASSWORD).get("/togglz-console/index").statusCode())
                .isEqualTo(403);
        HttpResponse<String> page = new FormLoginSession(port).login(OPERATOR, OPERATOR_PASSWORD).get("/togglz-console/index");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("catalog").contains("Route mode");
    }

    private static Map<String, String> form(RouteState base, String mode, String percent, String reason, String csrf) {
        Map<String, String> form = new HashMap<>(Map.of("mode", mode, "percent", percent, "reason", reason,
                "version", Long.toString(base.version())));
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        return form;
    }
}
