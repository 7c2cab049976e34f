package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.apply.ApplyOutcome;
import io.strangler.cdc.mapping.Direction;
import io.strangler.cdc.status.SyncMetrics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class LegacyToCatalogIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PRODUCTS_TOPIC = "legacy.public.products";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SyncMetrics metrics;
    @Autowired
    SyncRuntime runtime;

    @Test
    void backfillsRowsThatExistedBeforeTheSyncStarted() {
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 9") != null);
        Map<String, Object> product = row(CATALOG, """
                SELECT p.sku, p.name, p.price, p.active, p.category_id, s.on_hand FROM product p
                JOIN stock s ON s.product_id = p.id WHERE p.id = 1""");
        assertThat(product).containsEntry("sku", "SKU-1").containsEntry("name", "Product 1")
                .containsEntry("price", new BigDecimal("10.01")).containsEntry("active", true)
                .containsEntry("category_id", 1L).containsEntry("on_hand", 6);
        assertThat(row(CATALOG, "SELECT name FROM category WHERE id = 2")).containsEntry("name", "Games");
    }

    @Test
    void mapsInsertUpdateAndDeleteOfLegacyProducts() {
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg) VALUES (100, 'SKU-100', 'Lamp', 'a lamp', 2, 1999, 3, 'N')""");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM stock WHERE product_id = 100") != null);
        assertThat(row(CATALOG, "SELECT price, active, category_id, description FROM product WHERE id = 100"))
                .containsEntry("price", new BigDecimal("19.99")).containsEntry("active", false)
                .containsEntry("category_id", 2L).containsEntry("description", "a lamp");

        sql(LEGACY, "UPDATE products SET price_cents = 2500, qty_on_hand = 7, active_flg = 'Y', last_upd = now() "
                + "WHERE prod_id = 100");
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(
                row(CATALOG, "SELECT active FROM product WHERE id = 100").get("active")));
        assertThat(row(CATALOG, "SELECT p.price, s.on_hand FROM product p JOIN stock s ON s.product_id = p.id "
                + "WHERE p.id = 100")).containsEntry("price", new BigDecimal("25.00")).containsEntry("on_hand", 7);

        sql(LEGACY, "DELETE FROM products WHERE prod_id = 100");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 100") == null);
        assertThat(row(CATALOG, "SELECT 1 FROM stock WHERE product_id = 100")).isNull();
    }

    @Test
    void replayingEveryCapturedProductChangeChangesNothing() {
        sql(LEGACY, "UPDATE products SET prod_name = 'Renamed 2', last_upd = now() WHERE prod_id = 2");
        await().atMost(WAIT).until(() -> "Renamed 2".equals(row(CATALOG, "SELECT name FROM product WHERE id = 2")
                .get("name")));
        Map<String, Object> before = row(CATALOG, "SELECT * FROM product WHERE id = 2");
        long staleBefore = metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.STALE);

        List<ConsumerRecord<String, String>> captured = KAFKA.readAll(PRODUCTS_TOPIC);
        List<ProducerRecord<String, String>> replay = captured.stream()
                .filter(r -> r.value() != null && !r.value().contains("\"twelve\""))
                .map(r -> new ProducerRecord<>(PRODUCTS_TOPIC, r.key(), r.value())).toList();
        KAFKA.send(PRODUCTS_TOPIC, replay);

        await().atMost(WAIT).until(() ->
                metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.STALE) >= staleBefore + replay.size());
        assertThat(row(CATALOG, "SELECT * FROM product WHERE id = 2")).isEqualTo(before);
    }

    @Test
    void rejectsAChangeOlderThanWhatTheTargetHolds() {
        sql(LEGACY, "UPDATE products SET prod_name = 'Current 3', last_upd = now() WHERE prod_id = 3");
        await().atMost(WAIT).until(() -> "Current 3".equals(row(CATALOG, "SELECT name FROM product WHERE id = 3")
                .get("name")));
        ConsumerRecord<String, String> latest = KAFKA.readAll(PRODUCTS_TOPIC).stream()
                .filter(r -> r.value() != null && r.value().contains("\"Current 3\"")).reduce((a, b) -> b).orElseThrow();
        String older = latest.value().replace("\"Current 3\"", "\"Older 3\"")
                .replaceFirst("\"lsn\":\\d+", "\"lsn\":1");
        long staleBefore = metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.STALE);

        KAFKA.send(PRODUCTS_TOPIC, List.of(new ProducerRecord<>(PRODUCTS_TOPIC, latest.key(), older)));

        await().atMost(WAIT).until(() ->
                metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.STALE) > staleBefore);
        assertThat(row(CATALOG, "SELECT name FROM product WHERE id = 3")).containsEntry("name", "Current 3");
    }

    @Test
    void countsAnOlderChangeAsStaleAndAppliesTheNewerOneSentWithIt() {
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg) VALUES (102, 'SKU-102', 'Current 102', '', 1, 100, 1, 'Y')""");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 102") != null);
        ConsumerRecord<String, String> latest = KAFKA.readAll(PRODUCTS_TOPIC).stream()
                .filter(r -> r.value() != null && r.value().contains("\"Current 102\"")).reduce((a, b) -> b)
                .orElseThrow();
        long lsn = JSON.readTree(latest.value()).get("source").get("lsn").asLong();
        String older = renamedAt(latest.value(), "Older 102", 1);
        String newer = renamedAt(latest.value(), "Newer 102", lsn + 1);
        long staleBefore = metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.STALE);
        long appliedBefore = metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.APPLIED);

        KAFKA.send(PRODUCTS_TOPIC, List.of(new ProducerRecord<>(PRODUCTS_TOPIC, latest.key(), older),
                new ProducerRecord<>(PRODUCTS_TOPIC, latest.key(), newer)));

        await().atMost(WAIT).until(() -> "Newer 102".equals(row(CATALOG, "SELECT name FROM product WHERE id = 102")
                .get("name")));
        await().atMost(WAIT).until(() ->
                metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.STALE) == staleBefore + 1
                        && metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.APPLIED)
                        == appliedBefore + 1);

        // the crafted change left the target unlike the source: a real delete (a later position) ends that, for the
        // parity checks of the classes that share these databases
        sql(LEGACY, "DELETE FROM products WHERE prod_id = 102");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 102") == null);
    }

    @Test
    void leavesRoomInThePositionPagesForInPlaceUpdates() {
        assertThat(row(CATALOG, "SELECT array_to_string(reloptions, ',') AS options FROM pg_class "
                + "WHERE oid = 'cdc_row_position'::regclass")).containsEntry("options", "fillfactor=70");
    }

    /** The change event with another product name and source position. */
    private static String renamedAt(String event, String name, long lsn) {
        JsonNode copy = JSON.readTree(event);
        ((ObjectNode) copy.get("after")).put("prod_name", name);
        ((ObjectNode) copy.get("source")).put("lsn", lsn);
        return JSON.writeValueAsString(copy);
    }

    @Test
    void sendsAnUnmappableChangeToTheDeadLetterTopicAndKeepsApplyingTheRest() {
        String poison = """
                {"before":null,"after":{"prod_id":777,"prod_sku":"SKU-777","prod_name":"Bad","prod_desc":"",
                "cat_id":1,"price_cents":"twelve","qty_on_hand":1,"active_flg":"Y","last_upd":"2026-01-01T00:00:00Z"},
                "source":{"lsn":5,"ts_ms":1,"txId":1,"snapshot":"false"},"op":"c","ts_ms":1}""";
        KAFKA.send(PRODUCTS_TOPIC, List.of(new ProducerRecord<>(PRODUCTS_TOPIC, "{\"prod_id\":777}", poison)));
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg) VALUES (101, 'SKU-101', 'After poison', '', 1, 100, 1, 'Y')""");

        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 101") != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(KAFKA.readAll("cdc-sync.dead-letter"))
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("{\"prod_id\":777}");
                    assertThat(new String(r.headers().lastHeader("cdc.reason").value(), StandardCharsets.UTF_8))
                            .contains("price_cents");
                }));
        assertThat(row(CATALOG, "SELECT 1 FROM product WHERE id = 777")).isNull();
        assertThat(metrics.total("products", Direction.LEGACY_TO_NEW, ApplyOutcome.DEAD_LETTER)).isPositive();
    }

    @Test
    void aChangeTheTargetRejectsGoesToTheDeadLetterTopicAloneWhileTheRestOfItsBatchLands() {
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 1") != null);
        ConsumerRecord<String, String> template = KAFKA.readAll(PRODUCTS_TOPIC).stream()
                .filter(r -> r.value() != null && r.key().equals("{\"prod_id\":1}")).findFirst().orElseThrow();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (long id = 778; id <= 780; id++) {
            JsonNode event = JSON.readTree(template.value());
            // 779: a negative quantity, which catalog's stock CHECK (on_hand >= 0) rejects
            ((ObjectNode) event.get("after")).put("prod_id", id).put("prod_sku", "SKU-" + id)
                    .put("qty_on_hand", id == 779 ? -1 : 4);
            batch.add(new ProducerRecord<>(PRODUCTS_TOPIC, "{\"prod_id\":" + id + "}",
                    JSON.writeValueAsString(event)));
        }
        KAFKA.send(PRODUCTS_TOPIC, batch); // sent together: usually read back in one poll, one transaction

        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM stock WHERE product_id = 778") != null
                && row(CATALOG, "SELECT 1 FROM stock WHERE product_id = 780") != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(KAFKA.readAll("cdc-sync.dead-letter"))
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("{\"prod_id\":779}");
                    assertThat(new String(r.headers().lastHeader("cdc.reason").value(), StandardCharsets.UTF_8))
                            .contains("SQLException");
                }));
        assertThat(row(CATALOG, "SELECT 1 FROM product WHERE id = 779")).isNull();
        // the products exist on the catalog side only: remove them so both sides compare equal again
        sql(CATALOG, "DELETE FROM product WHERE id IN (778, 780)");
    }

    @Test
    void holdsAProductBackUntilItsCategoryArrives() {
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 1") != null);
        ConsumerRecord<String, String> template = KAFKA.readAll(PRODUCTS_TOPIC).stream()
                .filter(r -> r.value() != null && r.key().equals("{\"prod_id\":1}")).findFirst().orElseThrow();
        JsonNode event = JSON.readTree(template.value());
        ((ObjectNode) event.get("after")).put("prod_id", 500).put("prod_sku", "SKU-500").put("cat_id", 60);
        KAFKA.send(PRODUCTS_TOPIC, List.of(new ProducerRecord<>(PRODUCTS_TOPIC, "{\"prod_id\":500}",
                JSON.writeValueAsString(event))));

        await().atMost(WAIT).until(() -> runtime.appliers().stream()
                .anyMatch(a -> a.state().waitingForParent() > 0));
        sql(LEGACY, "INSERT INTO categories (cat_id, cat_name) VALUES (60, 'Late parent')");

        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM product WHERE id = 500") != null);
        assertThat(row(CATALOG, "SELECT category_id FROM product WHERE id = 500")).containsEntry("category_id", 60L);
        // the product exists on the catalog side only: remove it so both sides compare equal again
        sql(CATALOG, "DELETE FROM product WHERE id = 500");
    }
}
