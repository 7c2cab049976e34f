package io.strangler.cdc.tracing;

import io.strangler.tracing.TraceMessages;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * Remembers, at the source, the trace context of the transaction being captured. A writer in a trace emits a
 * transactional logical decoding message with its {@code traceparent} first in the transaction ({@link TraceMessages});
 * Debezium hands it over as an {@code op = m} event of the same transaction id, before the transaction's changes.
 * Changes of one transaction arrive together and in order, so remembering the last message's transaction is enough.
 *
 * <p>Not thread-safe: used from the capture's engine thread only.
 */
public final class TransactionTraces {

    private long tracedTransaction = -1;
    private String traceparent;

    /**
     * Takes in a trace context message.
     *
     * @param envelope a change envelope, or null for a tombstone
     * @return whether it was a trace context message (never published: it is not a change)
     */
    public boolean absorb(JsonNode envelope) {
        if (envelope == null || !"m".equals(envelope.path("op").asString(""))) {
            return false;
        }
        JsonNode message = envelope.path("message");
        if (TraceMessages.PREFIX.equals(message.path("prefix").asString(""))) {
            tracedTransaction = envelope.path("source").path("txId").asLong(-1);
            traceparent = decode(message.path("content").asString(""));
        }
        return true;
    }

    /** Whether a trace context was taken in: only then can a change belong to a traced transaction. */
    public boolean tracing() {
        return traceparent != null;
    }

    /**
     * The traceparent of the transaction that made this change, or null when it was not traced. A change of another
     * transaction ends the traced one (a transaction's changes arrive together), so {@link #tracing()} turns false.
     */
    public String traceparentOf(JsonNode envelope) {
        if (envelope == null || traceparent == null) {
            return null;
        }
        long txId = envelope.path("source").path("txId").asLong(-1);
        if (txId >= 0 && txId == tracedTransaction) {
            return traceparent;
        }
        if (txId >= 0) {
            traceparent = null;
            tracedTransaction = -1;
        }
        return null;
    }

    /** Debezium's JSON converter writes the message content (bytes) as base64; a malformed one is no trace. */
    private static String decode(String base64) {
        try {
            String value = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            return ChangeTracing.isTraceparent(value) ? value : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
