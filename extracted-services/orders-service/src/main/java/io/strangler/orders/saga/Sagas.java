package io.strangler.orders.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Saga instances and their step log. Every change after creation is conditional on the caller holding the lease
 * ({@code lease_owner}), so two instances never run the same saga at once.
 */
@Repository
public class Sagas {

    private final JdbcClient jdbc;

    public Sagas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the saga of a new order, leased to {@code owner}; call inside the order's transaction. */
    public void create(long orderId, String owner, Instant now, Instant leaseUntil) {
        jdbc.sql("""
                        INSERT INTO saga_instance (order_id, state, step, next_attempt_at, lease_owner, lease_until,
                                                   started_at, updated_at)
                        VALUES (?, 'RUNNING', 'RESERVE_STOCK', ?, ?, ?, ?, ?)""")
                .params(orderId, utc(now), owner, utc(leaseUntil), utc(now), utc(now)).update();
    }

    public Optional<Saga> find(long orderId) {
        return jdbc.sql("SELECT * FROM saga_instance WHERE order_id = ?").param(orderId).query(Sagas::saga).optional();
    }

    /** Takes the lease if it is free, expired, or already ours. */
    boolean claim(long orderId, String owner, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE saga_instance SET lease_owner = :owner, lease_until = :until
                        WHERE order_id = :id AND state IN ('RUNNING', 'COMPENSATING')
                          AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until < :now)""")
                .param("owner", owner).param("until", utc(leaseUntil)).param("id", orderId).param("now", utc(now))
                .update() == 1;
    }

    /** Non-terminal sagas due now whose lease is free, expired or ours (a restarted instance with a stable id). */
    List<Long> due(String owner, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT order_id FROM saga_instance
                        WHERE state IN ('RUNNING', 'COMPENSATING') AND next_attempt_at <= :now
                          AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until < :now)
                        ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", utc(now)).param("owner", owner).param("limit", limit)
                .query(Long.class).list();
    }

    /** Moves to {@code state}/{@code step}, resets the attempts; false when the lease was lost. */
    boolean moveTo(Saga from, String owner, SagaState state, SagaStep step, SagaFailure failure, String failureDetail,
                   Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE saga_instance
                        SET state = :state, step = :step, failure = COALESCE(:failure, failure),
                            failure_detail = COALESCE(:detail, failure_detail), attempts = 0, next_attempt_at = :now,
                            lease_until = :until, updated_at = :now, version = version + 1
                        WHERE order_id = :id AND step = :from AND lease_owner = :owner""")
                .param("state", state.name()).param("step", step.name())
                .param("failure", failure == null ? null : failure.name()).param("detail", truncate(failureDetail))
                .param("now", utc(now)).param("until", utc(leaseUntil)).param("id", from.orderId())
                .param("from", from.step().name()).param("owner", owner)
                .update() == 1;
    }

    /** Keeps the step and plans another attempt at {@code next}; the lease stays ours until a little after it. */
    boolean retryLater(Saga saga, String owner, Instant next, Instant leaseUntil, Instant now) {
        return jdbc.sql("""
                        UPDATE saga_instance SET attempts = attempts + 1, next_attempt_at = :next, lease_until = :until,
                                                 updated_at = :now
                        WHERE order_id = :id AND step = :step AND lease_owner = :owner""")
                .param("next", utc(next)).param("until", utc(leaseUntil)).param("now", utc(now))
                .param("id", saga.orderId()).param("step", saga.step().name()).param("owner", owner)
                .update() == 1;
    }

    void log(long orderId, SagaStep step, String outcome, String detail, Instant now) {
        jdbc.sql("INSERT INTO saga_step_log (order_id, step, outcome, detail, at) VALUES (?, ?, ?, ?, ?)")
                .params(orderId, step.name(), outcome, truncate(detail), utc(now)).update();
    }

    private static Saga saga(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("failure");
        OffsetDateTime leaseUntil = rs.getObject("lease_until", OffsetDateTime.class);
        return new Saga(rs.getLong("order_id"), SagaState.valueOf(rs.getString("state")),
                SagaStep.valueOf(rs.getString("step")), failure == null ? null : SagaFailure.valueOf(failure),
                rs.getString("failure_detail"), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(), rs.getString("lease_owner"),
                leaseUntil == null ? null : leaseUntil.toInstant(),
                rs.getObject("started_at", OffsetDateTime.class).toInstant());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
