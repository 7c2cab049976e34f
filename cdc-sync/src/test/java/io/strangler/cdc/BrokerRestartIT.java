package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.parity.ParityReconciler;
import io.strangler.cdc.parity.ParityReport;
import io.strangler.infra.LocalKafka;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Kafka broker goes away mid-stream while the legacy side keeps writing, and comes back at the same address. */
class BrokerRestartIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int ROWS = 50;
    private static final long FIRST_ID = 7000;

    @Autowired
    SyncRuntime runtime;
    @Autowired
    ParityReconciler reconciler;

    @Test
    void everyChangeArrivesOnceTheBrokerIsBack() throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; writing.get(); i++) {
                long id = FIRST_ID + i % ROWS;
                if (i < ROWS) {
                    sql(LEGACY, """
                            INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents,
                                qty_on_hand, active_flg) VALUES (?, ?, 'broker', '', 1, 100, 1, 'Y')""",
                            id, "SKU-K" + id);
                } else {
                    sql(LEGACY, "UPDATE products SET price_cents = ?, qty_on_hand = ?, last_upd = now() "
                            + "WHERE prod_id = ?", 100L + i, i % 1000, id);
                }
                done.incrementAndGet();
            }
        });
        LocalKafka kafka = LocalKafka.shared();
        try {
            await().atMost(WAIT).until(() -> done.get() >= ROWS + 30);
            kafka.stopBroker();
            int atStop = done.get();
            await().atMost(WAIT).until(() -> done.get() >= atStop + 200); // written while the broker is down
            kafka.startBrokerAgain();
            int atRestart = done.get();
            await().atMost(WAIT).until(() -> done.get() >= atRestart + 100);
        } finally {
            writing.set(false);
            writer.join();
        }

        await().atMost(WAIT).until(() -> reconciler.compare("products").orElseThrow().parityPercent() == 100.0);
        ParityReport report = reconciler.compare("products").orElseThrow();
        assertThat(report.sourceRows()).isEqualTo(report.targetRows());
        assertThat(report.differingKeys()).isEmpty();
        await().atMost(WAIT).until(() -> runtime.appliers().stream().allMatch(a -> "RUNNING".equals(a.state().state()))
                && runtime.captures().stream().allMatch(c -> "RUNNING".equals(c.state().state())));
    }
}
