package io.strangler.cdc.parity;

import io.strangler.cdc.CdcProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares a table on both sides through its {@link ParityProjection}: row counts and an MD5 hash per key-range
 * chunk first (computed inside each database), then, for chunks that differ only, the rows' hashes key by key.
 * A run in the background reports its progress and can be cancelled between chunks.
 * Finds rows missing on either side and rows changed directly in the target.
 */
@Component
public class ParityReconciler {

    private static final Logger log = LoggerFactory.getLogger(ParityReconciler.class);

    /** Keys per chunk: {@code k / CHUNK_SIZE} is the chunk number. */
    static final long CHUNK_SIZE = 1000;

    private final CdcProperties properties;
    private final Map<String, ParityProjection> projections = new HashMap<>();
    private final Map<String, ParityReport> lastReports = new ConcurrentHashMap<>();
    private final Map<String, ParityProgress> runs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parity");
        t.setDaemon(true);
        return t;
    });

    public ParityReconciler(CdcProperties properties, List<ParityProjection> projections) {
        this.properties = properties;
        projections.forEach(p -> this.projections.put(p.table(), p));
    }

    /** Tables that can be compared. */
    public TreeSet<String> tables() {
        return new TreeSet<>(projections.keySet());
    }

    /** The last report of each table compared since start. */
    public Map<String, ParityReport> lastReports() {
        return Map.copyOf(lastReports);
    }

    /** Compares every table every {@code cdc.parity.interval} (default 10 minutes); the reports show in the API. */
    @Scheduled(initialDelayString = "${cdc.parity.interval:PT10M}", fixedDelayString = "${cdc.parity.interval:PT10M}")
    void compareAllPeriodically() {
        for (String table : tables()) {
            try {
                ParityReport report = compare(table).orElseThrow();
                log.info("Parity of {}: {} % ({} source rows, {} target rows, {} differing chunks)", table,
                        report.parityPercent(), report.sourceRows(), report.targetRows(), report.differingChunks());
            } catch (SQLException e) {
                log.warn("Periodic parity check of {} failed: {}", table, e.getMessage());
            }
        }
    }

    /** Compares one table now, in the calling thread; empty for a table without projection. */
    public Optional<ParityReport> compare(String table) throws SQLException {
        ParityProjection p = projections.get(table);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(run(p, new ParityProgress(table)));
    }

    /**
     * Starts a comparison in the background (one per table at a time); follow it with {@link #progress(String)}.
     *
     * @return empty for a table without projection
     */
    public synchronized Optional<ParityProgress> start(String table) {
        ParityProjection p = projections.get(table);
        if (p == null) {
            return Optional.empty();
        }
        ParityProgress current = runs.get(table);
        if (current != null && current.running()) {
            return Optional.of(current);
        }
        ParityProgress progress = new ParityProgress(table);
        runs.put(table, progress);
        background.execute(() -> {
            try {
                run(p, progress);
            } catch (SQLException | RuntimeException e) {
                progress.failed(e.getMessage());
            }
        });
        return Optional.of(progress);
    }

    /** The latest background run of a table. */
    public Optional<ParityProgress> progress(String table) {
        return Optional.ofNullable(runs.get(table));
    }

    /** Chunk by chunk: counts and hashes first, keys only where they differ. Null when cancelled. */
    private ParityReport run(ParityProjection p, ParityProgress progress) throws SQLException {
        try (Connection source = connect(p.source()); Connection target = connect(p.target())) {
            TreeSet<Long> chunks = chunkNumbers(source, p.sourceSql());
            chunks.addAll(chunkNumbers(target, p.targetSql()));
            progress.begin(chunks.size());
            List<Long> differingKeys = new ArrayList<>();
            int differingChunks = 0;
            long differingTotal = 0;
            long sourceRows = 0;
            long targetRows = 0;
            for (long chunk : chunks) {
                if (progress.cancelRequested()) {
                    progress.cancelled();
                    return null;
                }
                Chunk s = chunk(source, p.sourceSql(), chunk);
                Chunk t = chunk(target, p.targetSql(), chunk);
                sourceRows += s.rows();
                targetRows += t.rows();
                if (!s.equals(t)) {
                    differingChunks++;
                    for (long k : differingKeys(source, target, p, chunk)) {
                        differingTotal++;
                        if (differingKeys.size() < ParityReport.MAX_KEYS) {
                            differingKeys.add(k);
                        }
                    }
                }
                progress.chunkDone(s.rows());
            }
            long larger = Math.max(sourceRows, targetRows);
            double parity = larger == 0 ? 100.0 : 100.0 * Math.max(0, larger - differingTotal) / larger;
            ParityReport report = new ParityReport(p.table(), sourceRows, targetRows, chunks.size(), differingChunks,
                    List.copyOf(differingKeys), parity, Instant.now());
            lastReports.put(p.table(), report);
            progress.finish(report);
            return report;
        }
    }

    private static List<Long> differingKeys(Connection source, Connection target, ParityProjection p, long chunk)
            throws SQLException {
        Map<Long, String> s = rows(source, p.sourceSql(), chunk);
        Map<Long, String> t = rows(target, p.targetSql(), chunk);
        TreeSet<Long> keys = new TreeSet<>(s.keySet());
        keys.addAll(t.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(s.get(k), t.get(k))).toList();
    }

    /**
     * Compares the table and makes the capture send every differing source row again (through the normal pipeline,
     * so the same mapping and checks apply). Rows that exist on the target only are reported, not deleted.
     *
     * @return the comparison before the repair and how many source rows were sent again; empty for an unknown table
     */
    public Optional<Repair> repair(String table) throws SQLException {
        Optional<ParityReport> report = compare(table);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        ParityProjection p = projections.get(table);
        try (Connection source = connect(p.source()); PreparedStatement ps = source.prepareStatement(p.resendSql())) {
            ps.setArray(1, source.createArrayOf("bigint", report.get().differingKeys().toArray()));
            return Optional.of(new Repair(report.get(), ps.executeUpdate()));
        }
    }

    /**
     * A repair's outcome.
     *
     * @param before     the comparison that found the differences
     * @param resentRows source rows sent again
     */
    public record Repair(ParityReport before, int resentRows) {
    }

    private static TreeSet<Long> chunkNumbers(Connection c, String projection) throws SQLException {
        TreeSet<Long> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT k / ? AS chunk FROM (" + projection + ") x")) {
            ps.setLong(1, CHUNK_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Count and hash of one key range; the range predicate reaches the table's primary key index. */
    private static Chunk chunk(Connection c, String projection, long chunk) throws SQLException {
        String sql = "SELECT count(*) AS n, md5(string_agg(k || '=' || md5(coalesce(v, '')), ',' ORDER BY k)) AS h "
                + "FROM (" + projection + ") x WHERE k >= ? AND k < ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chunk * CHUNK_SIZE);
            ps.setLong(2, (chunk + 1) * CHUNK_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Chunk(rs.getLong("n"), rs.getString("h"));
            }
        }
    }

    private static Map<Long, String> rows(Connection c, String projection, long chunk) throws SQLException {
        String sql = "SELECT k, md5(coalesce(v, '')) AS h FROM (" + projection + ") x WHERE k >= ? AND k < ?";
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chunk * CHUNK_SIZE);
            ps.setLong(2, (chunk + 1) * CHUNK_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("k"), rs.getString("h"));
                }
            }
        }
        return out;
    }

    private Connection connect(String database) throws SQLException {
        CdcProperties.SourceDatabase db = properties.sources().get(database);
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private record Chunk(long rows, String hash) {
    }
}
