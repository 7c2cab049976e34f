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
    /** Heartbeat records go to {@code <prefix>.<topic.prefix>}; the capture does not publish them. */
    static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

    private DebeziumSettings() {
    }

    /** The name the source's echo filter counts under ({@link io.strangler.cdc.echo.EchoCounts#named}). */
    static String echoCounterName(String sourceName) {
        return "cdc-sync-" + sourceName;
    }

    static Properties of(String sourceName, SourceDatabase source, Path dataDir) {
        Properties url = org.postgresql.Driver.parseURL(source.jdbcUrl(), new Properties());
        if (url == null) {
            throw new IllegalArgumentException("cdc.sources." + sourceName + ".jdbc-url is not a PostgreSQL URL: "
                    + source.jdbcUrl());
        }
        List<String> tables = new ArrayList<>(source.tables());
        tables.add(OriginMarker.CAPTURED_TABLE);
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
        p.setProperty("publication.name", source.slotName() + "_pub");
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", String.join(",", tables));
        // writers' trace context (transactional logical decoding messages), never other applications' messages
        p.setProperty("message.prefix.include.list", TraceMessages.PREFIX);
        p.setProperty("snapshot.mode", "initial");
        // the default 500 ms poll interval makes every change wait ~500 ms (measured, STACK.md)
        p.setProperty("poll.interval.ms", "10");
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
