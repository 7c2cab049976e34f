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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares a table on both sides through its {@link ParityProjection}: row counts and an MD5 hash per key-range
 * chunk first (computed inside each database), then, for chunks that differ only, the rows' hashes key by key.
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

    /** Compares one table now; empty for a table without projection. */
    public Optional<ParityReport> compare(String table) throws SQLException {
        ParityProjection p = projections.get(table);
        if (p == null) {
            return Optional.empty();
        }
        try (Connection source = connect(p.source()); Connection target = connect(p.target())) {
            Map<Long, Chunk> sourceChunks = chunks(source, p.sourceSql());
            Map<Long, Chunk> targetChunks = chunks(target, p.targetSql());
            TreeSet<Long> all = new TreeSet<>(sourceChunks.keySet());
            all.addAll(targetChunks.keySet());
            List<Long> differingKeys = new ArrayList<>();
            int differingChunks = 0;
            long differingTotal = 0;
            for (long chunk : all) {
                if (!Optional.ofNullable(sourceChunks.get(chunk)).equals(Optional.ofNullable(targetChunks.get(chunk)))) {
                    differingChunks++;
                    Map<Long, String> s = rows(source, p.sourceSql(), chunk);
                    Map<Long, String> t = rows(target, p.targetSql(), chunk);
                    TreeSet<Long> keys = new TreeSet<>(s.keySet());
                    keys.addAll(t.keySet());
                    for (long k : keys) {
                        if (!java.util.Objects.equals(s.get(k), t.get(k))) {
                            differingTotal++;
                            if (differingKeys.size() < ParityReport.MAX_KEYS) {
                                differingKeys.add(k);
                            }
                        }
                    }
                }
            }
            long sourceRows = sourceChunks.values().stream().mapToLong(Chunk::rows).sum();
            long targetRows = targetChunks.values().stream().mapToLong(Chunk::rows).sum();
            double parity = sourceRows == 0 && targetRows == 0 ? 100.0
                    : 100.0 * Math.max(0, Math.max(sourceRows, targetRows) - differingTotal)
                            / Math.max(sourceRows, targetRows);
            ParityReport report = new ParityReport(table, sourceRows, targetRows, all.size(), differingChunks,
                    List.copyOf(differingKeys), parity, Instant.now());
            lastReports.put(table, report);
            return Optional.of(report);
        }
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

    private static Map<Long, Chunk> chunks(Connection c, String projection) throws SQLException {
        String sql = "SELECT k / ? AS chunk, count(*) AS n, md5(string_agg(k || '=' || md5(coalesce(v, '')), ',' "
                + "ORDER BY k)) AS h FROM (" + projection + ") x GROUP BY 1";
        Map<Long, Chunk> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, CHUNK_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("chunk"), new Chunk(rs.getLong("n"), rs.getString("h")));
                }
            }
        }
        return out;
    }

    private static Map<Long, String> rows(Connection c, String projection, long chunk) throws SQLException {
        String sql = "SELECT k, md5(coalesce(v, '')) AS h FROM (" + projection + ") x WHERE k / ? = ?";
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, CHUNK_SIZE);
            ps.setLong(2, chunk);
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
