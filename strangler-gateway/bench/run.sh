#!/usr/bin/env bash
# Gateway benchmark, one run: direct backend vs a plain Spring Cloud Gateway route vs our gateway in every mode,
# all in ONE gateway JVM, after one warm-up. Loopback only. Needs: wrk, nginx (Debian: apt-get install wrk nginx-light),
# and the gateway jar (./mvnw -pl strangler-gateway -am package -DskipTests).
# Usage: strangler-gateway/bench/run.sh [duration=20s] [connections=50] [warmup=25s]
# Phases: saturation (every target as fast as wrk can), fixed rate (every target at half the plain route's
# throughput), interleaved p99 (LEGACY and SHADOW at that same fixed rate in ABBA pairs: L S, S L, L S, ...).
# ~12 min with the defaults. Environment:
#   PAIRS=6 ROUND=20s       pairs and length of a round of the interleaved phase
#   PAIR_WARMUP=15s         fixed-rate warm-up of each of LEGACY and SHADOW before the pairs
#   PHASES="saturation paced interleaved"  a subset (without saturation, PACED_RATE must be given: req/s)
#   GATEWAY_JAR=path        another build of the gateway (e.g. to compare two commits)
set -euo pipefail

DURATION=${1:-20s}
CONNECTIONS=${2:-50}
WARMUP=${3:-25s}
PAIRS=${PAIRS:-6}
ROUND=${ROUND:-20s}
PAIR_WARMUP=${PAIR_WARMUP:-15s}
PHASES=${PHASES:-saturation paced interleaved}
has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
THREADS=2
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${GATEWAY_JAR:-"$HERE/../target/strangler-gateway.jar"}
WORK=$(mktemp -d)
BACKEND_PORT=18181
GATEWAY_PORT=18080
MANAGEMENT_PORT=19080
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "missing $JAR: build it first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx not installed (apt-get install nginx-light)" >&2; exit 1; }

# backend: nginx answering a small JSON document on every path (legacy and new alike)
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$BACKEND_PORT;
        default_type application/json;
        location / { return 200 '{"id":1,"name":"Mug","price":9.5,"stock":12}'; }
    }
}
CONF
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
nginx -c "$WORK/nginx.conf"

BACKEND="http://127.0.0.1:$BACKEND_PORT"
route() { # id path mode
    local i=$1 id=$2 path=$3 mode=$4
    echo "--strangler.gateway.routes[$i].id=$id --strangler.gateway.routes[$i].paths=$path --strangler.gateway.routes[$i].new-uri=$BACKEND --strangler.gateway.fixed-modes.$id=$mode"
}
# shellcheck disable=SC2046
# GATEWAY_ARGS: extra gateway arguments, e.g. to compare a setting (--spring.reactor.context-propagation=limited)
# GATEWAY_JVM_OPTS: extra JVM options, e.g. a flight recording:
#   GATEWAY_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/gw.jfr,settings=profile"
# shellcheck disable=SC2086
java -Xmx512m ${GATEWAY_JVM_OPTS:-} -jar "$JAR" ${GATEWAY_ARGS:-} --server.port=$GATEWAY_PORT --server.address=127.0.0.1 \
    --management.server.port=$MANAGEMENT_PORT --management.server.address=127.0.0.1 \
    --strangler.gateway.legacy-uri=$BACKEND --logging.level.root=WARN \
    --spring.cloud.gateway.server.webflux.routes[0].id=plain \
    --spring.cloud.gateway.server.webflux.routes[0].uri=$BACKEND \
    --spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/plain/** \
    $(route 0 m-legacy /legacy/** LEGACY) $(route 1 m-shadow /shadow/** SHADOW:100) \
    $(route 2 m-canary /canary/** CANARY:50) $(route 3 m-new /new/** NEW) \
    $(route 4 m-shadow-uncapped /shadow-uncapped/** SHADOW:100) \
    --strangler.gateway.routes[4].shadow.max-rate=1000000 \
    > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" >/dev/null || { cat "$WORK/gateway.log"; exit 1; }

# shadow: the default rate ceiling (max-rate 200/s); shadow-uncapped: every request copied (bounded only by
# max-concurrent), to show what an uncapped 100 % sample costs the primary on a CPU-bound machine
TARGETS=(direct plain legacy shadow shadow-uncapped canary new)
url() {
    case $1 in
        direct) echo "$BACKEND/api/products/1" ;;
        legacy-again) echo "http://127.0.0.1:$GATEWAY_PORT/legacy/api/products/1" ;;
        *) echo "http://127.0.0.1:$GATEWAY_PORT/$1/api/products/1" ;;
    esac
}
# canary keys vary by client address; all wrk traffic comes from 127.0.0.1, so one side takes it all: that is the
# sticky behaviour, measured as such

ms() { # wrk prints 1.23ms / 850.00us / 1.02s
    local v=$1
    case $v in
        *us) awk -v x="${v%us}" 'BEGIN {printf "%.2f", x/1000}' ;;
        *ms) awk -v x="${v%ms}" 'BEGIN {printf "%.2f", x}' ;;
        *s) awk -v x="${v%s}" 'BEGIN {printf "%.2f", x*1000}' ;;
    esac
}
median() { # numbers on stdin, one a line
    sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) printf "%.2f", v[(NR + 1) / 2];
        else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
# one fixed-rate wrk run: prints "req/s p50-ms p99-ms"
paced() { # target duration
    local out
    out=$(PACE_MS=$PACE_MS wrk -t$THREADS -c$CONNECTIONS -d"$2" --latency -s "$HERE/paced.lua" "$(url "$1")")
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}')
    [ -n "$errors" ] && echo "$1: $errors" >&2
    echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(ms "$(echo "$out" | awk '$1=="50%" {print $2}')")" \
        "$(ms "$(echo "$out" | awk '$1=="99%" {print $2}')")"
}

echo "warm-up: $WARMUP per gateway target" >&2
for target in plain legacy shadow shadow-uncapped canary new; do
    wrk -t$THREADS -c$CONNECTIONS -d"$WARMUP" "$(url $target)" >/dev/null
done

if has_phase saturation; then
    printf "| target | req/s | p50 ms | p99 ms | req/s ÷ plain | p99 ÷ legacy-mode p99 |\n|---|---|---|---|---|---|\n" \
        > "$WORK/table"
    declare -A RPS P50 P99
    for target in "${TARGETS[@]}"; do
        out=$(wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency "$(url $target)")
        RPS[$target]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        P50[$target]=$(echo "$out" | awk '$1=="50%" {print $2}')
        P99[$target]=$(echo "$out" | awk '$1=="99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}')
        [ -n "$errors" ] && echo "$target: $errors" >&2
    done
    for target in "${TARGETS[@]}"; do
        awk -v t="$target" -v r="${RPS[$target]}" -v p="${RPS[plain]}" -v a="$(ms "${P50[$target]}")" \
            -v b="$(ms "${P99[$target]}")" -v l="$(ms "${P99[legacy]}")" \
            'BEGIN {printf "| %s | %.0f | %s | %s | %.2f | %.2f |\n", t, r, a, b, r/p, b/l}' >> "$WORK/table"
    done
    # latency below saturation: the same fixed rate (half of the plain route's throughput above) on every gateway
    # target: the p99 column then shows what a mode adds to the primary, not how deep the CPU queue is
    PACED_RATE=$(awk -v p="${RPS[plain]}" 'BEGIN {printf "%d", p / 2}')
fi
[ -n "${PACED_RATE:-}" ] || { echo "PACED_RATE (req/s) is needed when the saturation phase is skipped" >&2; exit 1; }
PACE_MS=$(awk -v r="$PACED_RATE" -v t="$THREADS" 'BEGIN {printf "%.4f", 1000 * t / r}')

if has_phase paced; then
    printf "| target at %s req/s | achieved req/s | p50 ms | p99 ms | p99 ÷ legacy-mode p99 |\n|---|---|---|---|---|\n" \
        "$PACED_RATE" > "$WORK/paced"
    declare -A PRPS PP50 PP99
    # NEW and CANARY right after LEGACY (before the shadow targets, whose copies may still be finishing), and LEGACY
    # once more at the end: the distance between the two LEGACY rows is the drift of the run (load, JIT, GC)
    PACED=(plain legacy new canary shadow shadow-uncapped legacy-again)
    for target in "${PACED[@]}"; do
        read -r "PRPS[$target]" "PP50[$target]" "PP99[$target]" < <(paced "$target" "$DURATION")
    done
    for target in "${PACED[@]}"; do
        awk -v t="$target" -v r="${PRPS[$target]}" -v a="${PP50[$target]}" -v b="${PP99[$target]}" \
            -v l="${PP99[legacy]}" 'BEGIN {printf "| %s | %.0f | %s | %s | %.2f |\n", t, r, a, b, b/l}' >> "$WORK/paced"
    done
fi

# SHADOW's p99 against LEGACY's, judged on pairs of rounds taken right after each other at the same fixed rate, in
# ABBA order (L S, S L, L S, ...) so that neither mode always runs second; the drift of the machine during the phase
# shows in the LEGACY rounds compared with each other (the noise floor)
if has_phase interleaved; then
    echo "interleaved: warm-up $PAIR_WARMUP each, $PAIRS pairs of $ROUND rounds at $PACED_RATE req/s" >&2
    paced legacy "$PAIR_WARMUP" >/dev/null
    paced shadow "$PAIR_WARMUP" >/dev/null
    printf "| round | start (UTC) | target | achieved req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n" > "$WORK/rounds"
    : > "$WORK/pairs.txt"
    round=0
    for pair in $(seq 1 "$PAIRS"); do
        if [ $((pair % 2)) -eq 1 ]; then order="legacy shadow"; else order="shadow legacy"; fi
        declare -A PAIR_P99 PAIR_P50
        for target in $order; do
            round=$((round + 1))
            start=$(date -u +%T)
            read -r rps p50 p99 < <(paced "$target" "$ROUND")
            PAIR_P99[$target]=$p99
            PAIR_P50[$target]=$p50
            printf "| %d | %s | %s | %.0f | %s | %s |\n" "$round" "$start" "$target" "$rps" "$p50" "$p99" >> "$WORK/rounds"
            echo "$target $p50 $p99" >> "$WORK/rounds.txt"
        done
        echo "$pair ${order/ /-} ${PAIR_P99[legacy]} ${PAIR_P99[shadow]} ${PAIR_P50[legacy]} ${PAIR_P50[shadow]}" \
            >> "$WORK/pairs.txt"
    done
    {
        printf "| pair | order | LEGACY p99 ms | SHADOW p99 ms | SHADOW ÷ LEGACY p99 | SHADOW ÷ LEGACY p50 |\n"
        printf "|---|---|---|---|---|---|\n"
        awk '{printf "| %d | %s | %s | %s | %.2f | %.2f |\n", $1, ($2 == "legacy-shadow" ? "L S" : "S L"), $3, $4,
            $4 / $3, $6 / $5}' "$WORK/pairs.txt"
        echo
        p99_ratio=$(awk '{print $4 / $3}' "$WORK/pairs.txt" | median)
        p50_ratio=$(awk '{print $6 / $5}' "$WORK/pairs.txt" | median)
        echo "SHADOW ÷ LEGACY, median of the $PAIRS pairs: p99 **$p99_ratio**, p50 $p50_ratio"
        # noise floor: each LEGACY round against the LEGACY round before it (as far apart in time as the rounds of
        # a pair or further), as a factor >= 1; and the range of all LEGACY rounds
        awk '$1 == "legacy" {print $3}' "$WORK/rounds.txt" > "$WORK/legacy-p99.txt"
        awk 'NR > 1 {r = $1 / prev; if (r < 1) r = 1 / r; print r} {prev = $1}' "$WORK/legacy-p99.txt" > "$WORK/ll.txt"
        echo "LEGACY vs LEGACY (noise floor), consecutive LEGACY rounds: median $(median < "$WORK/ll.txt")x," \
            "largest $(sort -g "$WORK/ll.txt" | tail -1 | awk '{printf "%.2f", $1}')x; all LEGACY rounds: p99" \
            "$(sort -g "$WORK/legacy-p99.txt" | head -1)-$(sort -g "$WORK/legacy-p99.txt" | tail -1) ms" \
            "(max ÷ min $(sort -g "$WORK/legacy-p99.txt" | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f", hi / lo}'))"
        awk '$1 == "shadow" {print $3}' "$WORK/rounds.txt" > "$WORK/shadow-p99.txt"
        echo "all SHADOW rounds: p99 $(sort -g "$WORK/shadow-p99.txt" | head -1)-$(sort -g "$WORK/shadow-p99.txt" | tail -1) ms;" \
            "median p99 of the rounds: LEGACY $(median < "$WORK/legacy-p99.txt") ms, SHADOW $(median < "$WORK/shadow-p99.txt") ms"
    } > "$WORK/interleaved"
fi

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP per gateway target, $(nproc) cores, $(date -u +%F)"
echo "load average before the gateway started: $LOAD_BEFORE; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if has_phase saturation; then
    echo
    echo "Saturation (as fast as wrk can):"
    echo
    cat "$WORK/table"
fi
if has_phase paced; then
    echo
    echo "Fixed rate (strangler-gateway/bench/paced.lua, PACE_MS=$PACE_MS per thread):"
    echo
    cat "$WORK/paced"
fi
if has_phase interleaved; then
    echo
    echo "Interleaved p99, LEGACY and SHADOW at $PACED_RATE req/s: warm-up $PAIR_WARMUP each, $PAIRS pairs of $ROUND:"
    echo
    cat "$WORK/rounds"
    echo
    cat "$WORK/interleaved"
fi
echo
for id in m-shadow m-shadow-uncapped; do
    echo "shadow comparisons of $id (last 5 minutes):"
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/admin/routes/$id/comparison?samples=0" | \
        grep -o '"matched":[0-9]*,"mismatched":[0-9]*,"dropped":[0-9]*,"failed":[0-9]*' || true
done
