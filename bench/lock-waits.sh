#!/usr/bin/env bash
# Beside a running bench/route.sh: twice a second, every transaction that has waited a second or more for
# a row lock, with the transaction blocking it (its age, its statement or "idle in trx", the table and
# index of the lock), and a thread dump of the node (at most one per 10 s) while such a wait lasts.
# Written to hunt the stalls of the ninth round (docs/performance.md); stop it with Ctrl-C or kill.
#   bench/lock-waits.sh [out-file]        (default target/bench/lock-waits.log; dumps beside it)
# DB_PORT=<port> for a private MariaDB (default 3306); NODE_PORT=<port> finds the node (default 18180).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/bench/lock-waits.log}
mkdir -p "$(dirname "$OUT")"
DB_PORT=${DB_PORT:-3306}
NODE_PORT=${NODE_PORT:-18180}
last=0
while true; do
  rows=$(mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -N -e "
    select now(6), 'WAIT', r.trx_id, timestampdiff(microsecond, r.trx_wait_started, now(6)) div 1000 as wait_ms,
           left(replace(r.trx_query, '\n', ' '), 120), 'BLOCKER', b.trx_id, b.trx_state,
           timestampdiff(microsecond, b.trx_started, now(6)) div 1000 as age_ms, b.trx_mysql_thread_id,
           left(replace(coalesce(b.trx_query, '(idle in trx)'), '\n', ' '), 160), b.trx_rows_locked, b.trx_rows_modified,
           l.lock_table, l.lock_index
    from information_schema.innodb_lock_waits w
    join information_schema.innodb_trx r on r.trx_id = w.requesting_trx_id
    join information_schema.innodb_trx b on b.trx_id = w.blocking_trx_id
    left join information_schema.innodb_locks l on l.lock_id = w.blocking_lock_id
    where r.trx_wait_started < now(6) - interval 1 second")
  if [ -n "$rows" ]; then
    echo "$rows" >> "$OUT"
    now=$(date +%s)
    if [ $((now - last)) -ge 10 ]; then
      last=$now
      node=$(pgrep -f "server.port=$NODE_PORT" | head -1)
      [ -z "$node" ] || jstack "$node" > "$(dirname "$OUT")/lock-waits-$now.jstack" 2>&1
    fi
  fi
  sleep 0.5
done
