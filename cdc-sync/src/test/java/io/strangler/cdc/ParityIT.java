package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.parity.ParityProgress;
import io.strangler.cdc.parity.ParityReconciler;
import io.strangler.cdc.parity.ParityReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ParityIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    ParityReconciler reconciler;

    @Test
    void reportsFullParityOnceTheSyncCaughtUp() throws Exception {
        await().atMost(WAIT).until(() -> reconciler.compare("products").orElseThrow().parityPercent() == 100.0
                && reconciler.compare("categories").orElseThrow().parityPercent() == 100.0);

        ParityReport report = reconciler.compare("categories").orElseThrow();
        assertThat(report.sourceRows()).isEqualTo(report.targetRows()).isPositive();
        assertThat(report.differingKeys()).isEmpty();
    }

    @Test
    void backgroundRunReportsItsProgressAndItsResult() {
        ParityProgress run = reconciler.start("categories").orElseThrow();

        await().atMost(WAIT).until(() -> !run.running());
        ParityProgress.Status status = reconciler.progress("categories").orElseThrow().status();
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.chunksDone()).isEqualTo(status.chunksTotal()).isPositive();
        assertThat(status.rowsDone()).isPositive();
        assertThat(status.report().table()).isEqualTo("categories");
    }

    @Test
    void findsARowChangedDirectlyInTheTarget() throws Exception {
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg) VALUES (300, 'SKU-300', 'Parity probe', '', 1, 500, 2, 'Y')""");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM stock WHERE product_id = 300") != null);

        sql(CATALOG, "UPDATE stock SET on_hand = 1 WHERE product_id = 300");

        ParityReport report = reconciler.compare("products").orElseThrow();
        assertThat(report.differingKeys()).contains(300L);
        assertThat(report.differingChunks()).isPositive();
        assertThat(report.parityPercent()).isLessThan(100.0);
        sql(CATALOG, "UPDATE stock SET on_hand = 2 WHERE product_id = 300");
    }

    @Test
    void repairSendsTheSourceRowAgainAndRestoresParity() throws Exception {
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg) VALUES (301, 'SKU-301', 'Repair probe', '', 1, 700, 4, 'Y')""");
        await().atMost(WAIT).until(() -> row(CATALOG, "SELECT 1 FROM stock WHERE product_id = 301") != null);
        sql(CATALOG, "UPDATE product SET name = 'changed behind the sync', updated_at = now() WHERE id = 301");

        ParityReconciler.Repair repair = reconciler.repair("products").orElseThrow();

        assertThat(repair.before().differingKeys()).contains(301L);
        assertThat(repair.resentRows()).isPositive();
        await().atMost(WAIT).until(() -> "Repair probe".equals(row(CATALOG, "SELECT name FROM product WHERE id = 301")
                .get("name")));
    }
}
