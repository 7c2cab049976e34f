package io.strangler.cdc.apply;

import io.strangler.cdc.apply.BatchResult.Applied;
import io.strangler.cdc.apply.DeadLetters.DeadLetter;
import io.strangler.cdc.apply.RowPositions.Claim;
import io.strangler.cdc.apply.RowPositions.Latest;
import io.strangler.cdc.apply.RowPositions.RowId;
import io.strangler.cdc.mapping.Direction;
import io.strangler.cdc.mapping.SourceChange;
import io.strangler.cdc.mapping.TableMapping;
import io.strangler.cdc.mapping.UnmappableChangeException;
import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.TableOwnership;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.ObjectMapper;

/**
 * The fast path of an applier: a whole poll in a few statements. Changes are grouped by row; only the latest change
 * of each row is written (the earlier ones of the same poll are superseded by it, as they would be one by one). One
 * statement claims the positions of all rows, then each mapping writes its rows with JDBC batches: upserts parents
 * first, deletes children first.
 *
 * <p>Any failure (a foreign key whose parent has not arrived, a constraint, a value the mapping rejects) fails the
 * whole attempt: the caller rolls back and applies the poll again row by row ({@link RowByRowApply}), which isolates
 * the bad change. Changes that cannot be parsed go to the dead-letter topic directly.
 */
final class BatchApply {

    private final Direction direction;
    private final Map<String, TableMapping> mappingsByTopic;
    private final TableOwnership ownership;
    private final ObjectMapper json;

    BatchApply(Direction direction, Map<String, TableMapping> mappingsByTopic, TableOwnership ownership,
            ObjectMapper json) {
        this.direction = direction;
        this.mappingsByTopic = mappingsByTopic;
        this.ownership = ownership;
        this.json = json;
    }

    /** Applies the records inside the caller's transaction; throws to ask for the row-by-row path. */
    BatchResult apply(Connection c, List<ConsumerRecord<String, String>> records) throws SQLException {
        List<Applied> applied = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        Map<TableMapping, Ownership> owners = new HashMap<>();
        Map<TableMapping, Map<String, List<SourceChange>>> rows = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            TableMapping mapping = mappingsByTopic.get(r.topic());
            SourceChange change;
            String key;
            try {
                change = SourceChange.parse(json, r.value());
                key = mapping.key(change);
            } catch (UnmappableChangeException e) {
                letters.add(new DeadLetter(r, "UnmappableChangeException: " + e.getMessage()));
                continue;
            }
            Ownership owner = owners.computeIfAbsent(mapping,
                    m -> ownership.owner(m.ownedTable()).orElse(Ownership.LEGACY));
            if (!owner.allows(direction)) {
                applied.add(new Applied(mapping, change, ApplyOutcome.SKIPPED_BY_OWNERSHIP));
            } else {
                rows.computeIfAbsent(mapping, m -> new LinkedHashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(change);
            }
        }
        if (!rows.isEmpty()) {
            Map<RowId, Claim> claims = RowPositions.claimAll(c, latestOfEachRow(rows));
            Map<RowId, Boolean> written = write(c, rows, claims, owners);
            rows.forEach((mapping, byKey) -> byKey.forEach((key, changes) -> {
                RowId id = rowId(mapping, key);
                outcomes(mapping, changes, claims.get(id), written.getOrDefault(id, false), applied);
            }));
        }
        return new BatchResult(applied, letters, Map.of());
    }

    private static List<Latest> latestOfEachRow(Map<TableMapping, Map<String, List<SourceChange>>> rows) {
        List<Latest> latest = new ArrayList<>();
        rows.forEach((mapping, byKey) -> byKey.forEach((key, changes) ->
                latest.add(new Latest(rowId(mapping, key), latest(changes), changes.size() > 1))));
        return latest;
    }

    /** Writes the latest change of every claimed row; returns which rows were written (or deleted). */
    private static Map<RowId, Boolean> write(Connection c, Map<TableMapping, Map<String, List<SourceChange>>> rows,
            Map<RowId, Claim> claims, Map<TableMapping, Ownership> owners) throws SQLException {
        List<TableMapping> parentsFirst = new ArrayList<>(rows.keySet());
        parentsFirst.sort(Comparator.comparingInt(TableMapping::applyOrder));
        Map<RowId, Boolean> written = new HashMap<>();
        for (TableMapping mapping : parentsFirst) {
            List<RowId> ids = new ArrayList<>();
            List<SourceChange> upserts = new ArrayList<>();
            claimedLatest(mapping, rows.get(mapping), claims, false, ids, upserts);
            boolean[] done = mapping.upsertAll(c, upserts, owners.get(mapping) == Ownership.SHARED);
            for (int i = 0; i < done.length; i++) {
                written.put(ids.get(i), done[i]);
            }
        }
        List<TableMapping> childrenFirst = new ArrayList<>(parentsFirst);
        Collections.reverse(childrenFirst);
        for (TableMapping mapping : childrenFirst) {
            List<RowId> ids = new ArrayList<>();
            List<SourceChange> deletes = new ArrayList<>();
            claimedLatest(mapping, rows.get(mapping), claims, true, ids, deletes);
            mapping.deleteAll(c, deletes);
            ids.forEach(id -> written.put(id, true));
        }
        return written;
    }

    private static void claimedLatest(TableMapping mapping, Map<String, List<SourceChange>> byKey,
            Map<RowId, Claim> claims, boolean deletes, List<RowId> ids, List<SourceChange> changes) {
        byKey.forEach((key, all) -> {
            RowId id = rowId(mapping, key);
            SourceChange latest = latest(all);
            if (claims.get(id).claimed() && latest.isDelete() == deletes) {
                ids.add(id);
                changes.add(latest);
            }
        });
    }

    /**
     * Changes older than the target's position are stale; the others share the outcome of the row's latest change
     * (applied, or lost to the last-writer-wins guard).
     */
    private static void outcomes(TableMapping mapping, List<SourceChange> changes, Claim claim, boolean written,
            List<Applied> applied) {
        ApplyOutcome latest = !claim.claimed() ? ApplyOutcome.STALE
                : written ? ApplyOutcome.APPLIED : ApplyOutcome.CONFLICT_LOST;
        for (SourceChange change : changes) {
            applied.add(new Applied(mapping, change, change.lsn() <= claim.heldLsn() ? ApplyOutcome.STALE : latest));
        }
    }

    /** The change with the highest position (the last of them on a tie: Kafka keeps a row's changes in order). */
    private static SourceChange latest(List<SourceChange> changes) {
        SourceChange latest = changes.get(0);
        for (SourceChange change : changes) {
            if (change.lsn() >= latest.lsn()) {
                latest = change;
            }
        }
        return latest;
    }

    static RowId rowId(TableMapping mapping, String key) {
        return new RowId(mapping.source() + "." + mapping.sourceTable(), key);
    }
}
