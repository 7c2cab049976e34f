package io.strangler.runbook.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run as the API and the console show it: where it is, every step started so far with its evidence, and the plan.
 *
 * @param id             the run's id
 * @param runbook        the runbook's name
 * @param source         where the runbook came from (file name)
 * @param state          where the run is
 * @param phase          FORWARD or ROLLBACK
 * @param startedBy      who started it
 * @param startedAt      when
 * @param endedAt        when it reached a final state, null before
 * @param failure        why it rolled back or failed, null otherwise
 * @param abortRequestedBy who asked to abort, null if nobody
 * @param current        the step in progress (null when final)
 * @param steps          every step started so far, in order (forward steps first, then rollback steps)
 * @param plan           every forward step of the runbook, to show what is still ahead
 * @param version        changes whenever anything in the run changes (usable as an ETag)
 */
public record RunView(UUID id, String runbook, String source, RunState state, Phase phase, String startedBy,
                      Instant startedAt, Instant endedAt, String failure, String abortRequestedBy, StepView current,
                      List<StepView> steps, List<PlannedStep> plan, long version) {

    /** A step of the runbook, whether started or not. */
    public record PlannedStep(String capability, String stepId, String kind, String summary) {
    }
}
