package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.awaitility.Awaitility.await;

import io.strangler.cdc.apply.ApplyProperties;
import io.strangler.infra.LocalKafka;
import io.strangler.infra.LocalPostgres;
import io.strangler.infra.PostgresDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commit-to-visible lag of legacy {@code PRODUCTS} updates at fixed rates driven by pgbench, and the highest rate
 * sustained, for two lanes in the same run: the sync (legacy -> catalog {@code product}, the whole application) and
 * {@link PlainPipeline} (the same parts without mapping, position table, origin marker or echo filter). Not part of
 * {@code verify}: {@code cdc-sync/bench/run.sh} (or {@code -Pbench} with {@code bench.rates}, {@code bench.seconds},
 * {@code bench.rows-per-tx}); the report goes to {@code target/benchmarks/cdc-lag.md}.
 *
 * <p>pgbench stamps each update with {@code clock_timestamp()} in {@code PROD_DESC}; a trigger on the target table
 * records {@code clock_timestamp()} when the row is written. All databases live on one server: one clock.
 */
class CatalogLagBenchmark extends SyncIT {

    private static final long FIRST_ID = 100_000;
    /** Many rows, so that two updates of one row rarely meet in one poll (the sync writes only the latest). */
    private static final int ROWS = 10_000;
    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Long enough for the capture's heartbeat (10 s) to move an idle replication slot on. */
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** The lag p99 within which a lane kept up with a step of the sustained-rate search. */
    private static final Duration KEPT_UP_P99 = Duration.ofMillis(500);
    /** The share of a step's rate pgbench must have offered for the step to count as kept up. */
    private static final double OFFERED_SHARE = 0.95;

    /**
     * @param echoSlot the replication slot that decodes what the lane writes into its target (the sync's reverse
     *                 capture, whose echo filter drops it), or null
     */
    private record Lane(String name, PostgresDatabase source, PostgresDatabase target, String table,
            String sourceSum, String targetSum, String echoSlot, String topic) {
    }

    @Autowired
    private ApplyProperties apply;

    @Test
    void measuresTheSyncBesideAPlainPipeline() throws Exception {
        PostgresDatabase plainSource = SyncDatabases.create("cdc_bench_plain_src", "legacy-monolith",
                "db/changelog/db.changelog-master.yaml");
        PostgresDatabase plainTarget = LocalPostgres.shared().createDatabase("cdc_bench_plain_dst");
        try (Connection c = plainTarget.connect()) {
            PlainPipeline.prepareTarget(c);
        }
        String sum = "SELECT coalesce(sum(price_cents), 0)::bigint AS n FROM products WHERE prod_id >= " + FIRST_ID;
        List<Lane> lanes = List.of(
                new Lane("cdc-sync", LEGACY, CATALOG, "product", sum,
                        "SELECT coalesce(sum(price * 100), 0)::bigint AS n FROM product WHERE id >= " + FIRST_ID,
                        "cdc_it_catalog", "legacy.public.products"),
                new Lane("plain pipeline", plainSource, plainTarget, PlainPipeline.TARGET_TABLE, sum,
                        "SELECT coalesce(sum(price_cents), 0)::bigint AS n FROM product_copy WHERE id >= "
                                + FIRST_ID, null, "plain.public.products"));
        sql(plainSource, "INSERT INTO categories (cat_id, cat_name) VALUES (1, 'Books')");
        Path out = Files.createDirectories(Path.of("target", "benchmarks"));
        Files.deleteIfExists(out.resolve("offsets-plain.dat")); // a previous run's offsets point into a gone server
        try (PlainPipeline plain = new PlainPipeline(plainSource, plainTarget,
                LocalKafka.shared().bootstrapServers(), out)) {
            plain.start();
            for (Lane lane : lanes) {
                seed(lane);
            }
            List<String> lines = new ArrayList<>(List.of(
                    "| pipeline | offered rate (changes/s) | changes | lag samples | p50 ms | p99 ms | max ms "
                            + "| capture p50 / p99 ms | machine CPU s per 1,000 changes |",
                    "|---|---|---|---|---|---|---|---|---|"));
            List<String> sustained = new ArrayList<>();
            Path report = out.resolve("cdc-lag.md");
            // the lanes take turns at each rate (0: unthrottled, last), so that a machine whose load changes during
            // the run weighs on both lanes alike rather than on whichever came first
            List<Integer> rates = new ArrayList<>();
            for (String rate : System.getProperty("bench.rates", "200,1000").split(",")) {
                rates.add(Integer.parseInt(rate.trim()));
            }
            rates.add(0);
            // both lanes first run unthrottled once, unreported: whichever lane came first would otherwise pay for
            // the JIT compiling the code both share (Debezium, Kafka, JDBC; C2 took ~30 % of a core in the first
            // unthrottled run of a fresh JVM)
            for (Lane lane : lanes) {
                warmUp(lane);
            }
            lines.add(0, idleCpu());
            lines.add(1, "");
            int run = 0;
            for (int rate : rates) {
                for (Lane lane : lanes) {
                    lines.add(measure(lane, ++run, rate, sustained));
                    Files.write(report, lines, StandardCharsets.UTF_8); // a run cut short keeps what it measured
                }
            }
            lines.add("");
            lines.addAll(sustained);
            lines.addAll(sustainedRates(lanes, run, lines, report));
            lines.add("");
            lines.add("cdc-sync ran " + apply.workers() + " applier(s) per direction (cdc.apply.workers); the plain "
                    + "pipeline one consumer.");
            Files.write(report, lines, StandardCharsets.UTF_8);
        }
    }

    /**
     * The highest fixed rate each lane keeps up with ({@link SustainedRate}, the lanes taking turns): each step offers
     * a rate for {@code bench.sustain-seconds} (default 10) in transactions of {@code bench.rows-per-tx} rows, and
     * the lane kept up if pgbench offered at least {@link #OFFERED_SHARE} of it and the lag p99 stayed within
     * {@link #KEPT_UP_P99}. A lane short of the offered rate by x % builds a backlog whose lag grows by x % of the
     * elapsed time: at the bound, 10 s at 5 % short. Returns the summary lines; the steps go into {@code lines}.
     */
    private static List<String> sustainedRates(List<Lane> lanes, int lastRun, List<String> lines, Path report)
            throws IOException, InterruptedException {
        int seconds = Integer.getInteger("bench.sustain-seconds", 10);
        if (seconds < 5 || seconds > 60) {
            throw new IllegalArgumentException("bench.sustain-seconds must be 5..60 (was " + seconds + ")");
        }
        Map<Lane, SustainedRate> searches = new LinkedHashMap<>();
        for (Lane lane : lanes) {
            searches.put(lane, SustainedRate.parse(System.getProperty("bench.sustain-range", "2000-16000"), 500));
        }
        lines.addAll(List.of("", String.format(Locale.ROOT, "Sustained rate: bisection over fixed rates, %d s each "
                + "in transactions of %d rows, the lanes taking turns; kept up = pgbench offered >= %.0f %% of the "
                + "rate and lag p99 <= %d ms.", seconds, rowsPerTransaction(), OFFERED_SHARE * 100,
                KEPT_UP_P99.toMillis()), "",
                "| pipeline | rate (changes/s) | offered /s | p50 ms | p99 ms | drained after writer s | kept up |",
                "|---|---|---|---|---|---|---|"));
        int run = lastRun;
        boolean searching = true;
        while (searching) {
            searching = false;
            for (Lane lane : lanes) {
                OptionalInt rate = searches.get(lane).next();
                if (rate.isPresent()) {
                    searching = true;
                    SustainedRate.Step step = sustainStep(lane, ++run, rate.getAsInt(), seconds);
                    searches.get(lane).record(step);
                    lines.add("| " + lane.name() + " | " + step.rate() + " | " + step.evidence() + " | "
                            + (step.keptUp() ? "yes" : "no") + " |");
                    Files.write(report, lines, StandardCharsets.UTF_8);
                }
            }
        }
        List<String> summary = new ArrayList<>(List.of(""));
        searches.forEach((lane, search) -> summary.add(String.format(Locale.ROOT, "%s: **%s%,d changes/s "
                + "sustained**%s.", lane.name(), search.limitFound() ? "" : ">= ", search.sustained(),
                search.measured() ? "" : " (assumed: no step kept up; lower bench.sustain-range)")));
        SustainedRate sync = searches.get(lanes.get(0));
        SustainedRate plain = searches.get(lanes.get(1));
        summary.add(String.format(Locale.ROOT, "Sustained, sync / plain: **%.2f** (the search stops within 500/s).",
                (double) sync.sustained() / plain.sustained()));
        return summary;
    }

    /** What the machine spends while both lanes idle (their engines poll, Kafka and PostgreSQL tick), over 5 s. */
    private static String idleCpu() throws InterruptedException {
        OptionalDouble before = MachineCpu.busySeconds();
        Thread.sleep(5_000); // a measurement window, not a synchronisation
        OptionalDouble after = MachineCpu.busySeconds();
        return before.isPresent() && after.isPresent() ? String.format(Locale.ROOT, "Idle, both lanes running: the "
                + "machine busy %.2f CPU s per second (all cores).", (after.getAsDouble() - before.getAsDouble()) / 5)
                : "Machine CPU: no /proc/stat here.";
    }

    /** One step of the sustained-rate search. */
    private static SustainedRate.Step sustainStep(Lane lane, int run, int rate, int seconds)
            throws IOException, InterruptedException {
        settle(lane);
        long before = sourceSum(lane);
        pgbench(lane.source(), run, rate, rowsPerTransaction(), seconds);
        long writerDone = System.nanoTime();
        double offered = (double) (sourceSum(lane) - before) / seconds;
        String drained;
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(20)).until(() -> caughtUp(lane));
            drained = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - writerDone) / 1e9);
        } catch (ConditionTimeoutException e) {
            drained = "not within " + DRAIN.toSeconds();
        }
        Map<String, Object> lag = row(lane.target(), """
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99
                FROM bench_lag WHERE run = ?""", run);
        double p50 = lag.get("p50") == null ? Double.NaN : (Double) lag.get("p50");
        double p99 = lag.get("p99") == null ? Double.NaN : (Double) lag.get("p99");
        boolean keptUp = offered >= OFFERED_SHARE * rate && p99 <= KEPT_UP_P99.toMillis();
        return new SustainedRate.Step(rate, keptUp,
                String.format(Locale.ROOT, "%.0f | %.1f | %.1f | %s", offered, p50, p99, drained));
    }

    /** The bench rows on the source, arrived on the target, and the lag trigger there. */
    private static void seed(Lane lane) {
        sql(lane.source(), """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg)
                SELECT g, 'SKU-B' || g, 'bench', '', 1, 100, 1, 'Y' FROM generate_series(?::bigint, ?::bigint) g""",
                FIRST_ID, FIRST_ID + ROWS - 1);
        await().atMost(Duration.ofMinutes(3)).until(() -> caughtUp(lane));
        sql(lane.target(), """
                CREATE TABLE bench_lag (lag_ms DOUBLE PRECISION NOT NULL, run INT NOT NULL,
                    seen_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
                CREATE FUNCTION bench_seen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.description LIKE 'bench|%' THEN
                        INSERT INTO bench_lag VALUES (extract(epoch FROM clock_timestamp()
                            - split_part(NEW.description, '|', 3)::timestamptz) * 1000,
                            split_part(NEW.description, '|', 2)::int);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER bench_seen AFTER UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION bench_seen();
                """.replace("{table}", lane.table()));
    }

    /** Every change has arrived: each update adds 1 to a price, so the sums match once the target caught up. */
    private static boolean caughtUp(Lane lane) {
        return row(lane.source(), lane.sourceSum()).get("n").equals(row(lane.target(), lane.targetSum()).get("n"));
    }

    /**
     * One pgbench run (rate 0: as fast as it goes) and its lag figures; the unthrottled one adds a sustained line.
     * The fixed rates update one row per transaction; the unthrottled run {@code bench.rows-per-tx} rows per
     * transaction (one statement), so that the writer can offer more changes than the pipelines can take. Changes
     * are counted on the source: every row change adds 1 to a price.
     */
    private static String measure(Lane lane, int run, int rate, List<String> sustained)
            throws IOException, InterruptedException {
        int rowsPerTx = rate == 0 ? rowsPerTransaction() : 1;
        boolean settled = settle(lane);
        long before = sourceSum(lane);
        Map<TopicPartition, Long> topicEnd = KAFKA.endOffsets(lane.topic());
        long started = System.nanoTime();
        OptionalDouble cpuBefore = MachineCpu.busySeconds();
        long transactions = pgbench(lane.source(), run, rate, rowsPerTx, benchSeconds());
        long changes = sourceSum(lane) - before;
        boolean drained = true;
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(20)).until(() -> caughtUp(lane));
        } catch (ConditionTimeoutException e) {
            drained = false;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        OptionalDouble cpuAfter = MachineCpu.busySeconds();
        String cpu = "n/a";
        if (cpuBefore.isPresent() && cpuAfter.isPresent() && drained && changes > 0) {
            double busy = cpuAfter.getAsDouble() - cpuBefore.getAsDouble();
            cpu = String.format(Locale.ROOT, "%.2f", busy * 1000 / changes);
        }
        if (rate == 0) {
            sustained.add(String.format("%s: %d changes (%d transactions of %d rows) written in %d s (%.0f/s offered) "
                    + "were %s %.1f s after the start: **%.0f changes/s end to end**.", lane.name(), changes,
                    transactions, rowsPerTx, benchSeconds(), (double) changes / benchSeconds(),
                    drained ? "all applied" : "NOT all applied", seconds, drained ? changes / seconds : Double.NaN));
        }
        if (rate > 0) {
            writeSamples(lane, run, rate);
        }
        Map<String, Object> lag = row(lane.target(), """
                SELECT count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
                FROM bench_lag WHERE run = ?""", run);
        return String.format("| %s%s | %s | %d | %s | %.1f | %.1f | %.1f | %s | %s |", lane.name(),
                settled ? "" : " (reverse capture still busy at the start)",
                rate == 0 ? "unthrottled (" + rowsPerTx + " rows/tx)" : rate, changes, lag.get("n"),
                (Double) lag.get("p50"), (Double) lag.get("p99"), (Double) lag.get("max"),
                rate == 0 ? "" : captureDelay(lane, run, topicEnd), cpu);
    }

    /**
     * Source commit ({@code source.ts_ms}) to the change's hand-over to Kafka (the record's create timestamp, set by
     * the capture's producer): the capture's share of the lag, p50 / p99 over the run's changes. Both clocks are this
     * machine's, in milliseconds.
     */
    private static String captureDelay(Lane lane, int run, Map<TopicPartition, Long> from) {
        String marker = "bench|" + run + "|";
        List<Double> delays = new ArrayList<>();
        for (ConsumerRecord<String, String> r : KAFKA.readFrom(lane.topic(), from)) {
            if (r.value() == null) {
                continue;
            }
            JsonNode change = JSON.readTree(r.value());
            if (change.path("after").path("prod_desc").asString("").startsWith(marker)) {
                delays.add((double) (r.timestamp() - change.path("source").path("ts_ms").asLong()));
            }
        }
        if (delays.isEmpty()) {
            return "none";
        }
        Percentile percentile = new Percentile();
        double[] values = delays.stream().mapToDouble(Double::doubleValue).toArray();
        return String.format(Locale.ROOT, "%.0f / %.0f", percentile.evaluate(values, 50),
                percentile.evaluate(values, 99));
    }

    /**
     * The run's lag samples, {@code target/benchmarks/lag-<lane>-<rate>.csv} (seconds since the run's first sample,
     * lag in ms), to see whether the slow ones come together (a stall) or spread out.
     */
    private static void writeSamples(Lane lane, int run, int rate) throws IOException {
        List<String> csv = new ArrayList<>(List.of("seconds,lag_ms"));
        try (Connection c = lane.target().connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT extract(epoch FROM seen_at - min(seen_at) OVER ()) AS t, lag_ms FROM bench_lag
                WHERE run = ? ORDER BY seen_at""")) {
            ps.setInt(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    csv.add(String.format(Locale.ROOT, "%.3f,%.1f", rs.getDouble(1), rs.getDouble(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the lag samples of run " + run, e);
        }
        Files.write(Path.of("target", "benchmarks", "lag-" + lane.name().replace(' ', '-') + "-" + rate + ".csv"),
                csv, StandardCharsets.UTF_8);
    }

    /** An unthrottled run of {@code bench.warmup-seconds} (default 10; 0: none), not measured. */
    private static void warmUp(Lane lane) throws IOException, InterruptedException {
        int seconds = Integer.getInteger("bench.warmup-seconds", 10);
        if (seconds < 0 || seconds > 120) {
            throw new IllegalArgumentException("bench.warmup-seconds must be 0..120 (was " + seconds + ")");
        }
        if (seconds > 0) {
            pgbench(lane.source(), 0, 0, rowsPerTransaction(), seconds);
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(100)).until(() -> caughtUp(lane));
        }
    }

    /**
     * Waits until the lane's reverse capture has decoded everything written so far (its slot confirmed the current
     * WAL position), so that a run does not start while the previous one's echo is still being decoded.
     *
     * @return false if it had not within {@link #SETTLE}
     */
    private static boolean settle(Lane lane) {
        if (lane.echoSlot() == null) {
            return true;
        }
        String now = row(lane.target(), "SELECT pg_current_wal_lsn()::text AS lsn").get("lsn").toString();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(row(
                    lane.target(), "SELECT confirmed_flush_lsn >= ?::pg_lsn AS done FROM pg_replication_slots "
                            + "WHERE slot_name = ?", now, lane.echoSlot()).get("done")));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static long sourceSum(Lane lane) {
        return ((Number) row(lane.source(), lane.sourceSum()).get("n")).longValue();
    }

    private static int benchSeconds() {
        return Integer.getInteger("bench.seconds", 15);
    }

    private static int rowsPerTransaction() {
        int rows = Integer.getInteger("bench.rows-per-tx", 5);
        if (rows < 1 || rows > 50) {
            throw new IllegalArgumentException("bench.rows-per-tx must be 1..50 (was " + rows + ")");
        }
        return rows;
    }

    /**
     * Runs pgbench against a legacy-shaped database: each transaction is one UPDATE of {@code rows} random products
     * (one statement: its row locks are taken in key order, so concurrent clients cannot deadlock). Rate 0 means as
     * fast as it goes, otherwise changes per second (pgbench gets rate / rows transactions per second). Returns the
     * transactions made.
     */
    private static long pgbench(PostgresDatabase db, int run, int rate, int rows, int seconds)
            throws IOException, InterruptedException {
        Path script = Path.of("target", "benchmarks", "update-product.sql");
        Files.createDirectories(script.getParent());
        StringBuilder sql = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            sql.append("\\set id%d random(%d, %d)\n".formatted(i, FIRST_ID, FIRST_ID + ROWS - 1));
            ids.add(":id" + i);
        }
        sql.append("""
                UPDATE products SET price_cents = price_cents + 1, last_upd = now(),
                    prod_desc = 'bench|%d|' || clock_timestamp() WHERE prod_id IN (%s);
                """.formatted(run, String.join(", ", ids)));
        Files.writeString(script, sql);
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(db.jdbcUrl());
        if (!url.find()) {
            throw new IllegalStateException("unexpected JDBC URL " + db.jdbcUrl());
        }
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-f", script.toString(), "-T",
                Integer.toString(seconds), "-c", "4", "-j", "2", "-h", url.group(1), "-p", url.group(2),
                "-U", db.username(), url.group(3)));
        if (rate > 0) {
            command.addAll(List.of("-R", Double.toString((double) rate / rows)));
        }
        Process pgbench = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
        if (!processed.find()) {
            throw new IllegalStateException("no transaction count in pgbench output:\n" + output);
        }
        return Long.parseLong(processed.group(1));
    }
}
