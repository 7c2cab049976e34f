package io.strangler.runbook.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.runbook.Peers;
import io.strangler.runbook.RunbookITBase;
import io.strangler.runbook.RunbookTestApplication;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs through the REST API: to NEW with an approval, and a failing gate that rolls back by itself. */
class RunbookRunsIT extends RunbookITBase {

    private static final String CUTOVER = """
            name: catalog-test
            capabilities:
              - name: catalog
                steps:
                  - id: health
                    kind: check-health
                    services: [catalog-service]
                  - id: parity
                    kind: check-parity
                    table: products
                  - id: lag
                    kind: check-cdc-lag
                    maxLagMillis: 500
                  - id: shadow
                    kind: set-route
                    route: catalog
                    mode: SHADOW
                    percent: 100
                  - id: shadow-gate
                    kind: gate-shadow
                    route: catalog
                    maxMismatchRate: 0.01
                    minCompared: 100
                  - id: canary
                    kind: set-route
                    route: catalog
                    mode: CANARY
                    percent: 5
                  - id: judge
                    kind: gate-canary
                    route: catalog
                    minSamples: 50
                  - id: go-new
                    kind: approval
                    role: OPERATOR
                    prompt: all good, go NEW?
                  - id: new
                    kind: set-route
                    route: catalog
                    mode: NEW
                  - id: owner
                    kind: set-ownership
                    table: products
                    owner: NEW
                rollback:
                  - id: back
                    kind: set-route
                    route: catalog
                    mode: LEGACY
            """;

    @BeforeEach
    void landscape() {
        Peers.healthyLandscape();
        Peers.route("catalog", "LEGACY");
    }

    @Test
    void shouldRunToNewAfterAnApprovalRecordingEvidence() {
        Peers.comparison("catalog", 200, 1.0, 400, 1);
        String id = startRun("catalog-test.yaml", CUTOVER).body().path("id").asString();

        JsonNode waiting = awaitCurrentStep(id, "go-new", "WAITING");
        assertThat(waiting.path("state").asString()).isEqualTo("RUNNING");
        Answer approved = post("/api/runs/" + id + "/approvals", RunbookTestApplication.OPERATOR,
                Map.of("decision", "APPROVE", "reason", "dashboards look fine"));
        assertThat(approved.status()).isEqualTo(200);

        JsonNode done = awaitState(id, "SUCCEEDED");
        assertThat(done.path("steps")).extracting(s -> s.path("stepId").asString() + ":" + s.path("state").asString())
                .containsExactly("health:SUCCEEDED", "parity:SUCCEEDED", "lag:SUCCEEDED", "shadow:SUCCEEDED",
                        "shadow-gate:SUCCEEDED", "canary:SUCCEEDED", "judge:SUCCEEDED", "go-new:SUCCEEDED",
                        "new:SUCCEEDED", "owner:SUCCEEDED");
        JsonNode judge = step(done, "judge");
        assertThat(judge.path("evidence").path("verdict").asString()).isEqualTo("PASS");
        assertThat(judge.path("evidence").path("judgement").path("latencyPValue").isNumber()).isTrue();
        assertThat(step(done, "parity").path("evidence").path("parityPercent").asDouble()).isEqualTo(100.0);
        assertThat(step(done, "shadow-gate").path("evidence").path("compared").asLong()).isEqualTo(401);
        assertThat(step(done, "go-new").path("evidence").path("actor").asString()).isEqualTo(RunbookTestApplication.OPERATOR);
        Peers.SERVER.verify(1, putRequestedFor(urlPathEqualTo("/api/routes/catalog"))
                .withHeader("If-Match", equalTo("\"" + Peers.version("CANARY") + "\"")).withRequestBody(matchingJsonPath("$.mode", equalTo("NEW"))));
        Peers.SERVER.verify(1, putRequestedFor(urlPathEqualTo("/api/ownership/products"))
                .withRequestBody(matchingJsonPath("$.owner", equalTo("NEW"))));
    }

    @Test
    void shouldRollBackByItselfWhenTheJudgeFailsTheCanary() {
        Peers.comparison("catalog", 200, 1.5, 400, 0);
        String id = startRun("catalog-test.yaml", CUTOVER).body().path("id").asString();

        JsonNode rolledBack = awaitState(id, "ROLLED_BACK");
        assertThat(rolledBack.path("failure").asString()).startsWith("step judge failed: judge FAIL");
        assertThat(step(rolledBack, "judge").path("evidence").path("verdict").asString()).isEqualTo("FAIL");
        assertThat(rolledBack.path("steps")).anySatisfy(s -> {
            assertThat(s.path("phase").asString()).isEqualTo("ROLLBACK");
            assertThat(s.path("stepId").asString()).isEqualTo("back");
            assertThat(s.path("state").asString()).isEqualTo("SUCCEEDED");
        });
        Peers.SERVER.verify(1, putRequestedFor(urlPathEqualTo("/api/routes/catalog"))
                .withRequestBody(matchingJsonPath("$.mode", equalTo("LEGACY"))));
        Peers.SERVER.verify(0, putRequestedFor(urlPathEqualTo("/api/routes/catalog"))
                .withRequestBody(matchingJsonPath("$.mode", equalTo("NEW"))));
    }

    @Test
    void shouldRollBackWhenAnApprovalIsRejected() {
        Peers.comparison("catalog", 200, 1.0, 400, 0);
        String id = startRun("catalog-test.yaml", CUTOVER).body().path("id").asString();
        awaitCurrentStep(id, "go-new", "WAITING");

        post("/api/runs/" + id + "/approvals", RunbookTestApplication.OPERATOR,
                Map.of("decision", "REJECT", "reason", "p99 looks odd"));

        assertThat(awaitState(id, "ROLLED_BACK").path("failure").asString()).contains("rejected by olivia: p99 looks odd");
    }

    @Test
    void shouldRollBackOnAbortAndEstimateTimeToDecisionWhileAGateWaits() {
        Peers.comparison("catalog", 200, 1.0, 30, 0);
        String id = startRun("catalog-test.yaml", CUTOVER).body().path("id").asString();
        JsonNode waiting = awaitCurrentStep(id, "shadow-gate", "WAITING");
        JsonNode evidence = waiting.path("current").path("evidence");
        assertThat(evidence.path("compared").asLong()).isEqualTo(30);
        assertThat(evidence.path("samplesPerSecond").asDouble()).isPositive();
        assertThat(evidence.path("estimatedDecisionAt").isString()).isTrue();

        Answer aborted = post("/api/runs/" + id + "/abort", RunbookTestApplication.OPERATOR, Map.of("reason", "stop"));
        assertThat(aborted.status()).isEqualTo(200);

        JsonNode rolledBack = awaitState(id, "ROLLED_BACK");
        assertThat(rolledBack.path("failure").asString()).isEqualTo("aborted by olivia: stop");
        assertThat(step(rolledBack, "shadow-gate").path("state").asString()).isEqualTo("FAILED");
    }

    private JsonNode awaitCurrentStep(String id, String stepId, String state) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen[0] = run(id);
            assertThat(seen[0].path("current").path("stepId").asString()).isEqualTo(stepId);
            assertThat(seen[0].path("current").path("state").asString()).isEqualTo(state);
        });
        return seen[0];
    }

    private JsonNode awaitState(String id, String state) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen[0] = run(id);
            assertThat(seen[0].path("state").asString()).isEqualTo(state);
        });
        return seen[0];
    }

    private static JsonNode step(JsonNode run, String stepId) {
        for (JsonNode step : run.path("steps")) {
            if (step.path("stepId").asString().equals(stepId) && step.path("phase").asString().equals("FORWARD")) {
                return step;
            }
        }
        throw new AssertionError("no step " + stepId + " in " + run);
    }
}
