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
import java.util.ArrayList;
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
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg)
                SELECT g, 'SKU-W' || g, 'worker ' || g, '', 1, 100, 1, 'Y' FROM generate_series(700, 739) g""");
        await().atMost(WAIT).until(() -> ((Number) row(CATALOG,
                "SELECT count(*) AS n FROM product WHERE id BETWEEN 700 AND 739").get("n")).intValue() == 40);

        // 40 keys over two partitions: both workers wrote, each under its own marker row
        assertThat(markerWriters(CATALOG)).anyMatch(w -> w.startsWith("cdc-sync-legacy_to_new-catalog-0"))
                .anyMatch(w -> w.startsWith("cdc-sync-legacy_to_new-catalog-1"));

        // leave the shared databases as they were, for the parity checks of the other classes
        sql(LEGACY, "DELETE FROM products WHERE prod_id BETWEEN 700 AND 739");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id BETWEEN 700 AND 739") == null);
    }

    private static List<String> markerWriters(PostgresDatabase db) {
        List<String> writers = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT writer FROM cdc_origin")) {
            while (rs.next()) {
                writers.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return writers;
    }
}
