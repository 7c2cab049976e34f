package io.strangler.flags.service.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.FlagServiceITBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One test per class of bad input; each checks the problem details and that nothing changed. */
class RouteApiBadInputIT extends FlagServiceITBase {

    private static final String ROUTE = "/api/routes/customers";
    private static final String VALID = """
            {"mode":"SHADOW","percent":10,"reason":"dark launch"}""";

    private RouteState before;

    @BeforeEach
    void rememberTheRoute() {
        before = route("customers");
    }

    @Test
    void shouldRejectMalformedJson() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), "{\"mode\":\"SHADOW\",", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "malformed-request", "not valid JSON");
    }

    @Test
    void shouldRejectAFieldOfTheWrongType() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), """
                {"mode":"SHADOW","percent":"ten","reason":"dark launch"}""", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "malformed-request", "'percent' has the wrong type: expected a number");
    }

    @Test
    void shouldRejectAnUnknownProperty() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), """
                {"mode":"SHADOW","percent":10,"reason":"dark launch","color":"red"}""", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "malformed-request", "Unknown property 'color'");
    }

    @Test
    void shouldAnswerNotFoundForAnUndeclaredRoute() {
        HttpResponse<String> response = put("/api/routes/nope", "\"0\"", VALID, OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 404, "not-found", "No route 'nope'; declared routes: catalog, orders, customers, payments");
        assertThat(get("/api/routes/nope", VIEWER, VIEWER_PASSWORD).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRejectAPercentOutsideZeroToHundred() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), """
                {"mode":"CANARY","percent":100.5,"reason":"too much"}""", OPERATOR, OPERATOR_PASSWORD);

        JsonNode problem = assertProblem(response, 400, "validation-failed", "percent: must be between 0 and 100");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("percent");
    }

    @Test
    void shouldRejectAPercentWithMoreThanTwoDecimals() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), """
                {"mode":"CANARY","percent":0.125,"reason":"too fine"}""", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "validation-failed", "at most two decimals");
    }

    @Test
    void shouldRejectAnUnknownMode() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), """
                {"mode":"BLUE_GREEN","reason":"why not"}""", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "validation-failed", "unknown mode 'BLUE_GREEN'; accepted: [LEGACY, SHADOW, CANARY, NEW]");
    }

    @Test
    void shouldRejectAChangeWithoutAReason() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), """
                {"mode":"NEW","reason":"   "}""", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "validation-failed", "reason: is required");
    }

    @Test
    void shouldRejectAStaleIfMatchWithConflict() {
        HttpResponse<String> response = put(ROUTE, "\"" + (before.version() + 7) + "\"", VALID, OPERATOR, OPERATOR_PASSWORD);

        JsonNode problem = assertProblem(response, 409, "stale-version", "is at version " + before.version());
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(before.version());
    }

    @Test
    void shouldRequireIfMatch() {
        HttpResponse<String> response = put(ROUTE, null, VALID, OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 428, "precondition-required", "requires If-Match");
    }

    @Test
    void shouldRejectAnIfMatchThatIsNotAnETag() {
        HttpResponse<String> response = put(ROUTE, "*", VALID, OPERATOR, OPERATOR_PASSWORD);

        assertProblem(response, 400, "malformed-request", "exactly one strong ETag");
    }

    @Test
    void shouldRejectABodyThatIsNotJson() {
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri(ROUTE))
                .header("Content-Type", "text/plain").header("If-Match", ifMatch())
                .header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("mode=NEW")).build());

        assertProblem(response, 415, "unsupported-media-type", "");
    }

    @Test
    void shouldAnswerUnauthorizedWithoutCredentials() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), VALID, null, null);

        assertProblem(response, 401, "unauthorized", "HTTP Basic");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"flag-service\"");
        assertThat(get("/api/routes", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerUnauthorizedForAWrongPassword() {
        HttpResponse<String> response = get("/api/routes", OPERATOR, "guess");

        assertProblem(response, 401, "unauthorized", "");
    }

    @Test
    void shouldForbidAViewerToChangeARoute() {
        HttpResponse<String> response = put(ROUTE, ifMatch(), VALID, VIEWER, VIEWER_PASSWORD);

        assertProblem(response, 403, "forbidden", "'victor' may not PUT");
    }

    @Test
    void shouldRejectAnAuditQueryWithAMalformedInstant() {
        HttpResponse<String> response = get("/api/audit?from=yesterday", VIEWER, VIEWER_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private String ifMatch() {
        return "\"" + before.version() + "\"";
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String slug, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detail);
        assertThat(route("customers")).as("a rejected request changes nothing").isEqualTo(before);
        return problem;
    }
}
