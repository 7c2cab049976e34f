package io.strangler.cdc.mapping;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One Debezium change event (the JSON envelope Kafka Connect's JSON converter writes with schemas disabled).
 *
 * @param op           {@code c}, {@code u}, {@code d} or {@code r} (snapshot read)
 * @param before       the row before the change; a null node when absent (inserts, or deletes without full
 *                     replica identity carry only the key)
 * @param after        the row after the change; a null node for deletes
 * @param lsn          source log position of the change; positions of one row only grow
 * @param commitTimeMs source commit time in epoch milliseconds
 * @param snapshot     true for events of the initial snapshot (their commit time is the snapshot time)
 */
public record SourceChange(String op, JsonNode before, JsonNode after, long lsn, long commitTimeMs, boolean snapshot) {

    public SourceChange {
        Objects.requireNonNull(op, "op");
    }

    /** Whether the row no longer exists after this change. */
    public boolean isDelete() {
        return "d".equals(op);
    }

    /** The row image that identifies the row: {@code after}, or {@code before} for deletes. */
    public JsonNode row() {
        return isDelete() ? before : after;
    }

    /**
     * Parses an envelope.
     *
     * @throws UnmappableChangeException when it is not a Debezium change envelope
     */
    public static SourceChange parse(ObjectMapper json, String value) {
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        } catch (RuntimeException e) {
            throw new UnmappableChangeException("value is not JSON: " + e.getMessage(), e);
        }
        String op = envelope.path("op").asString("");
        if (!(op.equals("c") || op.equals("u") || op.equals("d") || op.equals("r"))) {
            throw new UnmappableChangeException("envelope has no op c/u/d/r (was '" + op + "')");
        }
        JsonNode source = envelope.path("source");
        if (!source.path("lsn").isIntegralNumber() || !source.path("ts_ms").isIntegralNumber()) {
            throw new UnmappableChangeException("envelope has no numeric source.lsn and source.ts_ms");
        }
        JsonNode before = envelope.path("before");
        JsonNode after = envelope.path("after");
        boolean delete = "d".equals(op);
        if (delete ? !before.isObject() : !after.isObject()) {
            throw new UnmappableChangeException("envelope with op '" + op + "' has no "
                    + (delete ? "before" : "after") + " row");
        }
        String snapshotFlag = source.path("snapshot").asString("false");
        return new SourceChange(op, before, after, source.path("lsn").longValue(), source.path("ts_ms").longValue(),
                !"false".equals(snapshotFlag));
    }
}
