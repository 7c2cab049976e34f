package io.strangler.runbook.port;

import java.util.List;

/** cdc-sync: parity of a table, lag per table and direction, and table ownership. */
public interface DataSync {

    /** Compares the table now (cdc-sync's reconciler). @throws PortException on failure or unknown table */
    ParityResult compare(String table);

    /** @return lag figures of every table and direction, never null */
    List<TableLag> lag();

    /** @return the table's current owner: LEGACY, SHARED or NEW. @throws PortException on an unknown table */
    String owner(String table);

    /** Switches the table's owner. @throws PortException on failure */
    void changeOwner(String table, String owner);

    /**
     * One comparison of a table.
     *
     * @param parityPercent 100 when both sides hold the same rows
     */
    record ParityResult(String table, long sourceRows, long targetRows, int differingChunks, int differingKeys,
                        double parityPercent) {
    }

    /** Lag of one table in one direction (source commit to target commit), over what has been applied so far. */
    record TableLag(String table, String direction, long applied, double p50Millis, double p99Millis) {
    }
}
