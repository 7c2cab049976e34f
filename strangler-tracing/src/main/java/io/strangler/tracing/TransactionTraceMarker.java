package io.strangler.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Writes the current trace context into every new read-write transaction as a logical decoding message
 * ({@link TraceMessages}), right after the transaction began, so it precedes the transaction's changes in the change
 * stream. It costs one statement per read-write transaction of a sampled trace, and nothing otherwise: read-only
 * transactions, joined transactions and work outside a sampled trace send no extra statement.
 *
 * <p>Boot registers it on the transaction manager as a {@link TransactionExecutionListener} bean.
 */
public final class TransactionTraceMarker implements TransactionExecutionListener {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final DataSource dataSource;

    public TransactionTraceMarker(Tracer tracer, Propagator propagator, DataSource dataSource) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.dataSource = dataSource;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure != null || transaction.isReadOnly() || !transaction.isNewTransaction()) {
            return;
        }
        String traceparent = currentTraceparent();
        if (traceparent != null) {
            emit(traceparent);
        }
    }

    /**
     * Fails at start, with what to do, when the database user may not emit logical decoding messages (every read-write
     * transaction of a sampled trace would fail otherwise).
     */
    public void verifyPrivilege() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT has_function_privilege('pg_logical_emit_message(boolean,text,text)', 'EXECUTE')");
             var rs = st.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException("The database user " + c.getMetaData().getUserName()
                        + " may not call pg_logical_emit_message: GRANT EXECUTE ON FUNCTION "
                        + "pg_logical_emit_message(boolean,text,text) TO it, or set "
                        + "strangler.tracing.transaction-marker.enabled=false (CDC then loses the trace)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the trace context marker's privilege: " + e.getMessage(), e);
        }
    }

    /** The W3C traceparent of the current span, or null outside a sampled trace. */
    String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        if (!Boolean.TRUE.equals(context.sampled())) {
            return null; // nobody records the trace: no point paying a statement for it
        }
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    private void emit(String traceparent) {
        // the transaction's own connection, bound to the thread by the transaction manager
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement statement = connection.prepareStatement(TraceMessages.EMIT_SQL)) {
            statement.setString(1, traceparent);
            statement.execute();
        } catch (SQLException e) {
            // a failed statement aborts the PostgreSQL transaction anyway; verifyPrivilege() at start makes this rare
            throw new IllegalStateException("Could not write the trace context into the transaction: "
                    + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
