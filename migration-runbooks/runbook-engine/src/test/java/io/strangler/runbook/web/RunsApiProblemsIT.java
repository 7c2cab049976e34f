package io.strangler.runbook.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.runbook.Peers;
import io.strangler.runbook.RunbookITBase;
import io.strangler.runbook.RunbookTestApplication;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets an RFC 9457 problem and changes nothing; the shipped runbooks are listed. */
class RunsApiProblemsIT extends RunbookITBase {

    private static final String WAITING = """
            name: waits
            capabilities:
              - name: catalog
                steps:
                  - id: release
                    kind: approval
                    role: RELEASE_MANAGER
                    prompt: release?
            """;

    @BeforeEach
    void landscape() {
        Peers.healthyLandscape();
        Peers.route("catalog", "LEGACY");
    }

    @Test
    void shouldListTheShippedRunbooksValidated() {
        JsonNode runbooks = get("/api/runbooks", RunbookTestApplication.VIEWER).body();

        assertThat(runbooks).extracting(r -> r.path("file").asString())
                .contains("catalog.yaml", "orders.yaml", "retire-catalog.yaml");
        assertThat(runbooks).allSatisfy(r -> assertThat(r.path("errors").isEmpty()).isTrue());
    }

    @Test
    void shouldRefuseAnInvalidRunbookWithItsErrorsAndStartNothing() {
        int before = get("/api/runs", RunbookTestApplication.VIEWER).body().size();

        Answer refused = startRun("bad.yaml", WAITING.replace("kind: approval", "kind: aproval"));

        assertProblem(refused, 400, "/problems/invalid-runbook");
        JsonNode error = refused.body().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(6);
        assertThat(error.path("path").asString()).isEqualTo("$.capabilities[0].steps[0].kind");
        assertThat(error.path("message").asString()).contains("approval");
        assertThat(get("/api/runs", RunbookTestApplication.VIEWER).body().size()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAStartRequestWithoutARunbook() {
        assertProblem(post("/api/runs", RunbookTestApplication.OPERATOR, Map.of()), 400, "/problems/validation-failed");
        assertProblem(post("/api/runs", RunbookTestApplication.OPERATOR, Map.of("runbook", "../pom.xml")), 400,
                "/problems/validation-failed");
        assertProblem(post("/api/runs", RunbookTestApplication.OPERATOR, Map.of("runbook", "missing.yaml")), 400,
                "/problems/validation-failed");
        assertProblem(post("/api/runs", RunbookTestApplication.OPERATOR, "{not json"), 400, "/problems/malformed-request");
    }

    @Test
    void shouldRefuseARunbookNamingAServiceWithoutHealthUrl() {
        String yaml = WAITING.replace("""
                      - id: release
                        kind: approval
                        role: RELEASE_MANAGER
                        prompt: release?
                """, """
                      - id: health
                        kind: check-health
                        services: [mainframe]
                """);
        Answer refused = startRun("health.yaml", yaml);
        assertProblem(refused, 400, "/problems/validation-failed");
        assertThat(refused.body().path("detail").asString()).contains("mainframe");
    }

    @Test
    void shouldRefuseDecisionsThatDoNotFit() {
        String id = startRun("waits.yaml", WAITING).body().path("id").asString();
        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(run(id).path("current").path("state").asString()).isEqualTo("WAITING"));

        assertProblem(post("/api/runs/" + id + "/approvals", RunbookTestApplication.OPERATOR,
                Map.of("decision", "APPROVE", "reason", "me")), 403, "/problems/forbidden");
        assertProblem(post("/api/runs/" + id + "/approvals", RunbookTestApplication.OPERATOR,
                Map.of("decision", "MAYBE", "reason", "x")), 400, "/problems/validation-failed");
        assertProblem(post("/api/runs/" + id + "/approvals", RunbookTestApplication.OPERATOR,
                Map.of("decision", "APPROVE")), 400, "/problems/validation-failed");
        assertProblem(post("/api/runs/" + UUID.randomUUID() + "/approvals", RunbookTestApplication.OPERATOR,
                Map.of("decision", "APPROVE", "reason", "x")), 404, "/problems/not-found");
        assertProblem(post("/api/runs/not-a-uuid/abort", RunbookTestApplication.OPERATOR, Map.of("reason", "x")), 400,
                "/problems/malformed-request");
        assertThat(post("/api/runs/" + id + "/abort", RunbookTestApplication.VIEWER, Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(run(id).path("state").asString()).isEqualTo("RUNNING");

        assertThat(post("/api/runs/" + id + "/abort", RunbookTestApplication.OPERATOR, Map.of("reason", "x")).status())
                .isEqualTo(200);
        assertProblem(post("/api/runs/" + id + "/abort", RunbookTestApplication.OPERATOR, Map.of("reason", "again")),
                409, "/problems/run-conflict");
    }

    @Test
    void shouldAnswerNotModifiedWhileARunDoesNotChange() {
        String id = startRun("waits.yaml", WAITING).body().path("id").asString();
        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(run(id).path("current").path("state").asString()).isEqualTo("WAITING"));
        long version = run(id).path("version").asLong();

        Answer unchanged = send("/api/runs/" + id, "\"" + version + "\"");

        assertThat(unchanged.status()).isEqualTo(304);
    }

    @Test
    void shouldStreamTheRunAsServerSentEvents() throws Exception {
        String id = startRun("waits.yaml", WAITING).body().path("id").asString();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/runs/" + id + "/events"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (RunbookTestApplication.VIEWER + ":" + RunbookTestApplication.PASSWORD).getBytes()))
                .header("Accept", "text/event-stream").GET().build();

        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = stream.body()) {
            // bounded: a stream that never sends must fail the test, not hang the build
            String data = java.util.concurrent.CompletableFuture.supplyAsync(() -> lines
                    .filter(line -> line.startsWith("data:")).findFirst().orElseThrow())
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(data.substring("data:".length())).path("id").asString()).isEqualTo(id);
        }
        post("/api/runs/" + id + "/abort", RunbookTestApplication.OPERATOR, Map.of("reason", "done"));
    }

    private Answer send(String path, String ifNoneMatch) {
        return getWithHeader(path, RunbookTestApplication.VIEWER, "If-None-Match", ifNoneMatch);
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asString()).isEqualTo(type);
    }
}
