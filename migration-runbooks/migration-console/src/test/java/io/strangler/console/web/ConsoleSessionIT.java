package io.strangler.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.strangler.console.ConsoleITBase;
import io.strangler.flags.accounts.test.FormLoginSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The page's own JSON API: a session from the login form, and a CSRF token on every change. */
class ConsoleSessionIT extends ConsoleITBase {

    private static final String NEW = "{\"mode\":\"NEW\",\"reason\":\"soak passed\"}";

    @Test
    void shouldSendAnonymousVisitorsToTheLoginForm() {
        HttpResponse<String> page = session().get("/");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session().get("/api/routes").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAcceptAnOperatorsChangeOnlyWithTheCsrfToken() {
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).willReturn(okJson(
                "{\"routeId\":\"catalog\",\"mode\":\"NEW\",\"percent\":0,\"version\":8,\"killSwitch\":false}")));
        FormLoginSession session = session().login(OPERATOR, OPERATOR_PASSWORD);

        HttpResponse<String> forged = session.putJson("/api/routes/catalog", NEW, "If-Match", "\"7\"");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(forged.body(), "$.detail")).contains("CSRF");
        peers.verify(0, putRequestedFor(urlPathEqualTo("/api/routes/catalog")));

        HttpResponse<String> accepted = session.putJson("/api/routes/catalog", NEW, "If-Match", "\"7\"",
                "X-CSRF-TOKEN", session.pageCsrfToken("/"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        peers.verify(1, putRequestedFor(urlPathEqualTo("/api/routes/catalog")));
    }

    @Test
    void shouldRefuseAViewersChangeEvenWithTheCsrfToken() {
        FormLoginSession session = session().login(VIEWER, VIEWER_PASSWORD);
        assertThat(session.get("/").body()).doesNotContain("data-operator=\"true\"");

        HttpResponse<String> refused = session.putJson("/api/routes/catalog", NEW, "If-Match", "\"7\"",
                "X-CSRF-TOKEN", session.pageCsrfToken("/"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("OPERATOR");
    }

    @Test
    void shouldServeTheChartLibraryFromItsWebJar() {
        HttpResponse<String> script = session().get("/webjars/uplot/dist/uPlot.iife.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("uPlot");
    }

    /** A session that asks for pages first, as a browser does. */
    private FormLoginSession session() {
        return new FormLoginSession(port, "text/html,application/json;q=0.9");
    }
}
