package io.strangler.cdc;

import io.strangler.infra.LocalPostgres;
import io.strangler.infra.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * The legacy and catalog databases of the ITs, with the schemas the legacy-monolith and catalog-service modules
 * migrate to, read from those modules' own changelog files (nothing copied).
 */
final class SyncDatabases {

    private SyncDatabases() {
    }

    static PostgresDatabase create(String name, String module, String changelog) {
        PostgresDatabase db = LocalPostgres.shared().createDatabase(name);
        Path resources = Path.of("..").resolve(module).resolve("src/main/resources").toAbsolutePath().normalize();
        try (Connection c = db.connect(); DirectoryResourceAccessor files = new DirectoryResourceAccessor(resources)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase(changelog, files, database).update(new Contexts());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot migrate " + name + " with " + resources + "/" + changelog, e);
        }
        return db;
    }

    static int sql(PostgresDatabase db, String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first row of a query as column -> value, or null when there is none. */
    static Map<String, Object> row(PostgresDatabase db, String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
