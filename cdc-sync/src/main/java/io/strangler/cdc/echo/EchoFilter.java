package io.strangler.cdc.echo;

import tools.jackson.databind.JsonNode;

/**
 * Decides, at the source, whether a captured change was written by the sync itself. Changes of one transaction
 * reach the capture together and in order, and the applier writes the marker first, so remembering the transaction
 * id of the last marker change is enough.
 *
 * <p>Not thread-safe: used from the capture's engine thread only.
 */
public final class EchoFilter {

    private long syncTransaction = -1;
    private long dropped;

    /**
     * Whether to publish this change.
     *
     * @param table    the captured table as {@code schema.table}
     * @param envelope the change envelope, or null for a tombstone
     * @param tombstoneOfDropped for a tombstone: whether the delete it follows was dropped
     */
    public boolean publish(String table, JsonNode envelope, boolean tombstoneOfDropped) {
        if (envelope == null) {
            return !tombstoneOfDropped;
        }
        long txId = envelope.path("source").path("txId").asLong(-1);
        if (OriginMarker.CAPTURED_TABLE.equals(table)) {
            if (!"r".equals(envelope.path("op").asString(""))) {
                syncTransaction = txId;
            }
            return false;
        }
        if (txId >= 0 && txId == syncTransaction) {
            dropped++;
            return false;
        }
        return true;
    }

    /** Changes dropped so far because the sync wrote them. */
    public long dropped() {
        return dropped;
    }
}
