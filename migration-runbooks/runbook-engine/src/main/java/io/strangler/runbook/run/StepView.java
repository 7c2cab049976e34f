package io.strangler.runbook.run;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One step of a run.
 *
 * @param phase      FORWARD or ROLLBACK
 * @param index      position in its phase's plan
 * @param capability the capability it belongs to
 * @param stepId     the step's id in the runbook
 * @param kind       the step kind, e.g. {@code gate-canary}
 * @param summary    one line a person can follow
 * @param state      where it is
 * @param startedAt  when it started
 * @param endedAt    when it ended, null before
 * @param attempts   evaluations that found something new (a waiting step that sees the same figures is not counted)
 * @param inputs     the step's parameters as the run saw them
 * @param outcome    one sentence: why it passed, failed or waits
 * @param evidence   the figures it saw last (parity, lag, counts, the judge's statistics, time to decision...)
 */
public record StepView(Phase phase, int index, String capability, String stepId, String kind, String summary,
                       StepState state, Instant startedAt, Instant endedAt, int attempts, JsonNode inputs,
                       String outcome, JsonNode evidence) {
}
