package io.strangler.cdc.apply;

import java.sql.SQLException;

/**
 * Failures that are not the changes' fault: a deadlock or serialization failure (SQLState class 40: another
 * transaction, e.g. another worker of the same direction writing the same target row through a differently keyed
 * table), a lost connection (08) or an operator intervention (57P: shutdown, crash, database unavailable). The
 * applier retries the whole poll after them, without limit (its state says RETRYING with the error meanwhile); they
 * never send a change to the dead-letter topic.
 */
final class TransientFailure {

    private TransientFailure() {
    }

    static boolean is(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.startsWith("08") || state.startsWith("57P"));
    }
}
