package io.strangler.legacy.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.strangler.legacy.LegacyShopIT;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * The shop continues the caller's W3C trace, logs with its trace id, and leaves the trace context in the WAL of every
 * write it makes in a sampled trace (read here through a {@code test_decoding} slot, as CDC reads it through pgoutput).
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends LegacyShopIT {

    private static final String SLOT = "legacy_tracing_it";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    private InMemorySpanExporter spans;

    private static Runnable dropSlot = () -> { };

    @BeforeEach
    void openSlot() {
        spans.reset();
        if (jdbc.sql("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?").param(SLOT).query(Long.class)
                .single() == 0) {
            jdbc.sql("SELECT pg_create_logical_replication_slot(?, 'test_decoding')").param(SLOT).query().singleRow();
            dropSlot = () -> jdbc.sql("SELECT pg_drop_replication_slot(?)").param(SLOT).query().singleRow();
        }
        changes(); // start from here
    }

    @AfterAll
    static void closeSlot() {
        dropSlot.run(); // a forgotten slot would pin the WAL of the shared test server
    }

    @Test
    void shouldWriteTheTraceContextIntoTheWalBeforeTheTransactionsChanges(CapturedOutput output) {
        long id = db.product(db.category("Garden"), "SKU-1", "Bench", 100, 1);
        changes();

        replace(id, "00-" + TRACE_ID + "-b7ad6b7169203331-01").expectStatus().isOk();

        SpanData server = serverSpan();
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        List<String> wal = changes();
        assertThat(wal).as(wal.toString()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(wal.get(0)).startsWith("BEGIN");
        // the message comes first in the transaction, so a capture knows the trace before any change of it
        assertThat(wal.get(1)).contains("prefix: strangler.trace").contains("transactional: 1")
                .endsWith("content:00-" + TRACE_ID + "-" + server.getSpanId() + "-01");
        assertThat(wal.get(2)).startsWith("table public.products: UPDATE");
        assertThat(output).containsPattern(TRACE_ID + ".*Product " + id + " replaced");
    }

    @Test
    void shouldWriteNoTraceContextForReadsOrUnsampledWrites() {
        long id = db.product(db.category("Garden"), "SKU-2", "Chair", 100, 1);
        changes();

        shop.raw().get().uri("/api/products/" + id).header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .exchange().expectStatus().isOk();
        replace(id, "00-" + TRACE_ID + "-b7ad6b7169203331-00").expectStatus().isOk();

        List<String> wal = changes();
        assertThat(wal).as(wal.toString()).noneMatch(line -> line.contains("strangler.trace"))
                .anyMatch(line -> line.startsWith("table public.products: UPDATE"));
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec replace(long id, String traceparent) {
        return shop.raw().put().uri("/api/products/" + id).header("traceparent", traceparent)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"sku": "SKU-%d-B", "name": "Better", "description": "Teak", "categoryId": %d,
                         "priceCents": 200, "stock": 7, "active": true}""".formatted(id, categoryOf(id)))
                .exchange();
    }

    private long categoryOf(long productId) {
        return jdbc.sql("SELECT cat_id FROM products WHERE prod_id = ?").param(productId).query(Long.class).single();
    }

    private SpanData serverSpan() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                // the PUT's span: a span of the previous test's GET (same trace id) may be exported after the reset
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().toLowerCase(java.util.Locale.ROOT)
                        .startsWith("http put"))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Consumes and returns what the slot decoded since the last call. */
    private List<String> changes() {
        return jdbc.sql("SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL)").param(SLOT)
                .query(String.class).list();
    }
}
