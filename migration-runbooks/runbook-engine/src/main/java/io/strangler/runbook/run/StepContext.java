package io.strangler.runbook.run;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What a step evaluation may know about its run.
 *
 * @param runId        the run
 * @param runbook      the runbook's name
 * @param startedAt    when this step started (persisted: survives a restart)
 * @param now          the current time
 * @param lastEvidence the evidence of the previous evaluation, a missing node on the first
 */
record StepContext(UUID runId, String runbook, Instant startedAt, Instant now, JsonNode lastEvidence) {

    Duration elapsed() {
        return Duration.between(startedAt, now);
    }

    boolean timedOut(Duration timeout) {
        return elapsed().compareTo(timeout) >= 0;
    }

    /** The reason written into the flag service's audit trail and cdc-sync's logs. */
    String reason(String stepId) {
        return "runbook " + runbook + ", run " + runId + ", step " + stepId;
    }
}
