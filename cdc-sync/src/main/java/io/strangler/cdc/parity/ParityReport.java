package io.strangler.cdc.parity;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one comparison of a table between two sides.
 *
 * @param table            the logical table
 * @param sourceRows       rows on the source side
 * @param targetRows       rows on the target side
 * @param chunks           key-range chunks compared
 * @param differingChunks  chunks whose count or hash differed
 * @param differingKeys    keys missing on one side or with different content (at most {@link #MAX_KEYS})
 * @param parityPercent    share of source rows found identical on the target, 100 when both sides are empty
 * @param finishedAt       when the comparison ended
 */
public record ParityReport(String table, long sourceRows, long targetRows, int chunks, int differingChunks,
        List<Long> differingKeys, double parityPercent, Instant finishedAt) {

    /** Differing keys listed in a report at most. */
    public static final int MAX_KEYS = 1000;
}
