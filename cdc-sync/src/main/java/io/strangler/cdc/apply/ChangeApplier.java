package io.strangler.cdc.apply;

import io.strangler.cdc.apply.BatchResult.Applied;
import io.strangler.cdc.echo.OriginMarker;
import io.strangler.cdc.mapping.Direction;
import io.strangler.cdc.mapping.TableMapping;
import io.strangler.cdc.ownership.TableOwnership;
import io.strangler.cdc.tracing.ChangeTracing;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the change events of one direction to one target database. Each poll is one target transaction: the origin
 * marker first, then the changes in a few batched statements ({@link BatchApply}), or, if that fails, change by
 * change under savepoints ({@link RowByRowApply}: one bad change goes to the dead-letter topic and the rest land);
 * then commit, and only then the Kafka offsets. A crash replays the poll, and the row positions make the replay
 * change nothing.
 *
 * <p>Several appliers of one direction and target (workers, {@link ApplyProperties#workers()}, in this process or
 * others) share one consumer group, each with its own origin marker row so that their transactions never wait for
 * each other's marker.
 */
public final class ChangeApplier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration PARENT_RETRY_PAUSE = Duration.ofMillis(200);
    /** Kafka gone (a broker restart): replay the batch after 10 s rather than the client's default 60 s wait. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final int worker;
    private final String writer;
    private final Direction direction;
    private final Map<String, TableMapping> mappingsByTopic;
    private final DataSource target;
    private final Consumer<String, String> consumer;
    private final DeadLetters deadLetters;
    private final ApplyMetrics metrics;
    private final ChangeTracing tracing;
    private final ParentWait parentWait = new ParentWait();
    private final BatchApply batch;
    private final RowByRowApply rowByRow;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String state = "STARTING";
    private volatile String error;

    /**
     * @param name            the applier (direction and target), shared by its workers and their consumer group
     * @param worker          this worker's number within the process, from 0
     * @param instance        what tells this process from other processes running the same appliers (the pod name
     *                        on Kubernetes), or empty
     * @param mappingsByTopic the mappings of this direction and target, by the topic of their source table
     */
    public ChangeApplier(String name, int worker, String instance, Direction direction,
            Map<String, TableMapping> mappingsByTopic, DataSource target, Consumer<String, String> consumer,
            DeadLetters deadLetters, TableOwnership ownership, ApplyMetrics metrics, ObjectMapper json,
            ChangeTracing tracing) {
        this.name = name;
        this.worker = worker;
        this.writer = markerWriter(name, worker, instance);
        this.tracing = tracing;
        this.direction = direction;
        this.mappingsByTopic = Map.copyOf(mappingsByTopic);
        this.target = target;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.batch = new BatchApply(direction, this.mappingsByTopic, ownership, json);
        this.rowByRow = new RowByRowApply(direction, this.mappingsByTopic, ownership, json, parentWait);
        this.thread = new Thread(this::run, "apply-" + name + "-" + worker);
    }

    /** The origin marker row of one worker: {@code cdc-sync-<applier>-<worker>[@<instance>]}, at most 100 chars. */
    static String markerWriter(String name, int worker, String instance) {
        String writer = "cdc-sync-" + name + "-" + worker + (instance.isBlank() ? "" : "@" + instance.strip());
        return writer.length() <= 100 ? writer : writer.substring(0, 100);
    }

    public void start() {
        thread.start();
    }

    /** Creates the sync's own tables in a target database (row positions), if missing. */
    public static void prepareTarget(Connection c) throws SQLException {
        RowPositions.ensureTable(c);
    }

    /** RUNNING, RETRYING (target or Kafka unavailable), STOPPED; with the last error. */
    public ApplierState state() {
        return new ApplierState(name, worker, direction, state, parentWait.waiting(), error);
    }

    private void run() {
        try {
            consumer.subscribe(List.copyOf(mappingsByTopic.keySet()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    parentWait.forget(partitions); // another worker reads them now, and holds its own changes
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            state = "RUNNING";
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    applyOrRewind(records);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            state = "STOPPED";
        }
    }

    private void applyOrRewind(ConsumerRecords<String, String> records) throws InterruptedException {
        try {
            BatchResult result = applyInOneTransaction(records);
            // counted as soon as the target committed (the lag ends there): should Kafka refuse the offsets below, the
            // replay counts the same changes as stale, which is what they then are
            record(result, System.currentTimeMillis());
            deadLetters.sendAll(result.letters());
            consumer.commitSync(offsetsToCommit(records, result.held()), COMMIT_TIMEOUT);
            result.held().forEach(consumer::seek);
            state = "RUNNING";
            if (!result.held().isEmpty()) {
                Thread.sleep(PARENT_RETRY_PAUSE.toMillis()); // give the parent row's topic time to deliver it
            }
        } catch (SQLException | RuntimeException e) {
            // target or broker unavailable: nothing was committed; go back to the batch's start and try again
            state = "RETRYING";
            error = e.getMessage();
            log.warn("Applier {} will retry its batch: {}", name, e.getMessage());
            for (TopicPartition tp : records.partitions()) {
                consumer.seek(tp, records.records(tp).get(0).offset());
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    private void record(BatchResult result, long committedAt) {
        for (Applied a : result.applied()) {
            metrics.count(a.mapping().ownedTable(), direction, a.outcome());
            if (a.outcome() == ApplyOutcome.APPLIED && !a.change().snapshot()) {
                metrics.lag(a.mapping().ownedTable(), direction,
                        Duration.ofMillis(committedAt - a.change().commitTimeMs()));
            }
        }
        result.letters().forEach(l -> metrics.count(tableOf(l.record()), direction, ApplyOutcome.DEAD_LETTER));
    }

    /** Past each partition's last record, or up to its first held change (which is then read again). */
    private static Map<TopicPartition, OffsetAndMetadata> offsetsToCommit(ConsumerRecords<String, String> records,
            Map<TopicPartition, Long> held) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(tp);
            long next = held.getOrDefault(tp, inPartition.get(inPartition.size() - 1).offset() + 1);
            offsets.put(tp, new OffsetAndMetadata(next));
        }
        return offsets;
    }

    /**
     * The poll in one transaction, the origin marker first: in a few statements ({@link BatchApply}); if that fails,
     * rolled back and applied again change by change ({@link RowByRowApply}), which isolates a bad change.
     */
    private BatchResult applyInOneTransaction(ConsumerRecords<String, String> records) throws SQLException {
        List<ConsumerRecord<String, String>> changes = new ArrayList<>();
        records.forEach(r -> {
            if (r.value() != null) { // tombstones only serve log compaction
                changes.add(r);
            }
        });
        // one span per traced change, below its source transaction's trace, open while its batch is applied
        List<ChangeTracing.Applying> spans = new ArrayList<>();
        changes.forEach(r -> spans.add(tracing.applying(r, name)));
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                OriginMarker.mark(c, writer);
                BatchResult result = batch.apply(c, changes);
                c.commit();
                changes.forEach(parentWait::forget);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && TransientFailure.is(sql)) {
                    throw sql; // applying row by row would only meet it again: retry the poll
                }
                log.debug("Applier {} applies its batch row by row after: {}", name, e.getMessage());
            }
            try {
                OriginMarker.mark(c, writer);
                BatchResult result = rowByRow.apply(c, changes);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } finally {
            for (int i = spans.size() - 1; i >= 0; i--) { // scopes close in the reverse order of opening
                spans.get(i).close();
            }
        }
    }

    private String tableOf(ConsumerRecord<String, String> r) {
        return mappingsByTopic.get(r.topic()).ownedTable();
    }

    /**
     * Asks the worker to stop without waiting for it; {@link #close()} then waits. Stopping every worker this way
     * first spares the group one rebalance per worker, each handing partitions to siblings about to stop too.
     */
    public void stopAsync() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        stopAsync();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What an applier is doing, for the status API.
     *
     * @param worker           the worker's number within its process, from 0
     * @param waitingForParent changes held back until their parent row arrives
     */
    public record ApplierState(String name, int worker, Direction direction, String state, int waitingForParent,
            String error) {
    }
}
