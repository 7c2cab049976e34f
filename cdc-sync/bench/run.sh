#!/usr/bin/env bash
# CDC benchmark, one command, bounded in time (~8 min on a quiet machine, killed after 15):
# the sync (legacy PRODUCTS -> catalog product) and a plain Debezium -> Kafka -> upsert pipeline, in the same run,
# each at fixed pgbench rates of one-row transactions (commit->visible p50/p99) and unthrottled with
# BENCH_ROWS_PER_TX rows per transaction (default 5, so the writer offers more than the pipelines take: sustained/s),
# after an unmeasured unthrottled warm-up of BENCH_WARMUP_SECONDS (default 10) per pipeline; then the highest fixed
# rate each keeps up with, by bisection within BENCH_SUSTAIN_RANGE (default 2000-16000 changes/s), BENCH_SUSTAIN_SECONDS
# (default 10) per step.
#   cdc-sync/bench/run.sh                 # rates 200,1000 and unthrottled, 15 s each
#   BENCH_RATES=200,1000,3000 BENCH_SECONDS=20 cdc-sync/bench/run.sh
#   BENCH_TIMEOUT=1500 cdc-sync/bench/run.sh  # a loaded machine needs longer than the default 900 s
#   BENCH_WORKERS=1 cdc-sync/bench/run.sh     # the sync's appliers per direction (cdc.apply.workers; default: the app's, 2)
# Needs pgbench (Debian: postgresql-client). Report: cdc-sync/target/benchmarks/cdc-lag.md
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pgbench >/dev/null || { echo "pgbench not found (apt-get install postgresql-client)" >&2; exit 2; }
rates=${BENCH_RATES:-200,1000}
seconds=${BENCH_SECONDS:-15}
limit=${BENCH_TIMEOUT:-900}
rows=${BENCH_ROWS_PER_TX:-5}
warmup=${BENCH_WARMUP_SECONDS:-10}
workers=${BENCH_WORKERS:-2}
sustain=${BENCH_SUSTAIN_RANGE:-2000-16000}
sustain_seconds=${BENCH_SUSTAIN_SECONDS:-10}
[[ $rates =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "BENCH_RATES must be like 200,1000 (was '$rates')" >&2; exit 2; }
[[ $seconds =~ ^[0-9]+$ ]] && (( seconds >= 5 && seconds <= 30 )) \
    || { echo "BENCH_SECONDS must be 5..30 (was '$seconds')" >&2; exit 2; }
[[ $warmup =~ ^[0-9]+$ ]] && (( warmup <= 120 )) \
    || { echo "BENCH_WARMUP_SECONDS must be 0..120 (was '$warmup')" >&2; exit 2; }
[[ $workers =~ ^[0-9]+$ ]] && (( workers >= 1 && workers <= 16 )) \
    || { echo "BENCH_WORKERS must be 1..16 (was '$workers')" >&2; exit 2; }
[[ $sustain =~ ^([0-9]+)-([0-9]+)$ ]] && (( BASH_REMATCH[1] >= 100 && BASH_REMATCH[2] > BASH_REMATCH[1] )) \
    || { echo "BENCH_SUSTAIN_RANGE must be low-high changes/s, low >= 100, e.g. 2000-16000 (was '$sustain')" >&2; exit 2; }
[[ $sustain_seconds =~ ^[0-9]+$ ]] && (( sustain_seconds >= 5 && sustain_seconds <= 60 )) \
    || { echo "BENCH_SUSTAIN_SECONDS must be 5..60 (was '$sustain_seconds')" >&2; exit 2; }
[[ $limit =~ ^[0-9]+$ ]] || { echo "BENCH_TIMEOUT must be seconds (was '$limit')" >&2; exit 2; }
[[ $rows =~ ^[0-9]+$ ]] && (( rows >= 1 && rows <= 50 )) \
    || { echo "BENCH_ROWS_PER_TX must be 1..50 (was '$rows')" >&2; exit 2; }
echo "load before: $(uptime)"
# -am builds local-infra from this tree; only CatalogLagBenchmark runs (no unit tests, no ITs)
timeout "$limit" ./mvnw -B -ntp -q -pl cdc-sync -am verify -Pbench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=CatalogLagBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dbench.rates="$rates" -Dbench.seconds="$seconds" -Dbench.rows-per-tx="$rows" -Dbench.warmup-seconds="$warmup" \
    -Dcdc.apply.workers="$workers" -Dbench.sustain-range="$sustain" -Dbench.sustain-seconds="$sustain_seconds"
echo "load after: $(uptime)"
cat cdc-sync/target/benchmarks/cdc-lag.md # written line by line: a run cut short still shows what it measured
