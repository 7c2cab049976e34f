package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.parity.ParityReconciler;
import io.strangler.cdc.parity.ParityReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RestartIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int WRITES = 400;

    @Autowired
    SyncRuntime runtime;
    @Autowired
    ParityReconciler reconciler;

    @Test
    void stoppingAndRestartingTheSyncUnderContinuousWritesLosesNothing() throws Exception {
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WRITES; i++) {
                long id = 2000 + i % 50;
                if (i < 50) {
                    sql(LEGACY, """
                            INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents,
                                qty_on_hand, active_flg) VALUES (?, ?, 'restart', '', 1, 100, 1, 'Y')""",
                            id, "SKU-R" + id);
                } else {
                    sql(LEGACY, "UPDATE products SET price_cents = ?, qty_on_hand = ?, last_upd = now() "
                            + "WHERE prod_id = ?", 100L + i, i, id);
                }
                done.incrementAndGet();
            }
        });

        await().atMost(WAIT).until(() -> done.get() >= 80);
        runtime.stop();
        await().atMost(WAIT).until(() -> done.get() >= 200);
        runtime.start();
        writer.join();

        await().atMost(WAIT).until(() -> reconciler.compare("products").orElseThrow().parityPercent() == 100.0);
        ParityReport report = reconciler.compare("products").orElseThrow();
        assertThat(report.sourceRows()).isEqualTo(report.targetRows());
        assertThat(report.differingKeys()).isEmpty();
    }
}
