package io.strangler.cdc.echo;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Drops, at the source, every change cdc-sync's appliers wrote, so that a table synchronised both ways never echoes.
 * An applier writes a row of the origin marker table first in every transaction it commits; this transform sees the
 * marker change (any operation but a snapshot read {@code r}), remembers its transaction ({@code source.txId}) and drops
 * every change of that transaction, the marker's own changes, and the tombstone that follows a dropped delete (same
 * topic and key). Everything else passes unchanged, including records that are not Debezium change events
 * (heartbeats, schema changes without {@code source.txId}).
 *
 * <p>Works on Debezium's {@code Struct} change events (envelope with {@code op} and a {@code source} block carrying
 * {@code txId}, {@code schema} and {@code table}, as the PostgreSQL connector emits them), before any converter: on
 * Kafka Connect ({@code transforms=echo}, {@code transforms.echo.type=io.strangler.cdc.echo.EchoFilter}) as in
 * Debezium's embedded engine. Changes of one transaction arrive together and in order, and the marker comes first, so
 * remembering the last marker transaction is enough; that requires records in capture order: Connect applies
 * transforms on the task thread in order, the embedded engine must run with {@code record.processing.threads=1}.
 *
 * <p>Configuration: {@value #MARKER_TABLE_CONFIG} (default {@value #DEFAULT_MARKER_TABLE}) and {@value
 * #COUNTER_NAME_CONFIG} (default empty: counts are kept but not published), see {@link EchoCounts}.
 *
 * <p>Not thread-safe: {@link #apply} is called from one thread at a time, in capture order. Its counts may be read
 * from any thread.
 *
 * @param <R> the record type; Debezium's are {@code SourceRecord}s
 */
public final class EchoFilter<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    /** The origin marker table, as {@code schema.table}. */
    public static final String MARKER_TABLE_CONFIG = "marker.table";
    /** The marker table cdc-sync creates in every database it captures. */
    public static final String DEFAULT_MARKER_TABLE = "public.cdc_origin";
    /** Name under which the counts are published ({@link EchoCounts#named}); empty publishes none. */
    public static final String COUNTER_NAME_CONFIG = "counter.name";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(MARKER_TABLE_CONFIG, ConfigDef.Type.STRING, DEFAULT_MARKER_TABLE, new MarkerTableValidator(),
                    ConfigDef.Importance.HIGH, "The origin marker table the sync writes first in each of its "
                            + "transactions, as schema.table (it must be captured: in table.include.list)")
            .define(COUNTER_NAME_CONFIG, ConfigDef.Type.STRING, "", new CounterNameValidator(),
                    ConfigDef.Importance.LOW, "Name under which the drop counts are published in the JVM (EchoCounts) "
                            + "and as the JMX MBean io.strangler.cdc:type=EchoFilter,name=<name>; empty: not "
                            + "published. Use the connector's name.");

    private String markerSchema;
    private String markerTable;
    private EchoCounts counts = new EchoCounts();
    private long syncTransaction = -1;
    /** The delete just dropped, whose tombstone comes next: its topic and key. */
    private String droppedDeleteTopic;
    private Object droppedDeleteKey;
    private boolean droppedDelete;

    /**
     * Reads the configuration.
     *
     * @throws ConfigException naming the setting and what it accepts, when a value is not valid
     */
    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> parsed = CONFIG_DEF.parse(configs);
        String marker = (String) parsed.get(MARKER_TABLE_CONFIG);
        int dot = marker.indexOf('.');
        markerSchema = marker.substring(0, dot);
        markerTable = marker.substring(dot + 1);
        String counterName = (String) parsed.get(COUNTER_NAME_CONFIG);
        counts = counterName.isEmpty() ? new EchoCounts() : EchoCounts.named(counterName);
    }

    /**
     * The record, or null to drop it (the sync wrote it, it is a marker change, or the tombstone of a dropped delete).
     */
    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return tombstoneOfDroppedDelete(record) ? null : record;
        }
        droppedDelete = false;
        if (!(record.value() instanceof Struct change) || field(change, "source") == null) {
            return record;
        }
        Struct source = change.getStruct("source");
        Long txId = field(source, "txId") == null ? null : source.getInt64("txId");
        String op = field(change, "op") == null ? null : change.getString("op");
        if (isMarker(source)) {
            if (!"r".equals(op)) {
                syncTransaction = txId == null ? -1 : txId;
            }
            counts.markerDropped();
            return drop(record, op);
        }
        if (txId != null && txId >= 0 && txId == syncTransaction) {
            counts.echoDropped();
            return drop(record, op);
        }
        return record;
    }

    /** The counts of this filter (shared with every filter configured with the same counter name). */
    public EchoCounts counts() {
        return counts;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /** Nothing to release: the counts stay readable. */
    @Override
    public void close() {
    }

    @Override
    public String version() {
        String version = EchoFilter.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    private R drop(R record, String op) {
        if ("d".equals(op)) {
            droppedDelete = true;
            droppedDeleteTopic = record.topic();
            droppedDeleteKey = record.key();
        }
        return null;
    }

    /** Debezium emits a delete's tombstone right after the delete, with the same topic and key. */
    private boolean tombstoneOfDroppedDelete(R tombstone) {
        boolean ofDropped = droppedDelete && Objects.equals(droppedDeleteTopic, tombstone.topic())
                && Objects.equals(droppedDeleteKey, tombstone.key());
        droppedDelete = false;
        if (ofDropped) {
            counts.tombstoneDropped();
        }
        return ofDropped;
    }

    private boolean isMarker(Struct source) {
        return field(source, "table") != null && field(source, "schema") != null
                && markerTable.equals(source.getString("table")) && markerSchema.equals(source.getString("schema"));
    }

    private static Field field(Struct struct, String name) {
        return struct.schema().field(name);
    }

    /** {@code schema.table}: two non-blank parts. */
    private static final class MarkerTableValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String table = value == null ? "" : value.toString();
            int dot = table.indexOf('.');
            if (dot <= 0 || dot == table.length() - 1 || table.indexOf('.', dot + 1) >= 0 || !table.strip().equals(table)
                    || table.substring(0, dot).isBlank() || table.substring(dot + 1).isBlank()) {
                throw new ConfigException(name, value, "expected the marker table as schema.table, e.g. "
                        + DEFAULT_MARKER_TABLE);
            }
        }

        @Override
        public String toString() {
            return "schema.table";
        }
    }

    /** Empty, or letters, digits, '.', '_' and '-' (it becomes part of a JMX object name). */
    private static final class CounterNameValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && !value.toString().matches("[A-Za-z0-9._-]*")) {
                throw new ConfigException(name, value, "expected letters, digits, '.', '_' or '-' only, e.g. the "
                        + "connector's name");
            }
        }

        @Override
        public String toString() {
            return "[A-Za-z0-9._-]*";
        }
    }
}
