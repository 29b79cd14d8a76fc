#!/usr/bin/env bash
# The cluster on this machine, without Docker (README, Several nodes): Debian's HAProxy in front of
# one node, then of two nodes (two JVMs from the built jar), on the local MariaDB; the readers' mix
# and the editors' route through HAProxy; prints a table (one line per set-up).
#   bench/cluster.sh [--seconds=30] [--readers=8] [--editors=2]
# Needs MariaDB on 127.0.0.1:3306 (root, empty password); uses the database imprimatur_cluster, made
# afresh for each set-up. Ports: HAProxy 18080 (statistics 18089), nodes 18081 and 18082.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v haproxy >/dev/null || apt-get install -y -q haproxy >/dev/null
SECONDS_ARG=30
PASS=()
for arg in "$@"; do
  case $arg in
    --seconds=*) SECONDS_ARG=${arg#--seconds=} ;;
    *) PASS+=("$arg") ;;
  esac
done
DB=imprimatur_cluster
JDBC="jdbc:mariadb://127.0.0.1:3306/$DB?nullDatabaseMeansCurrent=true"
OUT=target/cluster
mkdir -p $OUT
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests package
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAR=$(ls target/imprimatur-*.jar | grep -v original | head -1)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

node() { # port: a node as in production, but with the demo users (the editors' route logs in as them)
  # loopback is HAProxy here (and the driver, which stands in for the publisher's edge)
  java -Xmx768m $(sh src/main/docker/jvm-options.sh) -jar "$JAR" --spring.profiles.active=demo --imprimatur.demo.articles=false --server.port="$1" \
    --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' --spring.datasource.url="$JDBC" \
    --imprimatur.public.form-key=the-same-readers-form-key-on-every-node \
    --imprimatur.audit.key=the-same-audit-key-on-every-node-of-the-cluster \
    --logging.level.root=WARN > "$OUT/node-$1.log" 2>&1 &
  PIDS+=($!)
}

balancer() { # ports of the nodes
  {
    cat <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    option http-keep-alive
frontend readers_and_staff
    bind 127.0.0.1:18080
    option forwardfor
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
CFG
    for p in "$@"; do echo "    server node-$p 127.0.0.1:$p check inter 2s fall 2 rise 1"; done
    cat <<CFG
listen stats
    bind 127.0.0.1:18089
    stats enable
    stats uri /stats
CFG
  } > $OUT/haproxy.cfg
  haproxy -f $OUT/haproxy.cfg -db > $OUT/haproxy.log 2>&1 &
  PIDS+=($!)
}

healthy() {
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "node on port $1 did not start; see $OUT/node-$1.log" >&2; exit 1
}

echo "| nodes | accepted reports/s | cycles/s | p99 report (ms) | p99 cycle (ms) | CPU per request answered, per node | acknowledged reports stored |"
echo "|---|---|---|---|---|---|---|"
for n in 1 2; do
  mariadb -h127.0.0.1 -uroot -e "drop database if exists $DB; create database $DB character set utf8mb4 collate utf8mb4_unicode_ci"
  ports=(); pids=()
  # started together on the empty database: one schema, one deployment (platform.StartupLock)
  for i in $(seq 1 $n); do port=$((18080 + i)); ports+=($port); node $port; pids+=($!); done
  for port in "${ports[@]}"; do healthy $port; done
  balancer "${ports[@]}"
  sleep 3
  java -cp "target/test-classes:$(cat target/bench-classpath.txt)" com.imprimatur.bench.ClusterLoad \
    --base=http://127.0.0.1:18080 --stats=http://127.0.0.1:18089/stats --jdbc="jdbc:mariadb://127.0.0.1:3306/$DB?user=root" \
    --pids="$(IFS=,; echo "${pids[*]}")" --seconds="$SECONDS_ARG" "${PASS[@]}" 2>>$OUT/driver.log
  cleanup; PIDS=()
done
