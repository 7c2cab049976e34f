package io.strangler.cdc.capture;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.strangler.cdc.CdcProperties.SourceDatabase;
import io.strangler.cdc.echo.EchoCounts;
import io.strangler.cdc.echo.EchoFilter;
import io.strangler.cdc.tracing.ChangeTracing;
import io.strangler.cdc.tracing.TransactionTraces;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Captures one source database with the Debezium embedded engine and publishes each change, keyed by primary key,
 * to the topic Debezium names ({@code <topic.prefix>.<schema>.<table>}). A batch's source offsets are marked
 * processed only once Kafka acknowledged all its records, so a crash re-sends, never loses. Changes the sync wrote
 * itself never reach this class: the engine's echo filter transform drops them ({@link EchoFilter}, configured by
 * {@link DebeziumSettings}). A traced writer's trace context goes into the records' headers
 * ({@link TransactionTraces}, {@link ChangeTracing}).
 */
public final class ChangeCapture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeCapture.class);

    private final String name;
    private final List<String> tables;
    /** Debezium's topic of logical decoding messages (the writers' trace context). */
    private final String messageTopic;
    private final String publication;
    private final Producer<String, String> producer;
    private final ObjectMapper json;
    private final EchoCounts echoCounts;
    /** The echo counts are per source name in the JVM: this capture reports what it dropped since it was made. */
    private final long echoesBefore;
    private final TransactionTraces traces = new TransactionTraces();
    private final ChangeTracing tracing;
    private final AtomicLong published = new AtomicLong();
    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService thread;
    private volatile String state = "STARTING";
    /** Open once the engine's task started, or the engine stopped before that. */
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile String error;

    /**
     * @param tables the source's tables to stream (some of {@code source.tables()}, possibly none); the engine sets the
     *               publication to them and the sync's marker table when it starts
     */
    public ChangeCapture(String name, SourceDatabase source, List<String> tables, Path dataDir,
            Producer<String, String> producer, ObjectMapper json, ChangeTracing tracing) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.messageTopic = source.topicPrefix() + ".message";
        this.publication = DebeziumSettings.publicationName(source);
        this.tracing = tracing;
        this.producer = producer;
        this.json = json;
        this.echoCounts = EchoCounts.named(DebeziumSettings.echoCounterName(name));
        this.echoesBefore = echoCounts.getEchoes();
        this.engine = DebeziumEngine.create(Json.class)
                .using(DebeziumSettings.of(name, source, this.tables, dataDir))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        state = "RUNNING";
                        started.countDown();
                    }
                })
                .using((success, message, failure) -> {
                    started.countDown();
                    if (success) {
                        state = "STOPPED";
                    } else {
                        state = "FAILED";
                        error = message;
                        log.error("Capture of {} stopped: {}", name, message, failure);
                    }
                })
                .notifying(this::publish)
                .build();
        this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "capture-" + name));
    }

    /** Starts the engine on its own thread. */
    public void start() {
        thread.execute(engine);
    }

    public CaptureState state() {
        return new CaptureState(state, tables, published.get(), echoCounts.getEchoes() - echoesBefore, error);
    }

    /** The source's tables this engine streams (the marker table aside); never null. */
    public List<String> tables() {
        return tables;
    }

    /**
     * Waits until this engine streams its tables: the publication it set at start holds them all and it is running.
     * Changes committed after this returns reach the engine.
     *
     * @param database the source database
     * @throws IllegalStateException when the engine failed, or did not get there within {@code timeout}
     */
    public void awaitStreaming(DataSource database, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!started.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("The capture of " + name + " did not start within " + timeout);
            }
            // Debezium sets the publication while the task streams; PostgreSQL tells nobody, so look every 50 ms
            while (!"FAILED".equals(state) && !published(database).containsAll(tables)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The capture of " + name + " did not stream " + tables
                            + " within " + timeout + " (state " + state + ", publication " + publication + " holds "
                            + published(database) + ")");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the capture of " + name, e);
        }
        if ("FAILED".equals(state)) {
            throw new IllegalStateException("The capture of " + name + " failed while starting: " + error);
        }
    }

    /** The tables in this capture's publication now, as {@code schema.table}. */
    private List<String> published(DataSource database) {
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = ?")) {
            ps.setString(1, publication);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publication " + publication + " of " + name + ": "
                    + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    private void publish(List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ChangeEvent<String, String> record : records) {
            String topic = record.destination();
            if (topic.startsWith(DebeziumSettings.HEARTBEAT_TOPIC_PREFIX)) {
                continue; // only there to move the offsets on; no applier reads heartbeats
            }
            boolean message = topic.equals(messageTopic);
            // the envelope is read only where a trace context can be: a message, or a change while a trace is known
            JsonNode envelope = record.value() == null || !(message || traces.tracing()) ? null
                    : json.readTree(record.value());
            if (message && traces.absorb(envelope)) {
                continue; // a writer's trace context, not a change
            }
            ProducerRecord<String, String> change = new ProducerRecord<>(topic, record.key(), record.value());
            tracing.published(traces.traceparentOf(envelope), topic, txIdOf(envelope), change.headers());
            sent.add(producer.send(change));
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // the engine stops and restarts from the last committed offsets: nothing is lost
                throw new IllegalStateException("Kafka refused a change of " + name + ": " + e.getCause(), e);
            }
        }
        published.addAndGet(sent.size());
        for (ChangeEvent<String, String> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    private static long txIdOf(JsonNode envelope) {
        return envelope == null ? -1 : envelope.path("source").path("txId").asLong(-1);
    }

    /** Stops the engine; an engine still starting its task is given up to 30 s to finish starting first. */
    @Override
    public void close() {
        try {
            // Debezium refuses to stop an engine whose task is starting (it would leak the task's resources)
            if (!started.await(30, TimeUnit.SECONDS)) {
                log.warn("The capture of {} was still starting after 30 s; stopping it anyway", name);
            }
            engine.close();
        } catch (IOException | IllegalStateException e) {
            log.warn("Closing the capture of {} failed: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!"FAILED".equals(state)) {
            state = "STOPPED";
        }
    }
}
