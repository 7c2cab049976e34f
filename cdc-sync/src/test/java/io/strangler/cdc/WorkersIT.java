package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.apply.ChangeApplier.ApplierState;
import io.strangler.infra.LocalKafka;
import io.strangler.infra.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The appliers of one direction run as two workers (the default) in one consumer group and share the load. */
class WorkersIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    SyncRuntime runtime;

    @Test
    void runsTwoWorkersPerDirectionOnTopicsWithAPartitionEach() throws Exception {
        List<ApplierState> legacyToCatalog = runtime.appliers().stream().map(a -> a.state())
                .filter(s -> s.name().equals("legacy_to_new-catalog")).toList();
        assertThat(legacyToCatalog).extracting(ApplierState::worker).containsExactlyInAnyOrder(0, 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("legacy.public.products",
                    "catalog.public.product", "catalog.public.stock")).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(2));
        }
    }

    @Test
    void spreadsTheChangesOfOneDirectionOverItsWorkersEachWithItsOwnMarkerRow() {
        Map<String, Long> before = markerWrites(CATALOG);
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg)
                SELECT g, 'SKU-W' || g, 'worker ' || g, '', 1, 100, 1, 'Y' FROM generate_series(700, 739) g""");
        await().atMost(WAIT).until(() -> ((Number) row(CATALOG,
                "SELECT count(*) AS n FROM product WHERE id BETWEEN 700 AND 739").get("n")).intValue() == 40);

        // 40 keys over two partitions: both workers applied some of them, each under its own marker row (the
        // snapshot at start may have written both rows already: what counts is that both moved now)
        Map<String, Long> after = markerWrites(CATALOG);
        for (int worker = 0; worker < 2; worker++) {
            String prefix = "cdc-sync-legacy_to_new-catalog-" + worker;
            assertThat(writesOf(after, prefix)).as(prefix).isGreaterThan(writesOf(before, prefix));
        }

        // leave the shared databases as they were, for the parity checks of the other classes
        sql(LEGACY, "DELETE FROM products WHERE prod_id BETWEEN 700 AND 739");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id BETWEEN 700 AND 739") == null);
    }

    private static long writesOf(Map<String, Long> writes, String writerPrefix) {
        return writes.entrySet().stream().filter(e -> e.getKey().startsWith(writerPrefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The origin marker rows: writer, and how many transactions it marked. */
    private static Map<String, Long> markerWrites(PostgresDatabase db) {
        Map<String, Long> writes = new HashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT writer, writes FROM cdc_origin")) {
            while (rs.next()) {
                writes.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return writes;
    }
}
