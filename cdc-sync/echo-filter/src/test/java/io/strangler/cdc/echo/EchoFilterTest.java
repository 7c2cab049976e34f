package io.strangler.cdc.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** Debezium-shaped records built by hand: PostgreSQL connector envelope with op and source (txId, schema, table). */
class EchoFilterTest {

    private static final Schema KEY = SchemaBuilder.struct().name("Key").field("id", Schema.INT32_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().name("Value").optional()
            .field("id", Schema.INT32_SCHEMA).build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("schema", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .build();
    private static final Schema HEARTBEAT = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
            .field("ts_ms", Schema.INT64_SCHEMA).build();

    private final EchoFilter<SourceRecord> filter = filter(Map.of());

    @Test
    void dropsTheMarkerAndEveryOtherChangeOfItsTransaction() {
        assertThat(filter.apply(change("cdc_origin", "u", 10, 1))).isNull();
        assertThat(filter.apply(change("product", "u", 10, 7))).isNull();
        assertThat(filter.apply(change("stock", "c", 10, 7))).isNull();

        assertThat(filter.counts().getEchoes()).isEqualTo(2);
        assertThat(filter.counts().getMarkers()).isEqualTo(1);
    }

    @Test
    void keepsChangesOfOtherTransactions() {
        SourceRecord before = change("product", "u", 9, 7);
        SourceRecord after = change("product", "u", 11, 7);

        assertThat(filter.apply(before)).isSameAs(before);
        filter.apply(change("cdc_origin", "u", 10, 1));
        assertThat(filter.apply(after)).isSameAs(after);
        assertThat(filter.counts().getEchoes()).isZero();
    }

    @Test
    void snapshotReadsOfTheMarkerMarkNoTransaction() {
        SourceRecord product = change("product", "r", 10, 7);

        assertThat(filter.apply(change("cdc_origin", "r", 10, 1))).isNull();
        assertThat(filter.apply(product)).isSameAs(product);
    }

    @Test
    void dropsTheTombstoneAfterADroppedDelete() {
        filter.apply(change("cdc_origin", "u", 10, 1));

        assertThat(filter.apply(change("product", "d", 10, 7))).isNull();
        assertThat(filter.apply(tombstone("product", 7))).isNull();
        assertThat(filter.counts().getTombstones()).isEqualTo(1);
    }

    @Test
    void keepsTombstonesOfKeptDeletesAndOfOtherKeys() {
        filter.apply(change("cdc_origin", "u", 10, 1));
        filter.apply(change("product", "d", 10, 7));
        SourceRecord otherKey = tombstone("product", 8);
        assertThat(filter.apply(otherKey)).isSameAs(otherKey);

        SourceRecord kept = change("product", "d", 11, 9);
        SourceRecord itsTombstone = tombstone("product", 9);
        assertThat(filter.apply(kept)).isSameAs(kept);
        assertThat(filter.apply(itsTombstone)).isSameAs(itsTombstone);
    }

    @Test
    void passesRecordsThatAreNoChangeEvents() {
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.catalog", null, null,
                HEARTBEAT, new Struct(HEARTBEAT).put("ts_ms", 1L));
        filter.apply(change("cdc_origin", "u", 10, 1));

        assertThat(filter.apply(heartbeat)).isSameAs(heartbeat);
    }

    @Test
    void usesTheConfiguredMarkerTable() {
        EchoFilter<SourceRecord> custom = filter(Map.of(EchoFilter.MARKER_TABLE_CONFIG, "sync.origin"));
        SourceRecord publicMarker = change("cdc_origin", "u", 10, 1);

        assertThat(custom.apply(publicMarker)).isSameAs(publicMarker);
        assertThat(custom.apply(change("sync", "origin", "u", 11, 1))).isNull();
        assertThat(custom.apply(change("product", "u", 11, 7))).isNull();
    }

    @Test
    void filtersWithTheSameCounterNameShareTheirCounts() {
        EchoFilter<SourceRecord> first = filter(Map.of(EchoFilter.COUNTER_NAME_CONFIG, "cdc-sync-test"));
        EchoFilter<SourceRecord> second = filter(Map.of(EchoFilter.COUNTER_NAME_CONFIG, "cdc-sync-test"));
        long before = EchoCounts.named("cdc-sync-test").getEchoes();

        first.apply(change("cdc_origin", "u", 10, 1));
        first.apply(change("product", "u", 10, 7));
        second.apply(change("cdc_origin", "u", 12, 1));
        second.apply(change("product", "u", 12, 7));

        assertThat(EchoCounts.named("cdc-sync-test").getEchoes()).isEqualTo(before + 2);
    }

    @Test
    void refusesAMarkerTableWithoutSchema() {
        assertThatThrownBy(() -> filter(Map.of(EchoFilter.MARKER_TABLE_CONFIG, "cdc_origin")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("marker.table").hasMessageContaining("schema.table");
    }

    @Test
    void refusesACounterNameThatIsNoJmxName() {
        assertThatThrownBy(() -> filter(Map.of(EchoFilter.COUNTER_NAME_CONFIG, "a,b=c")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("counter.name").hasMessageContaining("letters, digits");
    }

    private static EchoFilter<SourceRecord> filter(Map<String, String> config) {
        EchoFilter<SourceRecord> filter = new EchoFilter<>();
        filter.configure(new HashMap<>(config));
        return filter;
    }

    private static SourceRecord change(String table, String op, long txId, int id) {
        return change("public", table, op, txId, id);
    }

    private static SourceRecord change(String schema, String table, String op, long txId, int id) {
        Struct row = new Struct(ROW).put("id", id);
        Struct value = new Struct(ENVELOPE)
                .put("before", "d".equals(op) ? row : null)
                .put("after", "d".equals(op) ? null : row)
                .put("source", new Struct(SOURCE).put("schema", schema).put("table", table).put("txId", txId))
                .put("op", op);
        return new SourceRecord(Map.of(), Map.of(), "catalog." + schema + "." + table, null, KEY, key(id),
                ENVELOPE, value);
    }

    private static SourceRecord tombstone(String table, int id) {
        return new SourceRecord(Map.of(), Map.of(), "catalog.public." + table, null, KEY, key(id), null, null);
    }

    private static Struct key(int id) {
        return new Struct(KEY).put("id", id);
    }
}
