package io.strangler.runbook.run;

import io.strangler.runbook.definition.Runbook;
import java.util.List;
import java.util.UUID;

/** Builds {@link RunView}s from the store. */
class RunViews {

    private final RunStore store;
    private final RunDriver driver;

    RunViews(RunStore store, RunDriver driver) {
        this.store = store;
        this.driver = driver;
    }

    RunView view(UUID id) {
        RunRecord run = store.run(id).orElseThrow(() -> new RunProblem(RunProblem.Kind.NOT_FOUND, "no run " + id));
        List<StepView> steps = store.steps(id).stream().map(RunViews::step).toList();
        StepView current = run.state().isFinal() ? null : steps.stream()
                .filter(s -> s.phase() == run.phase() && s.index() == run.cursor()).findFirst().orElse(null);
        Runbook runbook = driver.runbook(run);
        List<RunView.PlannedStep> plan = Plan.forward(runbook).entries().stream()
                .map(e -> new RunView.PlannedStep(e.capability(), e.step().id(), e.step().kind(), e.step().summary()))
                .toList();
        return new RunView(run.id(), run.runbookName(), run.source(), run.state(), run.phase(), run.startedBy(),
                run.startedAt(), run.endedAt(), run.failure(), run.abortRequestedBy(), current, steps, plan,
                run.updatedAt().toEpochMilli() * 1000 + run.updatedAt().getNano() / 1000 % 1000);
    }

    private static StepView step(StepRecord s) {
        return new StepView(s.phase(), s.cursor(), s.capability(), s.stepId(), s.kind(), s.summary(), s.state(),
                s.startedAt(), s.endedAt(), s.attempts(), JsonText.read(s.inputs()), s.outcome(),
                JsonText.read(s.evidence()));
    }
}
