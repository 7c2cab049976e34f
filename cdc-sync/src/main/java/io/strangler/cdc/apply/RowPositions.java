package io.strangler.cdc.apply;

import io.strangler.cdc.mapping.SourceChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /*
     * Many rows in one statement. 'before' reads the positions as they were (a data-modifying CTE's effects are not
     * visible to its siblings), so changes of a row older than what the target held can be told apart (stale) from
     * ones superseded within the batch. The incoming rows must have distinct keys (ON CONFLICT touches a row once).
     * The two answers come back as rows of their own and are matched in Java: joining the CTEs in SQL made PostgreSQL
     * compare every incoming row with every claimed one (a generic plan estimates an unnested array at 10 rows and
     * picks nested loops), which took most of the applier's time at 2,000 rows per poll.
     */
    private static final String CLAIM_ALL = """
            WITH incoming AS (
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::boolean[])
                    AS i(source_table, row_key, source_lsn, committed_ms, deleted)),
            before AS (
                SELECT p.source_table, p.row_key, p.source_lsn FROM cdc_row_position p
                JOIN incoming i USING (source_table, row_key)),
            claimed AS (
                INSERT INTO cdc_row_position AS p (source_table, row_key, source_lsn, committed_at, deleted)
                SELECT source_table, row_key, source_lsn, to_timestamp(committed_ms / 1000.0), deleted FROM incoming
                ON CONFLICT (source_table, row_key) DO UPDATE SET source_lsn = EXCLUDED.source_lsn,
                    committed_at = EXCLUDED.committed_at, deleted = EXCLUDED.deleted
                WHERE p.source_lsn < EXCLUDED.source_lsn
                RETURNING p.source_table, p.row_key)
            SELECT true AS claimed, source_table, row_key, NULL::bigint AS held_lsn FROM claimed
            UNION ALL
            SELECT false, source_table, row_key, source_lsn FROM before
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

    /**
     * {@link #claim} for the latest change of many rows in one round trip.
     *
     * @param latest the latest change of each row; at most one per (source table, row key)
     * @return per row, whether it was claimed and the position the target held before
     */
    static Map<RowId, Claim> claimAll(Connection c, List<Latest> latest) throws SQLException {
        int n = latest.size();
        String[] tables = new String[n];
        String[] keys = new String[n];
        Long[] lsns = new Long[n];
        Long[] committed = new Long[n];
        Boolean[] deleted = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Latest l = latest.get(i);
            tables[i] = l.row().sourceTable();
            keys[i] = l.row().rowKey();
            lsns[i] = l.change().lsn();
            committed[i] = l.change().commitTimeMs();
            deleted[i] = l.change().isDelete();
        }
        Set<RowId> claimed = new HashSet<>(n * 2);
        Map<RowId, Long> held = new HashMap<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(CLAIM_ALL)) {
            ps.setArray(1, c.createArrayOf("varchar", tables));
            ps.setArray(2, c.createArrayOf("varchar", keys));
            ps.setArray(3, c.createArrayOf("bigint", lsns));
            ps.setArray(4, c.createArrayOf("bigint", committed));
            ps.setArray(5, c.createArrayOf("boolean", deleted));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RowId id = new RowId(rs.getString(2), rs.getString(3));
                    if (rs.getBoolean(1)) {
                        claimed.add(id);
                    } else {
                        held.put(id, rs.getLong(4));
                    }
                }
            }
        }
        Map<RowId, Claim> claims = new HashMap<>(n * 2);
        for (Latest l : latest) {
            claims.put(l.row(), new Claim(claimed.contains(l.row()), held.getOrDefault(l.row(), Long.MIN_VALUE)));
        }
        return claims;
    }

    /** A row of a source table, as the positions key it. */
    record RowId(String sourceTable, String rowKey) {
    }

    /** The latest change of a row within a batch. */
    record Latest(RowId row, SourceChange change) {
    }

    /**
     * @param claimed whether the latest change is beyond the target's position (and is now its position)
     * @param heldLsn the position before, {@link Long#MIN_VALUE} for a row never seen
     */
    record Claim(boolean claimed, long heldLsn) {
    }
}
