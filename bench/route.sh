#!/usr/bin/env bash
# The review route's speed, in one run on one MariaDB server (docs/performance.md):
#  (a) the route's BPMN on a bare Camunda engine (no-op delegates, Java API, history FULL, 8 threads,
#      a fresh database of its own), then
#  (b) Imprimatur's whole route over HTTP (one node from the built jar, demo users, a fresh database)
#      with 1, 4 and 8 clients, with sessions and with API tokens, and a profiling pass (SQL per call).
# Prints cycles/s, the ratio to (a), p50/p95/p99 per call, CPU per cycle (JVM, MariaDB), SQL per cycle;
# writes target/bench/route-bare.json and target/bench/route-http.json.
#   bench/route.sh [--seconds=25] [--clients=1,4,8] [--modes=session,token] [--jfr]
# JAR=<path> runs another build of the node (an A/B against an older commit, say).
# NODE_OPTS="<JVM options>" for the node (-XX:+PrintCompilation, say).
# ROUTE_JVM_OPTS="<JVM options>" for every JVM of the run, the bare engine's, the node's and the load driver's (default
# what src/main/docker/jvm-options.sh prints, as the Dockerfile starts the node: -XX:-UseCodeCacheFlushing, since Java 17's
# code cache sweeper would keep flushing and recompiling the busiest paths, and on fewer than 4 processors
# -XX:CICompilerCount=3, a second thread for the optimising compiler; ROUTE_JVM_OPTS= runs them all with the JVM's defaults).
# BARE_HISTORY=product gives the bare engine the history the product writes (workflow.EngineHistory) instead of
# plain FULL (the issue's yardstick, the default).
# WARMUP=<seconds> of load before the first phase, for the bare engine and for the node alike (default 300:
# the goals are about a node that has been up for a while, and on a 2-core AMD EPYC VM the node's JIT
# compilers still took a third of its CPU after 3 minutes of load and under a tenth after 5, the bare
# engine's after under 2; on a slow day of that VM, with the JVM's 2 compiler threads, still a sixth to a
# fifth after 5, and with 3 (the default options below 4 processors) a twentieth to a tenth: twelfth round;
# WARMUP=10 WARMUP_MAX=10 shows a young node). WARMUP_MAX=<seconds> (default 900): past WARMUP, each side's load goes on in
# stretches of 30 s while its JIT took more than 5 % of its JVM's CPU over the last stretch, up to WARMUP_MAX in
# all, so that both are measured with their JIT settled (on the fourteenth round's slow day the node's JIT still
# took 24-33 % of its CPU 5 to 7 minutes into the load, and under 5 % only after 9 to 10); each side's warm-up is printed and kept
# in the JSON (the JIT's CPU is a lower bound: a compiler thread the JVM ends within a stretch is left out).
# WARMUP_MAX=$WARMUP gives the fixed warm-up of the rounds before. During the node's warm-up one desk
# logs in afresh every 30 s, as people log in all day (with logins only at the start, each phase's own logins
# undid the compiled request path at the phase's start: fourteenth round).
# Needs MariaDB on 127.0.0.1:3306 (root, empty password); uses the databases imprimatur_route_bare and
# imprimatur_route, dropped and made afresh. Port 18180. SKIP_BUILD=1 reuses the last build.
# DB_PORT=<port> (and DB_PID=<its mariadbd's pid>) uses another MariaDB server on 127.0.0.1: a private
# one makes the statement and commit counters this run's alone (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=25; CLIENTS=1,4,8; MODES=session,token; JFR=
for arg in "$@"; do
  case $arg in
    --seconds=*) SECS=${arg#--seconds=} ;;
    --clients=*) CLIENTS=${arg#--clients=} ;;
    --modes=*) MODES=${arg#--modes=} ;;
    --jfr) JFR=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
OUT=target/bench
mkdir -p $OUT
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests package
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAR=${JAR:-$(ls target/imprimatur-*.jar | grep -v original | head -1)}
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
DB_PORT=${DB_PORT:-3306}
ROUTE_JVM_OPTS=${ROUTE_JVM_OPTS-$(sh src/main/docker/jvm-options.sh)}
echo "# JVM options: ${ROUTE_JVM_OPTS:-none, the JVM defaults}${NODE_OPTS:+; the node also: $NODE_OPTS}"
fresh() { mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -e "drop database if exists $1; create database $1 character set utf8mb4 collate utf8mb4_unicode_ci"; }

if [ -z "${BARE:-}" ]; then # BARE=<cycles/s> skips (a), for quick looks at (b) alone
echo "# (a) bare engine"
fresh imprimatur_route_bare
java -Xmx768m $ROUTE_JVM_OPTS ${DB_PID:+-Dbench.mariadb.pid=$DB_PID} -cp "$CP" com.imprimatur.bench.BareRoute --clients=8 --seconds="$SECS" --warmup="${WARMUP:-300}" --warmup-max="${WARMUP_MAX:-900}" --history="${BARE_HISTORY:-full}" \
  --root-jdbc="jdbc:mariadb://127.0.0.1:$DB_PORT/?user=root" --jdbc="jdbc:mariadb://127.0.0.1:$DB_PORT/imprimatur_route_bare?user=root&nullDatabaseMeansCurrent=true" \
  --out=$OUT/route-bare.json 2>$OUT/route-bare.log
BARE=$(python3 -c "import json;print(json.load(open('$OUT/route-bare.json'))[0]['cyclesPerSecond'])")
fi

echo "# (b) Imprimatur over HTTP"
fresh imprimatur_route
JFR_OPT=()
[ -z "$JFR" ] || JFR_OPT=(-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$OUT/route.jfr,settings=profile,dumponexit=true)
java -Xmx768m $ROUTE_JVM_OPTS ${NODE_OPTS:-} "${JFR_OPT[@]}" -jar "$JAR" --spring.profiles.active=demo --imprimatur.demo.articles=false --server.port=18180 \
  --spring.datasource.url="jdbc:mariadb://127.0.0.1:$DB_PORT/imprimatur_route?nullDatabaseMeansCurrent=true" \
  --logging.level.root=WARN > $OUT/route-node.log 2>&1 &
NODE=$!
trap 'kill $NODE 2>/dev/null || true; wait $NODE 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf http://127.0.0.1:18180/actuator/health >/dev/null && break; sleep 1; done
curl -sf http://127.0.0.1:18180/actuator/health >/dev/null || { echo "node did not start; see $OUT/route-node.log" >&2; exit 1; }
java $ROUTE_JVM_OPTS ${DB_PID:+-Dbench.mariadb.pid=$DB_PID} -cp "$CP" com.imprimatur.bench.RouteLoad --base=http://127.0.0.1:18180 --pid=$NODE --db=imprimatur_route \
  --root-jdbc="jdbc:mariadb://127.0.0.1:$DB_PORT/?user=root" \
  --seconds="$SECS" --warmup="${WARMUP:-300}" --warmup-max="${WARMUP_MAX:-900}" --clients="$CLIENTS" --modes="$MODES" --bare="$BARE" --out=$OUT/route-http.json 2>$OUT/route-http.log
