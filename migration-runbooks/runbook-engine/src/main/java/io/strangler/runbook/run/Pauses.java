package io.strangler.runbook.run;

import io.strangler.runbook.definition.Steps;
import java.time.Duration;
import java.util.Optional;

/** approval and wait: steps that wait for a person or for time. */
class Pauses {

    private final RunStore store;

    Pauses(RunStore store) {
        this.store = store;
    }

    StepResult approval(Steps.Approval step, StepContext ctx) {
        Optional<RunStore.Decision> decision = store.decision(ctx.runId(), step.id());
        if (decision.isPresent()) {
            RunStore.Decision d = decision.get();
            Evidence evidence = Evidence.of("decision", d.approved() ? "APPROVE" : "REJECT").and("actor", d.actor())
                    .and("reason", d.reason()).and("decidedAt", d.decidedAt().toString()).and("role", step.role());
            String outcome = (d.approved() ? "approved" : "rejected") + " by " + d.actor() + ": " + d.reason();
            return d.approved() ? new StepResult.Passed(outcome, evidence.map())
                    : new StepResult.Failed(outcome, evidence.map());
        }
        Evidence evidence = Evidence.of("role", step.role()).and("prompt", step.prompt());
        if (step.timeout() != null && ctx.timedOut(step.timeout())) {
            return new StepResult.Failed("nobody decided within " + step.timeout(), evidence.map());
        }
        return new StepResult.Waiting("waiting for approval by " + step.role() + ": " + step.prompt(), evidence.map());
    }

    StepResult await(Steps.Wait step, StepContext ctx) {
        Duration left = step.duration().minus(ctx.elapsed());
        Evidence evidence = Evidence.of("duration", step.duration().toString())
                .and("until", ctx.startedAt().plus(step.duration()).toString());
        if (left.isNegative() || left.isZero()) {
            return new StepResult.Passed("waited " + step.duration(), evidence.map());
        }
        return new StepResult.Waiting(left.toSeconds() + " s left", evidence.and("secondsLeft", left.toSeconds()).map());
    }
}
