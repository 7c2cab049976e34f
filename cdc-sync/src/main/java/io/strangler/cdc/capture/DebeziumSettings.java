package io.strangler.cdc.capture;

import io.strangler.cdc.CdcProperties.SourceDatabase;
import io.strangler.cdc.echo.EchoFilter;
import io.strangler.cdc.echo.OriginMarker;
import io.strangler.tracing.TraceMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Debezium PostgreSQL connector settings of one source. They are the settings a Kafka Connect deployment would
 * use (same topic names and JSON envelope), plus the embedded engine's file offset store.
 */
final class DebeziumSettings {

    /** How often an idle source still moves its replication slot forward. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /**
     * The poll interval of a capture that streams no table, only the sync's marker (heartbeats and echo markers):
     * nothing waits for it, and each engine's poll loop spins through the sub-millisecond rest of every interval.
     */
    static final Duration IDLE_POLL_INTERVAL = Duration.ofMillis(500);
    /** Heartbeat records go to {@code <prefix>.<topic.prefix>}; the capture does not publish them. */
    static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

    private DebeziumSettings() {
    }

    /** The name the source's echo filter counts under ({@link io.strangler.cdc.echo.EchoCounts#named}). */
    static String echoCounterName(String sourceName) {
        return "cdc-sync-" + sourceName;
    }

    /** The publication the connector reads through: {@code <slot name>_pub}. */
    static String publicationName(SourceDatabase source) {
        return source.slotName() + "_pub";
    }

    /** The settings streaming all configured tables of the source, as the Kafka Connect deployment does. */
    static Properties of(String sourceName, SourceDatabase source, Path dataDir) {
        return of(sourceName, source, source.tables(), dataDir);
    }

    /**
     * The settings streaming {@code tables} (some of the source's configured tables) and the sync's marker table.
     * Debezium sets the publication to exactly these tables when the engine starts
     * ({@code publication.autocreate.mode=filtered}).
     */
    static Properties of(String sourceName, SourceDatabase source, List<String> tables, Path dataDir) {
        Properties url = org.postgresql.Driver.parseURL(source.jdbcUrl(), new Properties());
        if (url == null) {
            throw new IllegalArgumentException("cdc.sources." + sourceName + ".jdbc-url is not a PostgreSQL URL: "
                    + source.jdbcUrl());
        }
        List<String> captured = new ArrayList<>(tables);
        captured.add(OriginMarker.CAPTURED_TABLE);
        Properties p = new Properties();
        p.setProperty("name", "cdc-sync-" + sourceName);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", dataDir.resolve("offsets-" + sourceName + ".dat").toString());
        // the default flushes offsets every 60 s: a restart would then re-send a minute of changes
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", url.getProperty("PGHOST", "localhost").split(",")[0]);
        p.setProperty("database.port", url.getProperty("PGPORT", "5432").split(",")[0]);
        p.setProperty("database.dbname", url.getProperty("PGDBNAME"));
        p.setProperty("database.user", source.username());
        p.setProperty("database.password", source.password());
        p.setProperty("topic.prefix", source.topicPrefix());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", source.slotName());
        p.setProperty("publication.name", publicationName(source));
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", String.join(",", captured));
        // writers' trace context (transactional logical decoding messages), never other applications' messages
        p.setProperty("message.prefix.include.list", TraceMessages.PREFIX);
        p.setProperty("snapshot.mode", "initial");
        // the default 500 ms poll interval makes every change wait ~500 ms (measured, STACK.md)
        p.setProperty("poll.interval.ms", tables.isEmpty() ? Long.toString(IDLE_POLL_INTERVAL.toMillis()) : "10");
        p.setProperty("max.batch.size", "2048");
        // an idle source would hold WAL on the server (the slot's flushed position only moves with captured changes):
        // the heartbeat writes the sync's marker table, whose change moves the position, and flushes the offsets
        p.setProperty("heartbeat.interval.ms", Long.toString(HEARTBEAT.toMillis()));
        p.setProperty("heartbeat.action.query", OriginMarker.heartbeatSql());
        p.setProperty("topic.heartbeat.prefix", HEARTBEAT_TOPIC_PREFIX);
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("converter.schemas.enable", "false");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        echoFilter(sourceName, p);
        return p;
    }

    /**
     * The echo filter (cdc-echo-filter), applied by the engine to the connector's records before JSON conversion, as
     * Kafka Connect applies it: drops the sync's own transactions ({@link OriginMarker}).
     */
    private static void echoFilter(String sourceName, Properties p) {
        p.setProperty("transforms", "echo");
        p.setProperty("transforms.echo.type", EchoFilter.class.getName());
        p.setProperty("transforms.echo." + EchoFilter.MARKER_TABLE_CONFIG, OriginMarker.CAPTURED_TABLE);
        p.setProperty("transforms.echo." + EchoFilter.COUNTER_NAME_CONFIG, echoCounterName(sourceName));
        // the filter needs the records in capture order: one thread applies the transforms (the engine's default
        // pool happens to run one thread; this makes it a setting, not an accident)
        p.setProperty("record.processing.threads", "1");
    }
}
