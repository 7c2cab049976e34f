package io.strangler.demo.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final StringWriter text = new StringWriter();
    private final RunProgress progress = new RunProgress(new PrintWriter(text));

    @Test
    void shouldPrintAStepOnceWhenItCompletesAndAgainOnlyWhenItChanges() {
        String waiting = run("RUNNING", step("WAITING", "12/200 compared pairs"));
        progress.update(ConsoleClient.JSON.readTree(waiting));
        progress.update(ConsoleClient.JSON.readTree(waiting));
        boolean done = progress.update(ConsoleClient.JSON.readTree(run("SUCCEEDED", step("SUCCEEDED", "0 of 200 differ"))));

        assertThat(done).isTrue();
        assertThat(text.toString().lines()).containsExactly(
                ".. [catalog] shadow-gate: gate: shadow -- 12/200 compared pairs",
                "ok [catalog] shadow-gate: gate: shadow -- 0 of 200 differ",
                "== run r1 SUCCEEDED");
    }

    private static String step(String state, String outcome) {
        return """
                {"phase":"FORWARD","index":4,"capability":"catalog","stepId":"shadow-gate","summary":"gate: shadow",
                 "state":"%s","outcome":"%s"}""".formatted(state, outcome);
    }

    private static String run(String state, String step) {
        return """
                {"id":"r1","state":"%s","steps":[%s]}""".formatted(state, step);
    }
}
