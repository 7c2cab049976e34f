package io.strangler.runbook.run;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code runbook_run}. */
record RunRecord(UUID id, String runbookName, String source, String definition, RunState state, Phase phase,
                 int cursor, Integer rollbackFrom, String startedBy, Instant startedAt, Instant endedAt,
                 String failure, String abortRequestedBy, String abortReason, Instant updatedAt) {

    RunRecord progressed(RunState newState, Phase newPhase, int newCursor, Integer newRollbackFrom,
                         String newFailure, Instant newEndedAt) {
        return new RunRecord(id, runbookName, source, definition, newState, newPhase, newCursor, newRollbackFrom,
                startedBy, startedAt, newEndedAt, newFailure, abortRequestedBy, abortReason, updatedAt);
    }
}
