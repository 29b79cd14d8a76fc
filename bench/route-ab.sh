#!/usr/bin/env bash
# Two builds of the node side by side (docs/performance.md, tenth round): both up at once on one MariaDB
# server, each with its own database, warmed up in alternation, then measured in alternation, so that a
# machine that drifts by a third within minutes drifts on both. No bare engine: this compares builds,
# not the issue's ratio (bench/route.sh, bench/route-rounds.sh).
#   bench/route-ab.sh <old.jar> <new.jar> [pairs, default 3]
# WARM_CHUNKS=<n> rounds of warm-up per node, each RouteLoad's 60 s of load and its short phases (default 5);
# CLIENTS=<n> (default 8); DB_PORT/DB_PID as for route.sh. Ports 18180 (old) and 18182 (new); databases
# imprimatur_ab_old and imprimatur_ab_new, dropped and made afresh. Each phase's JSON: target/bench/route-ab-<side>-<pair>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?"usage: bench/route-ab.sh <old.jar> <new.jar> [pairs]"}
NEW=${2:?"usage: bench/route-ab.sh <old.jar> <new.jar> [pairs]"}
PAIRS=${3:-3}
DB_PORT=${DB_PORT:-3306}
OUT=target/bench
mkdir -p $OUT
[ -f target/bench-classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
[ -d target/test-classes/com/imprimatur/bench ] || ./mvnw -B -q -DskipTests test-compile
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

start() { # side port jar
  mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -e "drop database if exists imprimatur_ab_$1; create database imprimatur_ab_$1 character set utf8mb4 collate utf8mb4_unicode_ci"
  java -Xmx768m $(sh src/main/docker/jvm-options.sh) -jar "$3" --spring.profiles.active=demo --imprimatur.demo.articles=false --server.port="$2" \
    --spring.datasource.url="jdbc:mariadb://127.0.0.1:$DB_PORT/imprimatur_ab_$1?nullDatabaseMeansCurrent=true" \
    --logging.level.root=WARN > "$OUT/route-ab-node-$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
}
load() { # side port seconds warmup out
  local pid; pid=$(eval echo "\$PID_$1")
  java $(sh src/main/docker/jvm-options.sh) ${DB_PID:+-Dbench.mariadb.pid=$DB_PID} -cp "$CP" com.imprimatur.bench.RouteLoad --base="http://127.0.0.1:$2" \
    --pid="$pid" --db="imprimatur_ab_$1" --root-jdbc="jdbc:mariadb://127.0.0.1:$DB_PORT/?user=root" --seconds="$3" --warmup="$4" \
    --clients="${CLIENTS:-8}" --modes=session,token --out="$5" 2>>"$OUT/route-ab-load.log"
}
port() { [ "$1" = old ] && echo 18180 || echo 18182; }

start old 18180 "$OLD"
start new 18182 "$NEW"
for p in 18180 18182; do
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$p/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$p/actuator/health" >/dev/null || { echo "the node on $p did not start; see $OUT/route-ab-node-*.log" >&2; exit 1; }
done
echo "# both nodes up; warm-up in alternation"
for _ in $(seq 1 "${WARM_CHUNKS:-5}"); do
  for side in new old; do load $side "$(port $side)" 3 60 "$OUT/route-ab-warm.json" >/dev/null; done
done
for pair in $(seq 1 "$PAIRS"); do
  for side in new old; do
    echo "# $side, pair $pair"
    load $side "$(port $side)" 20 3 "$OUT/route-ab-$side-$pair.json" | grep "=="
  done
done
python3 - "$PAIRS" "$OUT" <<'PY'
import json, sys
pairs, out = int(sys.argv[1]), sys.argv[2]
print("\n| mode | pair | new cycles/s (node JVM ms per cycle) | old | new / old |")
print("|---|---|---|---|---|")
for mode in ("session", "token"):
    for p in range(1, pairs + 1):
        new, old = ({ph["mode"]: ph for ph in json.load(open(f"{out}/route-ab-{side}-{p}.json"))["phases"]}[mode] for side in ("new", "old"))
        print(f"| {mode} | {p} | {new['cyclesPerSecond']} ({new['jvmCpuMillisPerCycle']}) | {old['cyclesPerSecond']} ({old['jvmCpuMillisPerCycle']})"
              f" | {new['cyclesPerSecond'] / old['cyclesPerSecond']:.2f} |")
PY
