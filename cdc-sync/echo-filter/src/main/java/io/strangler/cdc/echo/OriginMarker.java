package io.strangler.cdc.echo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The sync's origin marker: every transaction an applier commits first writes a row of {@value #TABLE} in the same
 * transaction. The capture of that database sees the marker change, remembers its transaction id and drops every
 * other change of that transaction ({@link EchoFilter}), so nothing the sync wrote is sent back.
 */
public final class OriginMarker {

    /** The marker table, created by the sync in every database it captures. */
    public static final String TABLE = "cdc_origin";
    /** The marker table as Debezium names it in {@code table.include.list}. */
    public static final String CAPTURED_TABLE = "public." + TABLE;

    private OriginMarker() {
    }

    /** Creates the marker table if it does not exist. */
    public static void ensureTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (writer VARCHAR(100) PRIMARY KEY, "
                    + "writes BIGINT NOT NULL, written_at TIMESTAMPTZ NOT NULL)");
        }
    }

    /** Marks the current transaction as written by {@code writer}; call it first in the transaction. */
    public static void mark(Connection c, String writer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " AS o (writer, writes, written_at) "
                + "VALUES (?, 1, now()) ON CONFLICT (writer) DO UPDATE SET writes = o.writes + 1, written_at = now()")) {
            ps.setString(1, writer);
            ps.executeUpdate();
        }
    }

    /**
     * The capture's heartbeat statement: a marker write of its own (writer {@code cdc-heartbeat}) that gives an idle
     * source a change to capture, so its replication slot moves on; the echo filter drops it like any marker.
     */
    public static String heartbeatSql() {
        return "INSERT INTO " + TABLE + " AS o (writer, writes, written_at) VALUES ('cdc-heartbeat', 1, now()) "
                + "ON CONFLICT (writer) DO UPDATE SET writes = o.writes + 1, written_at = now()";
    }
}
