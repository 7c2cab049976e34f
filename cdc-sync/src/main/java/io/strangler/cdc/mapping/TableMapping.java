package io.strangler.cdc.mapping;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the changes of one captured table are written to the other side. One implementation per source table and
 * direction: the mapping is explicit, column by column.
 *
 * <p>Implementations are stateless and called from an applier thread inside the target transaction; they never
 * commit.
 */
public interface TableMapping {

    /** The logical table whose ownership decides whether this mapping runs, e.g. {@code products}. */
    String ownedTable();

    /** Which way this mapping writes. */
    Direction direction();

    /** The name of the source database in {@code cdc.sources}. */
    String source();

    /** The name of the target database in {@code cdc.sources}. */
    String target();

    /** The captured table as {@code schema.table}, e.g. {@code public.products}. */
    String sourceTable();

    /** Lower runs first within a batch: parents before children for upserts (children first for deletes). */
    int applyOrder();

    /** The source row's primary key as text, from a row image; never null. */
    String key(SourceChange change);

    /**
     * Writes the row to the target (insert or update).
     *
     * @param lastWriterWins when true (SHARED tables) an update only lands if the target row was not changed more
     *                       recently (its own update timestamp is not after the incoming one)
     * @return false when the last-writer-wins guard kept the target row
     *
     * @throws UnmappableChangeException when the row cannot be translated
     */
    boolean upsert(Connection target, SourceChange change, boolean lastWriterWins) throws SQLException;

    /** Removes the row from the target; a row that is already gone is fine. */
    void delete(Connection target, SourceChange change) throws SQLException;

    /**
     * Writes many rows (one change per row) as {@link #upsert} would, one by one unless the mapping overrides it with
     * a JDBC batch (fewer round trips). A failure leaves the transaction to be rolled back by the caller.
     *
     * @return per change, in order: false when the last-writer-wins guard kept the target row
     */
    default boolean[] upsertAll(Connection target, List<SourceChange> changes, boolean lastWriterWins)
            throws SQLException {
        boolean[] written = new boolean[changes.size()];
        for (int i = 0; i < written.length; i++) {
            written[i] = upsert(target, changes.get(i), lastWriterWins);
        }
        return written;
    }

    /** Removes many rows as {@link #delete} would; one by one unless overridden. */
    default void deleteAll(Connection target, List<SourceChange> changes) throws SQLException {
        for (SourceChange change : changes) {
            delete(target, change);
        }
    }
}
