package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.strangler.cdc.tracing.ChangeTracing;
import io.strangler.infra.PostgresDatabase;
import io.strangler.tracing.TraceMessages;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One trace from a legacy writer to the catalog database: the writer's transaction carries its traceparent (as the
 * shop's transaction marker writes it), the capture puts it on the Kafka record, the applier continues it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
    private static final String WRITER_SPAN = "eee19b7ec3c1b174";

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void shouldCarryTheWritersTraceThroughKafkaToTheCatalogApplier(CapturedOutput output) throws SQLException {
        inOneTransaction(LEGACY, "00-" + TRACE_ID + "-" + WRITER_SPAN + "-01",
                "UPDATE products SET prod_name = 'Traced 4', last_upd = now() WHERE prod_id = 4");

        await().atMost(WAIT).until(() -> "Traced 4".equals(row(CATALOG, "SELECT name FROM product WHERE id = 4")
                .get("name")));
        ConsumerRecord<String, String> change = KAFKA.readAll("legacy.public.products").stream()
                .filter(r -> r.value() != null && r.value().contains("\"Traced 4\"")).findFirst().orElseThrow();
        SpanData published = span(SpanKind.PRODUCER);
        assertThat(published.getParentSpanId()).isEqualTo(WRITER_SPAN);
        assertThat(published.getName()).isEqualTo("cdc publish legacy.public.products");
        assertThat(traceparentOf(change)).isEqualTo("00-" + TRACE_ID + "-" + published.getSpanId() + "-01");
        SpanData applied = span(SpanKind.CONSUMER);
        assertThat(applied.getParentSpanId()).isEqualTo(published.getSpanId());
        assertThat(applied.getName()).isEqualTo("cdc apply legacy.public.products");
        assertThat(output).containsPattern(TRACE_ID + "-" + applied.getSpanId() + ".*Applying legacy.public.products");
    }

    @Test
    void shouldPublishChangesOfAnUntracedTransactionWithoutTraceContext() throws SQLException {
        inOneTransaction(LEGACY, null, "UPDATE products SET prod_name = 'Untraced 5', last_upd = now() WHERE prod_id = 5");

        await().atMost(WAIT).until(() -> "Untraced 5".equals(row(CATALOG, "SELECT name FROM product WHERE id = 5")
                .get("name")));
        ConsumerRecord<String, String> change = KAFKA.readAll("legacy.public.products").stream()
                .filter(r -> r.value() != null && r.value().contains("\"Untraced 5\"")).findFirst().orElseThrow();
        assertThat(traceparentOf(change)).isNull();
    }

    private SpanData span(SpanKind kind) {
        return await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == kind && s.getTraceId().equals(TRACE_ID)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String traceparentOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(ChangeTracing.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A writer's transaction: its trace context first (when traced), then its change. */
    private static void inOneTransaction(PostgresDatabase db, String traceparent, String change) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            if (traceparent != null) {
                try (PreparedStatement emit = c.prepareStatement(TraceMessages.EMIT_SQL)) {
                    emit.setString(1, traceparent);
                    emit.execute();
                }
            }
            try (PreparedStatement update = c.prepareStatement(change)) {
                update.executeUpdate();
            }
            c.commit();
        }
    }
}
