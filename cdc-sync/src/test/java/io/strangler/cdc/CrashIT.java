package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.infra.LocalKafka;
import io.strangler.infra.PostgresDatabase;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the sync process (SIGKILL, no shutdown hook) while the legacy side keeps writing, starts it again, and
 * checks that the catalog ends up holding exactly the legacy rows. Runs the packaged jar in processes of its own,
 * on databases and topics of its own.
 */
class CrashIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int WRITES = 600;
    private static final PostgresDatabase LEGACY = SyncDatabases.create("cdc_crash_legacy", "legacy-monolith",
            "db/changelog/db.changelog-master.yaml");
    private static final PostgresDatabase CATALOG = SyncDatabases.create("cdc_crash_catalog",
            "extracted-services/catalog-service", "db/changelog/catalog-changelog.sql");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopTheSync() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killingTheSyncMidStreamLosesAndDuplicatesNothing() throws Exception {
        sql(LEGACY, "INSERT INTO categories (cat_id, cat_name) VALUES (1, 'Books')");
        for (long id = 1; id <= 50; id++) {
            sql(LEGACY, """
                    INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                        active_flg) VALUES (?, ?, 'crash', '', 1, 100, 1, 'Y')""", id, "SKU-" + id);
        }
        Process first = startSync(1);
        await().atMost(WAIT).until(() -> catalogProducts().size() == 50);

        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WRITES; i++) {
                long id = 1 + i % 50;
                sql(LEGACY, "UPDATE products SET price_cents = ?, qty_on_hand = ?, last_upd = now() WHERE prod_id = ?",
                        100L + i, i, id);
                done.incrementAndGet();
            }
        });
        await().atMost(WAIT).until(() -> done.get() >= WRITES / 4);
        first.destroyForcibly().waitFor();
        await().atMost(WAIT).until(() -> done.get() >= WRITES / 2);
        startSync(2);
        writer.join();

        await().atMost(WAIT).until(() -> catalogProducts().equals(legacyProducts()));
        assertThat(catalogProducts()).hasSize(50);
    }

    private Process startSync(int run) throws Exception {
        Path jar = Path.of("target", "cdc-sync.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Path.of("target", "tmp").toAbsolutePath(),
                "-jar", jar.toString(),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + LocalKafka.shared().bootstrapServers(),
                "--cdc.data-dir=" + Path.of("target", "cdc-crash-" + ProcessHandle.current().pid()).toAbsolutePath(),
                "--cdc.api.username=operator", "--cdc.api.password=crash-it",
                "--cdc.consumer-group=cdc-crash", "--cdc.dead-letter-topic=cdc-crash.dead-letter",
                "--cdc.parity.interval=PT1H"));
        addSource(command, "legacy", LEGACY, "crashlegacy");
        addSource(command, "catalog", CATALOG, "crashcatalog");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target", "cdc-crash-run-" + run + ".log"));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void addSource(List<String> command, String name, PostgresDatabase db, String prefix) {
        String key = "--cdc.sources." + name + ".";
        command.add(key + "jdbc-url=" + db.jdbcUrl());
        command.add(key + "username=" + db.username());
        command.add(key + "password=" + db.password());
        command.add(key + "topic-prefix=" + prefix);
        command.add(key + "slot-name=cdc_crash_" + name);
    }

    private static List<String> legacyProducts() throws SQLException {
        return rows(LEGACY, "SELECT prod_id || ':' || price_cents || ':' || qty_on_hand FROM products ORDER BY prod_id");
    }

    private static List<String> catalogProducts() throws SQLException {
        return rows(CATALOG, "SELECT p.id || ':' || (p.price * 100)::bigint || ':' || s.on_hand FROM product p "
                + "JOIN stock s ON s.product_id = p.id ORDER BY p.id");
    }

    private static List<String> rows(PostgresDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
