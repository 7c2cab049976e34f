package io.strangler.cdc;

import static io.strangler.cdc.SyncDatabases.row;
import static io.strangler.cdc.SyncDatabases.sql;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Commit-to-visible lag of legacy {@code PRODUCTS} updates in catalog {@code product}, at fixed rates driven by
 * pgbench, and the highest rate the pipeline sustains. Not part of {@code verify}: run with {@code -Pbench}
 * ({@code bench.rates}, {@code bench.seconds}); the report goes to {@code target/benchmarks/cdc-lag.md}.
 *
 * <p>pgbench stamps each update with {@code clock_timestamp()} in {@code PROD_DESC}; a trigger on the catalog side
 * records {@code clock_timestamp()} when the applier writes the row. Both databases live on one server, so one clock.
 */
class CatalogLagBenchmark extends SyncIT {

    private static final long FIRST_ID = 100_000;
    private static final int ROWS = 1000;

    @Test
    void measuresCommitToVisibleLagAtFixedRatesAndTheSustainedRate() throws Exception {
        sql(LEGACY, """
                INSERT INTO products (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                    active_flg)
                SELECT g, 'SKU-B' || g, 'bench', '', 1, 100, 1, 'Y' FROM generate_series(?::bigint, ?::bigint) g""",
                FIRST_ID, FIRST_ID + ROWS - 1);
        await().atMost(Duration.ofMinutes(5)).until(() -> Long.valueOf(ROWS).equals(row(CATALOG,
                "SELECT count(*) AS n FROM product WHERE id >= ?", FIRST_ID).get("n")));
        sql(CATALOG, """
                CREATE TABLE bench_lag (lag_ms DOUBLE PRECISION NOT NULL, run INT NOT NULL);
                CREATE FUNCTION bench_seen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.description LIKE 'bench|%' THEN
                        INSERT INTO bench_lag VALUES (extract(epoch FROM clock_timestamp()
                            - split_part(NEW.description, '|', 3)::timestamptz) * 1000,
                            split_part(NEW.description, '|', 2)::int);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER bench_seen AFTER UPDATE ON product FOR EACH ROW EXECUTE FUNCTION bench_seen();
                """);
        int seconds = Integer.getInteger("bench.seconds", 20);
        List<String> lines = new ArrayList<>();
        lines.add("| offered rate (changes/s) | changes | applied | p50 ms | p99 ms | max ms |");
        lines.add("|---|---|---|---|---|---|");
        int run = 0;
        for (String rate : System.getProperty("bench.rates", "200,1000").split(",")) {
            run++;
            long changes = pgbench(run, seconds, Integer.parseInt(rate.trim()));
            lines.add(lagLine(run, rate.trim(), changes));
        }
        run++;
        long started = System.nanoTime();
        long changes = pgbench(run, seconds, 0);
        int unthrottled = run;
        await().atMost(Duration.ofMinutes(10)).until(() -> applied(unthrottled) >= changes);
        double drained = (System.nanoTime() - started) / 1e9;
        lines.add(lagLine(run, "unthrottled", changes));
        lines.add("");
        lines.add(String.format("Sustained: %d changes written in %d s were all applied %.1f s after the start: "
                + "%.0f changes/s end to end.", changes, seconds, drained, changes / drained));
        Path out = Path.of("target", "benchmarks", "cdc-lag.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    private String lagLine(int run, String rate, long changes) {
        await().atMost(Duration.ofMinutes(10)).until(() -> applied(run) >= changes);
        Map<String, Object> lag = row(CATALOG, """
                SELECT count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99, max(lag_ms) AS max
                FROM bench_lag WHERE run = ?""", run);
        return String.format("| %s | %d | %s | %.1f | %.1f | %.1f |", rate, changes, lag.get("n"),
                (Double) lag.get("p50"), (Double) lag.get("p99"), (Double) lag.get("max"));
    }

    private static long applied(int run) {
        return (Long) row(CATALOG, "SELECT count(*) AS n FROM bench_lag WHERE run = ?", run).get("n");
    }

    /** Runs pgbench against the legacy database; rate 0 means as fast as it goes. Returns the changes made. */
    private static long pgbench(int run, int seconds, int rate) throws IOException, InterruptedException {
        Path script = Path.of("target", "benchmarks", "update-product.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, """
                \\set id random(%d, %d)
                UPDATE products SET price_cents = price_cents + 1, last_upd = now(),
                    prod_desc = 'bench|%d|' || clock_timestamp() WHERE prod_id = :id;
                """.formatted(FIRST_ID, FIRST_ID + ROWS - 1, run));
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(LEGACY.jdbcUrl());
        if (!url.find()) {
            throw new IllegalStateException("unexpected JDBC URL " + LEGACY.jdbcUrl());
        }
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-f", script.toString(), "-T",
                Integer.toString(seconds), "-c", "4", "-j", "2", "-h", url.group(1), "-p", url.group(2), "-U",
                LEGACY.username(), url.group(3)));
        if (rate > 0) {
            command.addAll(List.of("-R", Integer.toString(rate)));
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
