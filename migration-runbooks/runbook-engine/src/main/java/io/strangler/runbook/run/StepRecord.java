package io.strangler.runbook.run;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code runbook_step}; {@code inputs} and {@code evidence} are JSON text. */
record StepRecord(UUID runId, Phase phase, int cursor, String capability, String stepId, String kind, String summary,
                  StepState state, Instant startedAt, Instant endedAt, int attempts, String inputs, String outcome,
                  String evidence) {
}
