package io.strangler.cdc.apply;

import io.strangler.cdc.apply.BatchResult.Applied;
import io.strangler.cdc.apply.DeadLetters.DeadLetter;
import io.strangler.cdc.mapping.Direction;
import io.strangler.cdc.mapping.MissingParentException;
import io.strangler.cdc.mapping.SourceChange;
import io.strangler.cdc.mapping.TableMapping;
import io.strangler.cdc.mapping.UnmappableChangeException;
import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.TableOwnership;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.ObjectMapper;

/**
 * The careful path of an applier, taken when {@link BatchApply} failed: every change under its own savepoint, so one
 * bad change goes to the dead-letter topic and the rest land. A change whose parent row has not arrived (foreign key)
 * is retried once the rest of the poll is in, then held back ({@link ParentWait}).
 */
final class RowByRowApply {

    private final Direction direction;
    private final Map<String, TableMapping> mappingsByTopic;
    private final TableOwnership ownership;
    private final ObjectMapper json;
    private final ParentWait parentWait;

    RowByRowApply(Direction direction, Map<String, TableMapping> mappingsByTopic, TableOwnership ownership,
            ObjectMapper json, ParentWait parentWait) {
        this.direction = direction;
        this.mappingsByTopic = mappingsByTopic;
        this.ownership = ownership;
        this.json = json;
        this.parentWait = parentWait;
    }

    /** Applies the records inside the caller's transaction. */
    BatchResult apply(Connection c, List<ConsumerRecord<String, String>> records) throws SQLException {
        List<ConsumerRecord<String, String>> ordered = new ArrayList<>(records);
        // parents before children; positions make the order of changes to one row irrelevant
        ordered.sort(Comparator.comparingInt(r -> mappingsByTopic.get(r.topic()).applyOrder()));
        List<Applied> applied = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        List<ConsumerRecord<String, String>> waiting = new ArrayList<>();
        for (ConsumerRecord<String, String> r : ordered) {
            attempt(c, r, applied, letters, waiting);
        }
        List<ConsumerRecord<String, String>> stillWaiting = new ArrayList<>();
        for (ConsumerRecord<String, String> r : waiting) { // their parents may have come later in the batch
            attempt(c, r, applied, letters, stillWaiting);
        }
        Map<TopicPartition, Long> held = new HashMap<>();
        for (ConsumerRecord<String, String> r : stillWaiting) {
            if (parentWait.expired(r)) {
                parentWait.forget(r);
                letters.add(new DeadLetter(r, "parent row still missing after " + ParentWait.LIMIT));
            } else {
                held.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
            }
        }
        return new BatchResult(applied, letters, held);
    }

    private void attempt(Connection c, ConsumerRecord<String, String> r, List<Applied> applied,
            List<DeadLetter> letters, List<ConsumerRecord<String, String>> waiting) throws SQLException {
        TableMapping mapping = mappingsByTopic.get(r.topic());
        Savepoint sp = c.setSavepoint();
        try {
            SourceChange change = SourceChange.parse(json, r.value());
            applied.add(new Applied(mapping, change, applyOne(c, mapping, change)));
            c.releaseSavepoint(sp);
            parentWait.forget(r);
        } catch (SQLException e) {
            if (TransientFailure.is(e)) { // not the change's fault: the whole poll is rolled back and applied again
                throw e;
            }
            c.rollback(sp);
            if (MissingParentException.SQL_STATE.equals(e.getSQLState())) { // parent not there yet, or children left
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
}
