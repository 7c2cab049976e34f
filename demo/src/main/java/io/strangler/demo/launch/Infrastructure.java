package io.strangler.demo.launch;

import io.strangler.infra.LocalKafka;
import io.strangler.infra.LocalPostgres;
import io.strangler.infra.PostgresDatabase;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL and Kafka for the landscape: embedded servers started in this JVM through local-infra, or the
 * external ones configured through {@code SPRING_DATASOURCE_URL} / {@code KAFKA_BOOTSTRAP_SERVERS}. Either way
 * each service gets a database of its own on the one server.
 */
final class Infrastructure implements AutoCloseable {

    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    private final LocalPostgres postgres;
    private final CompletableFuture<LocalKafka> kafka;
    private final PostgresDatabase externalPostgres;
    private final String externalKafka;

    private Infrastructure(LocalPostgres postgres, CompletableFuture<LocalKafka> kafka,
            PostgresDatabase externalPostgres, String externalKafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.externalPostgres = externalPostgres;
        this.externalKafka = externalKafka;
    }

    /**
     * Starts PostgreSQL (unless external) and returns once it is up; the Kafka broker (unless external) keeps
     * starting in the background, so that services without Kafka need not wait for it (see {@link #kafkaReady}).
     */
    static Infrastructure start(DemoSettings settings, Progress progress) {
        CompletableFuture<LocalKafka> kafka = settings.externalKafka().isPresent()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> progress.timed("Kafka",
                        () -> startKafkaQuietly(settings), k -> "started at " + k.bootstrapServers()));
        try {
            LocalPostgres postgres = settings.externalPostgres().isPresent() ? null
                    : progress.timed("PostgreSQL", () -> LocalPostgres.start(settings.runDir(), settings.postgresPort()),
                            pg -> "started on 127.0.0.1:" + pg.port());
            settings.externalPostgres().ifPresent(pg -> progress.info("PostgreSQL", "external: " + pg.jdbcUrl()));
            settings.externalKafka().ifPresent(k -> progress.info("Kafka", "external: " + k));
            return new Infrastructure(postgres, kafka, settings.externalPostgres().orElse(null),
                    settings.externalKafka().orElse(null));
        } catch (RuntimeException e) {
            closeWhenStarted(kafka);
            throw e;
        }
    }

    /**
     * Whether Kafka can be used now.
     *
     * @throws LaunchException if the embedded broker failed to start
     */
    boolean kafkaReady() {
        if (!kafka.isDone()) {
            return false;
        }
        if (kafka.isCompletedExceptionally()) {
            Throwable cause = kafka.handle((k, e) -> e instanceof CompletionException ? e.getCause() : e).join();
            throw new LaunchException("Kafka did not start: " + cause.getMessage() + " (details in the launcher's "
                    + "log)", cause);
        }
        return true;
    }

    /** Where the services reach Kafka; only once {@link #kafkaReady()}. */
    String kafkaBootstrapServers() {
        return externalKafka != null ? externalKafka : kafka.join().bootstrapServers();
    }

    /** Kafka's storage formatter prints to {@code System.out}: keep the launcher's console for progress lines. */
    private static LocalKafka startKafkaQuietly(DemoSettings settings) {
        PrintStream console = System.out;
        try (PrintStream log = new PrintStream(new FileOutputStream(settings.logs().resolve("kafka.log").toFile()),
                true, StandardCharsets.UTF_8)) {
            System.setOut(log);
            return LocalKafka.start(); // on a free port, printed once ready
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(console);
        }
    }

    /** Creates the database if it is missing and returns how to reach it. */
    PostgresDatabase database(String name) {
        if (postgres != null) {
            return postgres.createDatabase(name);
        }
        return createExternal(name);
    }

    /** The embedded PostgreSQL's server process (it runs detached), to record in the pid file. */
    Optional<ProcessHandle> postgresProcess(Path runDir) {
        if (postgres == null) {
            return Optional.empty();
        }
        Path pidFile = runDir.resolve("pg-data-" + ProcessHandle.current().pid()).resolve("postmaster.pid");
        try {
            return Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops Kafka (waiting for it if it is still starting), then PostgreSQL: what is embedded. */
    @Override
    public void close() {
        closeWhenStarted(kafka);
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void closeWhenStarted(CompletableFuture<LocalKafka> kafka) {
        LocalKafka started = kafka.exceptionally(failure -> null).join();
        if (started != null) {
            started.close();
        }
    }

    private PostgresDatabase createExternal(String name) {
        try (Connection c = externalPostgres.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement st = c.createStatement()) {
                            // names come from the landscape's ServiceSpecs (lower-case identifiers), never from users
                            st.execute("CREATE DATABASE " + name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("Could not create database '" + name + "' on the external PostgreSQL "
                    + externalPostgres.jdbcUrl() + ": " + e.getMessage() + ". Create it yourself, or let "
                    + externalPostgres.username() + " create databases (CREATEDB).", e);
        }
        return new PostgresDatabase(name, withDatabase(externalPostgres.jdbcUrl(), name),
                externalPostgres.username(), externalPostgres.password());
    }

    /** The same server URL, naming another database: {@code jdbc:postgresql://host:port/<name>?params}. */
    static String withDatabase(String jdbcUrl, String name) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new LaunchException("SPRING_DATASOURCE_URL must be a PostgreSQL URL like "
                    + "jdbc:postgresql://host:5432/postgres, was " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?');
        String params = query >= 0 ? jdbcUrl.substring(query) : "";
        String base = query >= 0 ? jdbcUrl.substring(0, query) : jdbcUrl;
        int slash = base.indexOf('/', JDBC_PREFIX.length());
        String hosts = slash >= 0 ? base.substring(0, slash) : base;
        return hosts + "/" + name + params;
    }
}
