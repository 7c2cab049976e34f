#!/usr/bin/env bash
# Gateway benchmark, one run: direct backend vs a plain Spring Cloud Gateway route vs our gateway in every mode,
# all in ONE gateway JVM, after one warm-up. Loopback only. Needs: wrk, nginx (Debian: apt-get install wrk nginx-light),
# and the gateway jar (./mvnw -pl strangler-gateway -am package -DskipTests).
# Usage: strangler-gateway/bench/run.sh [duration=20s] [connections=50] [warmup=40s]
set -euo pipefail

DURATION=${1:-20s}
CONNECTIONS=${2:-50}
WARMUP=${3:-40s}
THREADS=2
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../target/strangler-gateway.jar"
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

echo "warm-up: $WARMUP per gateway target" >&2
for target in plain legacy shadow shadow-uncapped canary new; do
    wrk -t$THREADS -c$CONNECTIONS -d"$WARMUP" "$(url $target)" >/dev/null
done

printf "| target | req/s | p50 ms | p99 ms | req/s ÷ plain | p99 ÷ legacy-mode p99 |\n|---|---|---|---|---|---|\n" > "$WORK/table"
declare -A RPS P50 P99
for target in "${TARGETS[@]}"; do
    out=$(wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency "$(url $target)")
    RPS[$target]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    P50[$target]=$(echo "$out" | awk '$1=="50%" {print $2}')
    P99[$target]=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}')
    [ -n "$errors" ] && echo "$target: $errors" >&2
done
ms() { # wrk prints 1.23ms / 850.00us / 1.02s
    local v=$1
    case $v in
        *us) awk -v x="${v%us}" 'BEGIN {printf "%.2f", x/1000}' ;;
        *ms) awk -v x="${v%ms}" 'BEGIN {printf "%.2f", x}' ;;
        *s) awk -v x="${v%s}" 'BEGIN {printf "%.2f", x*1000}' ;;
    esac
}
for target in "${TARGETS[@]}"; do
    awk -v t="$target" -v r="${RPS[$target]}" -v p="${RPS[plain]}" -v a="$(ms "${P50[$target]}")" \
        -v b="$(ms "${P99[$target]}")" -v l="$(ms "${P99[legacy]}")" \
        'BEGIN {printf "| %s | %.0f | %s | %s | %.2f | %.2f |\n", t, r, a, b, r/p, b/l}' >> "$WORK/table"
done
# latency below saturation: the same fixed rate (half of the plain route's throughput above) on every gateway target:
# the p99 column then shows what a mode adds to the primary, not how deep the CPU queue is
PACED_RATE=$(awk -v p="${RPS[plain]}" 'BEGIN {printf "%d", p / 2}')
PACE_MS=$(awk -v r="$PACED_RATE" -v t="$THREADS" 'BEGIN {printf "%.4f", 1000 * t / r}')
printf "| target at %s req/s | achieved req/s | p50 ms | p99 ms | p99 ÷ legacy-mode p99 |\n|---|---|---|---|---|\n" \
    "$PACED_RATE" > "$WORK/paced"
declare -A PRPS PP50 PP99
# NEW and CANARY right after LEGACY (before the shadow targets, whose copies may still be finishing), and LEGACY once
# more at the end: the distance between the two LEGACY rows is the drift of the run (load of the machine, JIT, GC)
PACED=(plain legacy new canary shadow shadow-uncapped legacy-again)
for target in "${PACED[@]}"; do
    out=$(PACE_MS=$PACE_MS wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency -s "$HERE/paced.lua" "$(url $target)")
    PRPS[$target]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    PP50[$target]=$(echo "$out" | awk '$1=="50%" {print $2}')
    PP99[$target]=$(echo "$out" | awk '$1=="99%" {print $2}')
done
for target in "${PACED[@]}"; do
    awk -v t="$target" -v r="${PRPS[$target]}" -v a="$(ms "${PP50[$target]}")" -v b="$(ms "${PP99[$target]}")" \
        -v l="$(ms "${PP99[legacy]}")" 'BEGIN {printf "| %s | %.0f | %s | %s | %.2f |\n", t, r, a, b, b/l}' >> "$WORK/paced"
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP per gateway target, $(nproc) cores, $(date -u +%F)"
echo "load average before the gateway started: $LOAD_BEFORE; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Saturation (as fast as wrk can):"
echo
cat "$WORK/table"
echo
echo "Fixed rate (strangler-gateway/bench/paced.lua, PACE_MS=$PACE_MS per thread):"
echo
cat "$WORK/paced"
echo
for id in m-shadow m-shadow-uncapped; do
    echo "shadow comparisons of $id (last 5 minutes):"
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/admin/routes/$id/comparison?samples=0" | \
        grep -o '"matched":[0-9]*,"mismatched":[0-9]*,"dropped":[0-9]*,"failed":[0-9]*' || true
done
