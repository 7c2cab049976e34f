package io.strangler.runbook.run;

import io.strangler.runbook.definition.Runbook;
import io.strangler.runbook.definition.RunbookParser;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one run forward as far as it can go now: evaluates the current step, records the attempt, and goes on to the
 * next step until one waits. Every transition is persisted before the next step starts, so a restarted engine picks
 * up at the step it was in. Called from the engine's single thread only.
 */
class RunDriver {

    private static final Logger log = LoggerFactory.getLogger(RunDriver.class);
    private static final int MAX_STEPS_PER_DRIVE = 1_000;

    private final RunStore store;
    private final StepRunners runners;
    private final RunbookParser parser;
    private final Clock clock;
    private final Map<UUID, Runbook> runbooks = new ConcurrentHashMap<>();

    RunDriver(RunStore store, StepRunners runners, RunbookParser parser, Clock clock) {
        this.store = store;
        this.runners = runners;
        this.parser = parser;
        this.clock = clock;
    }

    Runbook runbook(RunRecord run) {
        return runbooks.computeIfAbsent(run.id(), id -> parser.parse(run.source(), run.definition()));
    }

    void drive(UUID id) {
        RunRecord run = store.run(id).orElseThrow();
        Runbook runbook = runbook(run);
        for (int i = 0; i < MAX_STEPS_PER_DRIVE && !run.state().isFinal(); i++) {
            if (run.phase() == Phase.FORWARD && run.abortRequestedBy() != null) {
                run = rollBack(run, runbook, "aborted by " + run.abortRequestedBy() + ": " + run.abortReason());
                continue;
            }
            Plan plan = Plan.of(runbook, run);
            if (run.cursor() >= plan.size()) {
                run = finish(run);
                break;
            }
            Plan.Entry entry = plan.get(run.cursor());
            StepRecord step = current(run, entry);
            StepResult result = evaluate(run, entry, step);
            Instant now = clock.instant();
            boolean ended = !(result instanceof StepResult.Waiting);
            String evidence = JsonText.write(result.evidence());
            if (!ended && unchanged(step, result, evidence)) {
                return; // nothing new: keep the run's version (its ETag) as it is
            }
            store.recordAttempt(step, state(result), result.outcome(), evidence, ended ? now : null, now);
            if (!ended) {
                return;
            }
            log.info("run {} {} step {} ({}): {}", id, run.phase(), entry.step().id(), state(result), result.outcome());
            if (result instanceof StepResult.Failed && run.phase() == Phase.FORWARD) {
                run = rollBack(run, runbook, "step " + entry.step().id() + " failed: " + result.outcome());
            } else {
                // a failed rollback step is recorded and the remaining rollback steps still run
                run = run.progressed(run.state(), run.phase(), run.cursor() + 1, run.rollbackFrom(), run.failure(), null);
                store.progress(run, now);
            }
        }
    }

    private StepResult evaluate(RunRecord run, Plan.Entry entry, StepRecord step) {
        StepContext ctx = new StepContext(run.id(), run.runbookName(), step.startedAt(), clock.instant(),
                JsonText.read(step.evidence()));
        try {
            return runners.evaluate(entry.step(), ctx);
        } catch (RuntimeException unexpected) {
            log.warn("run {} step {} could not be evaluated", run.id(), entry.step().id(), unexpected);
            return new StepResult.Waiting("could not be evaluated, retrying: " + unexpected,
                    Evidence.of("error", unexpected.toString()).map());
        }
    }

    private StepRecord current(RunRecord run, Plan.Entry entry) {
        return store.step(run.id(), run.phase(), run.cursor()).orElseGet(() -> {
            // the intent: step, inputs and start time are on disk before anything is applied
            StepRecord started = new StepRecord(run.id(), run.phase(), run.cursor(), entry.capability(),
                    entry.step().id(), entry.step().kind(), entry.step().summary(), StepState.RUNNING, clock.instant(),
                    null, 0, JsonText.write(entry.step()), null, null);
            store.startStep(started);
            log.info("run {} {} step {} started: {}", run.id(), run.phase(), entry.step().id(), entry.step().summary());
            return started;
        });
    }

    private RunRecord rollBack(RunRecord run, Runbook runbook, String why) {
        Plan forward = Plan.forward(runbook);
        int reached = run.cursor() < forward.size() ? forward.get(run.cursor()).capabilityIndex()
                : runbook.capabilities().size() - 1;
        Instant now = clock.instant();
        store.step(run.id(), Phase.FORWARD, run.cursor()).filter(s -> s.endedAt() == null).ifPresent(s ->
                store.recordAttempt(s, StepState.FAILED, "interrupted: " + why, s.evidence(), now, now));
        log.warn("run {} rolls back from capability {}: {}", run.id(), runbook.capabilities().get(reached).name(), why);
        RunRecord rolling = run.progressed(RunState.ROLLING_BACK, Phase.ROLLBACK, 0, reached, why, null);
        store.progress(rolling, now);
        return rolling;
    }

    private RunRecord finish(RunRecord run) {
        RunState end = RunState.SUCCEEDED;
        if (run.phase() == Phase.ROLLBACK) {
            boolean rollbackFailed = store.steps(run.id()).stream()
                    .anyMatch(s -> s.phase() == Phase.ROLLBACK && s.state() == StepState.FAILED);
            end = rollbackFailed ? RunState.FAILED : RunState.ROLLED_BACK;
        }
        Instant now = clock.instant();
        RunRecord finished = run.progressed(end, run.phase(), run.cursor(), run.rollbackFrom(), run.failure(), now);
        store.progress(finished, now);
        runbooks.remove(run.id());
        log.info("run {} {}", run.id(), end);
        return finished;
    }

    private static boolean unchanged(StepRecord step, StepResult result, String evidence) {
        return step.state() == StepState.WAITING && result.outcome().equals(step.outcome())
                && JsonText.read(evidence).equals(JsonText.read(step.evidence()));
    }

    private static StepState state(StepResult result) {
        if (result instanceof StepResult.Passed) {
            return StepState.SUCCEEDED;
        }
        return result instanceof StepResult.Failed ? StepState.FAILED : StepState.WAITING;
    }
}
