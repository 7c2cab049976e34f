package io.strangler.tracing;

/**
 * How a writing transaction carries its trace context into the database's change stream: PostgreSQL has no trace
 * context in its WAL, so the transaction itself emits a transactional logical decoding message
 * ({@code pg_logical_emit_message(true, 'strangler.trace', '<traceparent>')}) before its first change. Logical
 * decoding delivers it inside the transaction, in order, so a change data capture can put the W3C
 * {@code traceparent} on every change of that transaction (matched by transaction id).
 */
public final class TraceMessages {

    /** The logical decoding message prefix of trace context messages. */
    public static final String PREFIX = "strangler.trace";

    /** The SQL that emits a trace context message in the current transaction; one parameter: the traceparent. */
    public static final String EMIT_SQL = "SELECT pg_logical_emit_message(true, '" + PREFIX + "', ?)";

    private TraceMessages() {
    }
}
