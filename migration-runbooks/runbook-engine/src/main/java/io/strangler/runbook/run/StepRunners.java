package io.strangler.runbook.run;

import io.strangler.runbook.definition.Step;
import io.strangler.runbook.definition.Steps;

/** Dispatches a step to the code of its kind. */
class StepRunners {

    private final Checks checks;
    private final Actions actions;
    private final Gates gates;
    private final Pauses pauses;

    StepRunners(RunbookPorts ports, RunStore store) {
        this.checks = new Checks(ports.sync(), ports.health());
        this.actions = new Actions(ports.flags(), ports.sync());
        this.gates = new Gates(ports.traffic(), ports.metrics());
        this.pauses = new Pauses(store);
    }

    StepResult evaluate(Step step, StepContext ctx) {
        if (step instanceof Steps.ParityCheck s) {
            return checks.parity(s, ctx);
        } else if (step instanceof Steps.LagCheck s) {
            return checks.lag(s, ctx);
        } else if (step instanceof Steps.HealthCheck s) {
            return checks.health(s, ctx);
        } else if (step instanceof Steps.SetRoute s) {
            return actions.setRoute(s, ctx);
        } else if (step instanceof Steps.SetOwnership s) {
            return actions.setOwnership(s, ctx);
        } else if (step instanceof Steps.ShadowGate s) {
            return gates.shadow(s, ctx);
        } else if (step instanceof Steps.CanaryGate s) {
            return gates.canary(s, ctx);
        } else if (step instanceof Steps.LegacyIdleGate s) {
            return gates.legacyIdle(s, ctx);
        } else if (step instanceof Steps.Approval s) {
            return pauses.approval(s, ctx);
        } else if (step instanceof Steps.Wait s) {
            return pauses.await(s, ctx);
        }
        throw new IllegalStateException("no runner for step kind " + step.kind());
    }
}
