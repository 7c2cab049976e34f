package io.strangler.runbook.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs, steps and approvals in PostgreSQL (tables of {@code io/strangler/runbook/db/changelog.yaml}). */
class RunStore {

    private static final String RUN_COLUMNS = "id, runbook_name, source, definition, state, phase, cursor_index, "
            + "rollback_from, started_by, started_at, ended_at, failure, abort_requested_by, abort_reason, updated_at";
    private static final String STEP_COLUMNS = "run_id, phase, cursor_index, capability, step_id, kind, summary, state, "
            + "started_at, ended_at, attempts, inputs::text AS inputs, outcome, evidence::text AS evidence";

    private final JdbcTemplate jdbc;

    RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RunRecord run) {
        jdbc.update("INSERT INTO runbook_run (" + RUN_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", run.id(),
                run.runbookName(), run.source(), run.definition(), run.state().name(), run.phase().name(), run.cursor(),
                run.rollbackFrom(), run.startedBy(), ts(run.startedAt()), ts(run.endedAt()), run.failure(),
                run.abortRequestedBy(), run.abortReason(), ts(run.updatedAt()));
    }

    Optional<RunRecord> run(UUID id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM runbook_run WHERE id = ?", RunStore::run, id).stream()
                .findFirst();
    }

    List<RunRecord> runs(int limit) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM runbook_run ORDER BY started_at DESC LIMIT ?",
                RunStore::run, limit);
    }

    List<UUID> activeRunIds() {
        return jdbc.queryForList("SELECT id FROM runbook_run WHERE ended_at IS NULL ORDER BY started_at", UUID.class);
    }

    void progress(RunRecord run, Instant now) {
        jdbc.update("UPDATE runbook_run SET state = ?, phase = ?, cursor_index = ?, rollback_from = ?, failure = ?, "
                        + "ended_at = ?, updated_at = ? WHERE id = ?", run.state().name(), run.phase().name(),
                run.cursor(), run.rollbackFrom(), run.failure(), ts(run.endedAt()), ts(now), run.id());
    }

    /** @return false when the run is final or an abort was already requested */
    boolean requestAbort(UUID id, String actor, String reason, Instant now) {
        return jdbc.update("UPDATE runbook_run SET abort_requested_by = ?, abort_reason = ?, updated_at = ? "
                + "WHERE id = ? AND ended_at IS NULL AND abort_requested_by IS NULL", actor, reason, ts(now), id) == 1;
    }

    Optional<StepRecord> step(UUID runId, Phase phase, int cursor) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM runbook_step WHERE run_id = ? AND phase = ? AND "
                + "cursor_index = ?", RunStore::step, runId, phase.name(), cursor).stream().findFirst();
    }

    List<StepRecord> steps(UUID runId) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM runbook_step WHERE run_id = ? ORDER BY "
                + "CASE phase WHEN 'FORWARD' THEN 0 ELSE 1 END, cursor_index", RunStore::step, runId);
    }

    void startStep(StepRecord step) {
        jdbc.update("INSERT INTO runbook_step (run_id, phase, cursor_index, capability, step_id, kind, summary, state, "
                        + "started_at, attempts, inputs) VALUES (?,?,?,?,?,?,?,?,?,0,?::jsonb)", step.runId(),
                step.phase().name(), step.cursor(), step.capability(), step.stepId(), step.kind(), step.summary(),
                step.state().name(), ts(step.startedAt()), step.inputs());
        touch(step.runId(), step.startedAt());
    }

    void recordAttempt(StepRecord step, StepState state, String outcome, String evidence, Instant endedAt, Instant now) {
        jdbc.update("UPDATE runbook_step SET state = ?, outcome = ?, evidence = ?::jsonb, ended_at = ?, "
                        + "attempts = attempts + 1 WHERE run_id = ? AND phase = ? AND cursor_index = ?", state.name(),
                outcome, evidence, ts(endedAt), step.runId(), step.phase().name(), step.cursor());
        touch(step.runId(), now);
    }

    /** @return false when the step already has a decision */
    boolean decide(UUID runId, String stepId, String decision, String actor, String reason, Instant now) {
        int inserted = jdbc.update("INSERT INTO runbook_approval (run_id, step_id, decision, actor, reason, decided_at) "
                + "VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING", runId, stepId, decision, actor, reason, ts(now));
        touch(runId, now);
        return inserted == 1;
    }

    Optional<Decision> decision(UUID runId, String stepId) {
        return jdbc.query("SELECT decision, actor, reason, decided_at FROM runbook_approval WHERE run_id = ? AND "
                        + "step_id = ?", (rs, i) -> new Decision(rs.getString(1).equals("APPROVE"), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant()), runId, stepId).stream().findFirst();
    }

    /** An approval step's answer. */
    record Decision(boolean approved, String actor, String reason, Instant decidedAt) {
    }

    private void touch(UUID runId, Instant now) {
        jdbc.update("UPDATE runbook_run SET updated_at = GREATEST(updated_at + interval '1 microsecond', ?) WHERE id = ?",
                ts(now), runId);
    }

    private static RunRecord run(ResultSet rs, int row) throws SQLException {
        return new RunRecord(rs.getObject("id", UUID.class), rs.getString("runbook_name"), rs.getString("source"),
                rs.getString("definition"), RunState.valueOf(rs.getString("state")), Phase.valueOf(rs.getString("phase")),
                rs.getInt("cursor_index"), (Integer) rs.getObject("rollback_from"), rs.getString("started_by"),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("failure"),
                rs.getString("abort_requested_by"), rs.getString("abort_reason"), instant(rs, "updated_at"));
    }

    private static StepRecord step(ResultSet rs, int row) throws SQLException {
        return new StepRecord(rs.getObject("run_id", UUID.class), Phase.valueOf(rs.getString("phase")),
                rs.getInt("cursor_index"), rs.getString("capability"), rs.getString("step_id"), rs.getString("kind"),
                rs.getString("summary"), StepState.valueOf(rs.getString("state")), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getInt("attempts"), rs.getString("inputs"), rs.getString("outcome"),
                rs.getString("evidence"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

}
