package io.strangler.cdc.apply;

import io.strangler.cdc.apply.DeadLetters.DeadLetter;
import io.strangler.cdc.echo.OriginMarker;
import io.strangler.cdc.mapping.Direction;
import io.strangler.cdc.mapping.SourceChange;
import io.strangler.cdc.mapping.TableMapping;
import io.strangler.cdc.mapping.UnmappableChangeException;
import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.TableOwnership;
import io.strangler.cdc.status.SyncMetrics;
import io.strangler.cdc.tracing.ChangeTracing;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
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
 * marker first, then every change (each under a savepoint, so one bad change goes to the dead-letter topic and the
 * rest land), then commit; the Kafka offsets are committed only after that. A crash replays the batch, and the row
 * positions make the replay change nothing.
 */
public final class ChangeApplier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration PARENT_RETRY_PAUSE = Duration.ofMillis(200);

    private final String name;
    private final Direction direction;
    private final Map<String, TableMapping> mappingsByTopic;
    private final DataSource target;
    private final Consumer<String, String> consumer;
    private final DeadLetters deadLetters;
    private final TableOwnership ownership;
    private final SyncMetrics metrics;
    private final ObjectMapper json;
    private final ChangeTracing tracing;
    private final ParentWait parentWait = new ParentWait();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String state = "STARTING";
    private volatile String error;

    /**
     * @param mappingsByTopic the mappings of this direction and target, by the topic of their source table
     */
    public ChangeApplier(String name, Direction direction, Map<String, TableMapping> mappingsByTopic,
            DataSource target, Consumer<String, String> consumer, DeadLetters deadLetters,
            TableOwnership ownership, SyncMetrics metrics, ObjectMapper json, ChangeTracing tracing) {
        this.name = name;
        this.direction = direction;
        this.mappingsByTopic = Map.copyOf(mappingsByTopic);
        this.target = target;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.ownership = ownership;
        this.metrics = metrics;
        this.json = json;
        this.tracing = tracing;
        this.thread = new Thread(this::run, "apply-" + name);
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
        return new ApplierState(name, direction, state, parentWait.waiting(), error);
    }

    private void run() {
        try {
            consumer.subscribe(List.copyOf(mappingsByTopic.keySet()));
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
            List<Applied> applied = new ArrayList<>();
            List<DeadLetter> letters = new ArrayList<>();
            Map<TopicPartition, Long> held = applyInOneTransaction(records, applied, letters);
            deadLetters.sendAll(letters);
            consumer.commitSync(offsetsToCommit(records, held));
            held.forEach(consumer::seek);
            long now = System.currentTimeMillis();
            for (Applied a : applied) {
                metrics.count(a.mapping().ownedTable(), direction, a.outcome());
                if (a.outcome() == ApplyOutcome.APPLIED && !a.change().snapshot()) {
                    metrics.lag(a.mapping().ownedTable(), direction, Duration.ofMillis(now - a.change().commitTimeMs()));
                }
            }
            letters.forEach(l -> metrics.count(tableOf(l.record()), direction, ApplyOutcome.DEAD_LETTER));
            state = "RUNNING";
            if (!held.isEmpty()) {
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

    /** Applies the batch in one transaction; returns, per partition, the offset of the first change held back. */
    private Map<TopicPartition, Long> applyInOneTransaction(ConsumerRecords<String, String> records,
            List<Applied> applied, List<DeadLetter> letters) throws SQLException {
        List<ConsumerRecord<String, String>> ordered = new ArrayList<>();
        records.forEach(r -> {
            if (r.value() != null) { // tombstones only serve log compaction
                ordered.add(r);
            }
        });
        // parents before children; positions make the order of changes to one row irrelevant
        ordered.sort(Comparator.comparingInt(r -> mappingsByTopic.get(r.topic()).applyOrder()));
        Map<TopicPartition, Long> held = new HashMap<>();
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                OriginMarker.mark(c, "cdc-sync-" + name);
                List<ConsumerRecord<String, String>> waiting = new ArrayList<>();
                for (ConsumerRecord<String, String> r : ordered) {
                    attempt(c, r, applied, letters, waiting);
                }
                List<ConsumerRecord<String, String>> stillWaiting = new ArrayList<>();
                for (ConsumerRecord<String, String> r : waiting) { // their parents may have come later in the batch
                    attempt(c, r, applied, letters, stillWaiting);
                }
                for (ConsumerRecord<String, String> r : stillWaiting) {
                    if (parentWait.expired(r)) {
                        parentWait.forget(r);
                        letters.add(new DeadLetter(r, "parent row still missing after " + ParentWait.LIMIT));
                    } else {
                        held.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return held;
    }

    private void attempt(Connection c, ConsumerRecord<String, String> r, List<Applied> applied,
            List<DeadLetter> letters, List<ConsumerRecord<String, String>> waiting) throws SQLException {
        TableMapping mapping = mappingsByTopic.get(r.topic());
        Savepoint sp = c.setSavepoint();
        try (ChangeTracing.Applying traced = tracing.applying(r, name)) {
            SourceChange change = SourceChange.parse(json, r.value());
            applied.add(new Applied(mapping, change, applyOne(c, mapping, change)));
            c.releaseSavepoint(sp);
            parentWait.forget(r);
        } catch (SQLException e) {
            c.rollback(sp);
            if (ParentWait.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) { // parent not there yet, or children left
                waiting.add(r);
            } else {
                parentWait.forget(r);
                letters.add(new DeadLetter(r, "SQLException: " + e.getMessage()));
            }
        } catch (UnmappableChangeException e) {
            c.rollback(sp);
            parentWait.forget(r);
            letters.add(new DeadLetter(r, "UnmappableChangeException: " + e.getMessage()));
        }
    }

    private ApplyOutcome applyOne(Connection c, TableMapping mapping, SourceChange change) throws SQLException {
        Ownership owner = ownership.owner(mapping.ownedTable()).orElse(Ownership.LEGACY);
        if (!owner.allows(direction)) {
            return ApplyOutcome.SKIPPED_BY_OWNERSHIP;
        }
        String key = mapping.key(change);
        if (!RowPositions.claim(c, mapping.source() + "." + mapping.sourceTable(), key, change)) {
            return ApplyOutcome.STALE;
        }
        if (change.isDelete()) {
            mapping.delete(c, change);
            return ApplyOutcome.APPLIED;
        }
        return mapping.upsert(c, change, owner == Ownership.SHARED) ? ApplyOutcome.APPLIED : ApplyOutcome.CONFLICT_LOST;
    }

    private String tableOf(ConsumerRecord<String, String> r) {
        return mappingsByTopic.get(r.topic()).ownedTable();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Applied(TableMapping mapping, SourceChange change, ApplyOutcome outcome) {
    }

    /**
     * What an applier is doing, for the status API.
     *
     * @param waitingForParent changes held back until their parent row arrives
     */
    public record ApplierState(String name, Direction direction, String state, int waitingForParent, String error) {
    }
}
