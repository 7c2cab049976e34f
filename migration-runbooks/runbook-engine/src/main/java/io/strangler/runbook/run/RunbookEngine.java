package io.strangler.runbook.run;

import io.strangler.runbook.definition.InvalidRunbookException;
import io.strangler.runbook.definition.Runbook;
import io.strangler.runbook.definition.RunbookParser;
import io.strangler.runbook.definition.Steps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs runbooks: starts runs, takes approvals and aborts, and drives every unfinished run from one background thread
 * every {@code tick} (and right after each request). Runs live in PostgreSQL: after a restart, {@link #resume()}
 * continues each unfinished run at the step it was in. Thread-safe.
 */
public class RunbookEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunbookEngine.class);
    private static final int MAX_REASON = 500;

    private final RunStore store;
    private final RunDriver driver;
    private final RunViews views;
    private final RunbookParser parser;
    private final RunbookPorts ports;
    private final Clock clock;
    private final Duration tick;
    private ScheduledExecutorService executor;

    public RunbookEngine(DataSource dataSource, RunbookPorts ports, RunbookParser parser, Clock clock, Duration tick) {
        this.store = new RunStore(new JdbcTemplate(dataSource));
        this.driver = new RunDriver(store, new StepRunners(ports, store), parser, clock);
        this.views = new RunViews(store, driver);
        this.parser = parser;
        this.ports = ports;
        this.clock = clock;
        this.tick = tick;
        RunbookSchema.migrate(dataSource);
    }

    /** Starts the background thread; unfinished runs continue at the step they were in. Idempotent. */
    public synchronized void resume() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "runbook-engine");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::driveAll, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the background thread after the step being evaluated; runs stay where they are, for {@link #resume()}. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    /**
     * Validates and starts a runbook.
     *
     * @param source a name for the runbook (its file name)
     * @param yaml   its text
     * @param actor  who starts it
     * @return the new run
     * @throws InvalidRunbookException when the text is not a valid runbook
     * @throws RunProblem              (INVALID) when it names services the engine has no health URL for
     */
    public RunView start(String source, String yaml, String actor) {
        Runbook runbook = parser.parse(source, yaml);
        List<String> unknown = runbook.capabilities().stream()
                .flatMap(c -> java.util.stream.Stream.concat(c.steps().stream(), c.rollback().stream()))
                .filter(Steps.HealthCheck.class::isInstance).flatMap(s -> ((Steps.HealthCheck) s).services().stream())
                .filter(service -> !ports.health().knows(service)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new RunProblem(RunProblem.Kind.INVALID, "no health URL configured for " + unknown
                    + " (strangler.runbooks.services.<name>)");
        }
        Instant now = clock.instant();
        RunRecord run = new RunRecord(UUID.randomUUID(), runbook.name(), source, yaml, RunState.RUNNING, Phase.FORWARD,
                0, null, actor, now, null, null, null, null, now);
        store.insert(run);
        log.info("run {} of {} started by {}", run.id(), runbook.name(), actor);
        nudge(run.id());
        return views.view(run.id());
    }

    /** @return the latest runs, newest first (at most 100) */
    public List<RunView> runs() {
        return store.runs(100).stream().map(run -> views.view(run.id())).toList();
    }

    /** @throws RunProblem (NOT_FOUND) */
    public RunView run(UUID id) {
        return views.view(id);
    }

    /**
     * Approves or rejects the approval step the run waits at.
     *
     * @param hasRole whether the actor has a role (e.g. {@code OPERATOR}); the step's role is asked
     * @throws RunProblem NOT_FOUND, CONFLICT (not waiting for an approval, or already decided), FORBIDDEN, INVALID
     */
    public RunView decide(UUID id, String actor, Predicate<String> hasRole, boolean approve, String reason) {
        requireReason(reason);
        RunView run = views.view(id);
        StepView current = run.current();
        if (run.state() != RunState.RUNNING || current == null || !current.kind().equals("approval")
                || current.endedAt() != null) {
            throw new RunProblem(RunProblem.Kind.CONFLICT, "run " + id + " is not waiting for an approval (state "
                    + run.state() + (current == null ? "" : ", current step " + current.stepId()) + ")");
        }
        String role = current.inputs().path("role").asString();
        if (!hasRole.test(role)) {
            throw new RunProblem(RunProblem.Kind.FORBIDDEN, "step " + current.stepId() + " needs role " + role
                    + ", which " + actor + " does not have");
        }
        if (!store.decide(id, current.stepId(), approve ? "APPROVE" : "REJECT", actor, reason, clock.instant())) {
            throw new RunProblem(RunProblem.Kind.CONFLICT, "step " + current.stepId() + " was already decided");
        }
        nudge(id);
        return views.view(id);
    }

    /**
     * Asks the run to stop and roll back (it does so before its next step evaluation).
     *
     * @throws RunProblem NOT_FOUND, CONFLICT (final, already rolling back or already aborted), INVALID
     */
    public RunView abort(UUID id, String actor, String reason) {
        requireReason(reason);
        RunView run = views.view(id);
        if (run.state() != RunState.RUNNING || !store.requestAbort(id, actor, reason, clock.instant())) {
            throw new RunProblem(RunProblem.Kind.CONFLICT, "run " + id + " cannot be aborted: it is " + run.state()
                    + (run.abortRequestedBy() == null ? "" : ", abort already requested by " + run.abortRequestedBy()));
        }
        nudge(id);
        return views.view(id);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new RunProblem(RunProblem.Kind.INVALID, "reason is required, 1 to " + MAX_REASON + " characters");
        }
    }

    private synchronized void nudge(UUID id) {
        if (executor != null) {
            executor.execute(() -> driveSafely(id));
        }
    }

    private void driveAll() {
        try {
            store.activeRunIds().forEach(this::driveSafely);
        } catch (RuntimeException e) {
            log.warn("could not list active runs; next tick retries", e);
        }
    }

    private void driveSafely(UUID id) {
        try {
            driver.drive(id);
        } catch (InvalidRunbookException e) {
            log.error("run {} holds a runbook that no longer validates; it stays where it is: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("run {} could not be driven; next tick retries", id, e);
        }
    }
}
