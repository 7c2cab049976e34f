package io.strangler.cdc.apply;

import io.strangler.cdc.mapping.SourceChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * The source position of the last change applied to each row, kept by the sync in the target database
 * ({@value #TABLE}). A change is applied only if its position is beyond the stored one: a replay or an out-of-order
 * change is rejected, atomically and in the target transaction.
 */
final class RowPositions {

    static final String TABLE = "cdc_row_position";

    private static final String CLAIM = """
            INSERT INTO cdc_row_position AS p (source_table, row_key, source_lsn, committed_at, deleted)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (source_table, row_key) DO UPDATE SET source_lsn = EXCLUDED.source_lsn,
                committed_at = EXCLUDED.committed_at, deleted = EXCLUDED.deleted
            WHERE p.source_lsn < EXCLUDED.source_lsn
            """;

    private RowPositions() {
    }

    static void ensureTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS cdc_row_position (
                        source_table  VARCHAR(200) NOT NULL,
                        row_key       VARCHAR(200) NOT NULL,
                        source_lsn    BIGINT NOT NULL,
                        committed_at  TIMESTAMPTZ NOT NULL,
                        deleted       BOOLEAN NOT NULL,
                        PRIMARY KEY (source_table, row_key))
                    """);
        }
    }

    /**
     * Records the change's position for the row if it is newer than the stored one.
     *
     * @param sourceTable the source database and table, e.g. {@code legacy.public.products}
     * @return false when the row already holds this change or a later one (the change must not be applied)
     */
    static boolean claim(Connection c, String sourceTable, String rowKey, SourceChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, sourceTable);
            ps.setString(2, rowKey);
            ps.setLong(3, change.lsn());
            ps.setTimestamp(4, new Timestamp(change.commitTimeMs()));
            ps.setBoolean(5, change.isDelete());
            return ps.executeUpdate() > 0;
        }
    }
}
