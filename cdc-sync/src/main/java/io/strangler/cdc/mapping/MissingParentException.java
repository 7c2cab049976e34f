package io.strangler.cdc.mapping;

import java.sql.SQLException;

/**
 * A mapping's write found that the row it depends on (its parent) is not in the target yet, e.g. the legacy product
 * of a catalog stock row, whose change travels on another topic. It carries the SQLState PostgreSQL gives a foreign
 * key violation, the usual way a missing parent shows, so the appliers hold both back alike and retry them.
 */
public final class MissingParentException extends SQLException {

    /** SQLState of a foreign key violation: the parent row is not there (yet), or children are left. */
    public static final String SQL_STATE = "23503";

    public MissingParentException(String message) {
        super(message, SQL_STATE);
    }
}
