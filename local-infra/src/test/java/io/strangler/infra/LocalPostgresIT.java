package io.strangler.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.infra.test.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@WithPostgres
class LocalPostgresIT {

    @Test
    void shouldRunWithSettingsThatChangeDataCaptureNeeds(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(setting(c, "wal_level")).isEqualTo("logical");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(Integer.parseInt(setting(c, "max_replication_slots"))).isGreaterThanOrEqualTo(16);
            assertThat(Integer.parseInt(setting(c, "max_wal_senders"))).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void shouldCreateALogicalReplicationSlotWithPgoutput(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_create_logical_replication_slot('infra_probe', 'pgoutput')");
            try (ResultSet rs = st.executeQuery(
                    "SELECT plugin FROM pg_replication_slots WHERE slot_name = 'infra_probe'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("pgoutput");
            }
            st.execute("SELECT pg_drop_replication_slot('infra_probe')");
        }
    }

    @Test
    void shouldGiveEachTestClassItsOwnDatabase(PostgresDatabase db) {
        assertThat(db.name()).isEqualTo("t_local_postgres_it");
        assertThat(db.jdbcUrl()).endsWith("/t_local_postgres_it");
    }

    @Test
    void shouldCreateDatabasesIdempotently() throws SQLException {
        PostgresDatabase first = LocalPostgres.shared().createDatabase("twice");
        PostgresDatabase second = LocalPostgres.shared().createDatabase("twice");
        assertThat(second).isEqualTo(first);
        try (Connection c = second.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("twice");
        }
    }

    @Test
    void shouldRejectDatabaseNamesThatAreNotPlainIdentifiers() {
        for (String bad : new String[] {"Upper", "1st", "drop table x", "a-b", "", "x".repeat(64)}) {
            assertThatThrownBy(() -> LocalPostgres.shared().createDatabase(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid database name");
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
