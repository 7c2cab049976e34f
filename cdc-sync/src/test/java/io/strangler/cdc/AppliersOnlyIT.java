package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.infra.LocalKafka;
import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code cdc.capture.enabled=false}, as cdc-sync runs in the k8s prod overlay: the capture runs on Kafka Connect and
 * this process only applies what arrives on the change topics. Its own context (own databases, topic prefixes and
 * consumer groups), so it cannot disturb {@link SyncIT}'s.
 */
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppliersOnlyIT {

    private static final PostgresDatabase LEGACY = SyncDatabases.create("cdc_it_ext_legacy", "legacy-monolith",
            "db/changelog/db.changelog-master.yaml");
    private static final PostgresDatabase CATALOG = SyncDatabases.create("cdc_it_ext_catalog",
            "extracted-services/catalog-service", "db/changelog/catalog-changelog.sql");

    @Autowired
    SyncRuntime runtime;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cdc.capture.enabled", () -> "false");
        registry.add("cdc.data-dir", () -> Path.of("target", "cdc-ext-" + ProcessHandle.current().pid()).toString());
        registry.add("cdc.consumer-group", () -> "cdc-appliers-only");
        registry.add("cdc.api.username", () -> "operator");
        registry.add("cdc.api.password", () -> "it-secret");
        registry.add("cdc.sources.legacy.jdbc-url", LEGACY::jdbcUrl);
        registry.add("cdc.sources.legacy.username", LEGACY::username);
        registry.add("cdc.sources.legacy.password", LEGACY::password);
        registry.add("cdc.sources.legacy.topic-prefix", () -> "ext_legacy");
        registry.add("cdc.sources.legacy.slot-name", () -> "cdc_it_ext_legacy");
        registry.add("cdc.sources.catalog.jdbc-url", CATALOG::jdbcUrl);
        registry.add("cdc.sources.catalog.username", CATALOG::username);
        registry.add("cdc.sources.catalog.password", CATALOG::password);
        registry.add("cdc.sources.catalog.topic-prefix", () -> "ext_catalog");
        registry.add("cdc.sources.catalog.slot-name", () -> "cdc_it_ext_catalog");
    }

    @Test
    void runsNoCaptureAndCreatesNoReplicationSlot() {
        assertThat(runtime.captures()).isEmpty();
        assertThat(runtime.appliers()).isNotEmpty();
        assertThat(row(LEGACY, "SELECT count(*) AS slots FROM pg_replication_slots WHERE slot_name LIKE 'cdc_it_ext_%'"))
                .containsEntry("slots", 0L);
    }

    @Test
    void appliesChangesThatAnExternalCapturePublished() {
        // the envelope Kafka Connect's Debezium connector writes with the JSON converter and schemas disabled
        String envelope = """
                {"before":null,"after":{"cat_id":901,"cat_name":"Maps","parent_cat_id":null,
                 "last_upd":"2026-01-02T03:04:05Z"},
                 "source":{"lsn":1000,"ts_ms":1767323045000,"txId":77,"snapshot":"false","schema":"public",
                 "table":"categories"},"op":"c","ts_ms":1767323045001}""";
        new KafkaTopics(LocalKafka.shared().bootstrapServers()).send("ext_legacy.public.categories",
                List.of(new ProducerRecord<>("ext_legacy.public.categories", "{\"cat_id\":901}", envelope)));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> row(CATALOG, "SELECT name FROM category WHERE id = 901") != null);
        assertThat(row(CATALOG, "SELECT name FROM category WHERE id = 901")).containsEntry("name", "Maps");
    }
}
