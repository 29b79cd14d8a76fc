#!/usr/bin/env bash
# Load benchmark of the readers' feedback endpoint (issue 5).
#   bench/feedback-load.sh [--seconds=30] [--threads=16] [--flood-rate=1000] [--articles=200]
#   PROFILE=1 bench/feedback-load.sh ...   also records the service during the mix (target/bench/mix.jfr)
# Needs a MariaDB server on 127.0.0.1:3306 (root, empty password) and the mariadb client; uses a
# database of its own, imprimatur_bench, made afresh. Starts the service from its jar on port 18080,
# drives it from another JVM on loopback, prints a table and writes target/bench/feedback-load.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# the flood comes from wrk (Debian's package), a process of its own
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || sudo apt-get install -y -q wrk >/dev/null; }
DB=imprimatur_bench
PORT=18080
mariadb -h127.0.0.1 -uroot -e "drop database if exists $DB; create database $DB character set utf8mb4 collate utf8mb4_unicode_ci"
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAR=$(ls target/imprimatur-*.jar | grep -v original | head -1)
mkdir -p target/bench
# wrk and the driver stand in for the publisher's proxy on loopback: their X-Forwarded-For names the readers
java -Xmx1g $(sh src/main/docker/jvm-options.sh) ${APP_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo --imprimatur.demo.articles=false --server.port=$PORT \
  --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1|0:0:0:0:0:0:0:1' \
  --spring.datasource.url="jdbc:mariadb://127.0.0.1:3306/$DB?nullDatabaseMeansCurrent=true" \
  --logging.level.root=WARN > target/bench/feedback-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "service did not start; see target/bench/feedback-app.log" >&2; exit 1; }
java -cp "target/test-classes:$(cat target/bench-classpath.txt)" com.imprimatur.bench.FeedbackLoad \
  --base="http://127.0.0.1:$PORT" --jdbc="jdbc:mariadb://127.0.0.1:3306/$DB?user=root" \
  --app-pid=$APP ${PROFILE:+--profile} "$@"
