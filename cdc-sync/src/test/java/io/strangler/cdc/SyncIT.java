package io.strangler.cdc;

import io.strangler.infra.LocalKafka;
import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithKafka;
import java.nio.file.Path;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the ITs: the sync between a legacy, a catalog and an orders database (both migrated by their own
 * modules' changelogs, seeded with rows that exist before the sync starts) over the JVM's Kafka broker. Traced
 * changes' spans go to an in-memory exporter.
 */
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms",
        "logging.level.io.strangler.cdc.tracing=DEBUG"})
@Import(SyncIT.FinishedSpans.class)
abstract class SyncIT {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "it-secret";
    static final PostgresDatabase LEGACY = SyncDatabases.create("cdc_it_legacy", "legacy-monolith",
            "db/changelog/db.changelog-master.yaml");
    static final PostgresDatabase CATALOG = SyncDatabases.create("cdc_it_catalog",
            "extracted-services/catalog-service", "db/changelog/catalog-changelog.sql");
    static final PostgresDatabase ORDERS = SyncDatabases.create("cdc_it_orders",
            "extracted-services/orders-service", "db/changelog/db.changelog-master.yaml");
    static final KafkaTopics KAFKA = new KafkaTopics(LocalKafka.shared().bootstrapServers());

    static {
        // rows that exist before the sync starts: the initial snapshot must backfill them
        SyncDatabases.sql(LEGACY, "INSERT INTO categories (cat_id, cat_name) VALUES (1, 'Books'), (2, 'Games')");
        for (int id = 1; id <= 9; id++) {
            SyncDatabases.sql(LEGACY, """
                    INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                        active_flg) VALUES (?, ?, ?, 'seeded', 1, ?, ?, 'Y')""",
                    (long) id, "SKU-" + id, "Product " + id, 1000L + id, 5 + id);
        }
    }

    /** The spans the sync finished, kept in memory (Boot hands every SpanExporter bean its spans). */
    @TestConfiguration(proxyBeanMethods = false)
    static class FinishedSpans {

        @Bean
        InMemorySpanExporter finishedSpans() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void syncProperties(DynamicPropertyRegistry registry) {
        registry.add("cdc.data-dir", () -> Path.of("target", "cdc-it-" + ProcessHandle.current().pid()).toString());
        registry.add("cdc.api.username", () -> OPERATOR);
        registry.add("cdc.api.password", () -> OPERATOR_PASSWORD);
        registry.add("cdc.sources.legacy.jdbc-url", LEGACY::jdbcUrl);
        registry.add("cdc.sources.legacy.username", LEGACY::username);
        registry.add("cdc.sources.legacy.password", LEGACY::password);
        registry.add("cdc.sources.legacy.slot-name", () -> "cdc_it_legacy");
        registry.add("cdc.sources.catalog.jdbc-url", CATALOG::jdbcUrl);
        registry.add("cdc.sources.catalog.username", CATALOG::username);
        registry.add("cdc.sources.catalog.password", CATALOG::password);
        registry.add("cdc.sources.catalog.slot-name", () -> "cdc_it_catalog");
        registry.add("cdc.sources.orders.jdbc-url", ORDERS::jdbcUrl);
        registry.add("cdc.sources.orders.username", ORDERS::username);
        registry.add("cdc.sources.orders.password", ORDERS::password);
        registry.add("cdc.sources.orders.topic-prefix", () -> "orders");
        registry.add("cdc.sources.orders.slot-name", () -> "cdc_it_orders");
        registry.add("cdc.sources.orders.tables", () -> "public.customer_order,public.order_line");
    }
}
