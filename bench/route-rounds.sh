#!/usr/bin/env bash
# bench/route.sh several times in a row, each round the bare engine then the node, so that the machine's
# drift (the same build has moved by ±20 % within an hour on a 2-core VM: docs/performance.md) falls on
# both sides; prints each round's ratios and their median per mode and client count, and writes
# target/bench/route-rounds.json (each round's route-bare.json and route-http.json kept as -<round>.json).
#   bench/route-rounds.sh <rounds> [route.sh options]      e.g. bench/route-rounds.sh 3 --clients=8
# The environment is route.sh's (SKIP_BUILD, JAR, WARMUP, WARMUP_MAX, BARE_HISTORY, ROUTE_JVM_OPTS, DB_PORT…); BARE= is refused,
# since a round without its own bare engine would be no pair. The build, when made, is made once.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:?"usage: bench/route-rounds.sh <rounds> [route.sh options]"}
shift
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "rounds: a positive number, not '$ROUNDS'" >&2; exit 2; }
[ -z "${BARE:-}" ] || { echo "BARE= skips the bare engine: every round needs its own" >&2; exit 2; }
OUT=target/bench
for round in $(seq 1 "$ROUNDS"); do
  echo "### round $round of $ROUNDS"
  bench/route.sh "$@"
  cp $OUT/route-bare.json $OUT/route-bare-$round.json
  cp $OUT/route-http.json $OUT/route-http-$round.json
  export SKIP_BUILD=1
done
python3 - "$ROUNDS" "$OUT" <<'PY'
import json, statistics, sys
rounds, out = int(sys.argv[1]), sys.argv[2]
ratios, rows = {}, []
for r in range(1, rounds + 1):
    bare = json.load(open(f"{out}/route-bare-{r}.json"))[0]["cyclesPerSecond"]
    for phase in json.load(open(f"{out}/route-http-{r}.json"))["phases"]:
        key = (phase["mode"], phase["clients"])
        ratio = phase["cyclesPerSecond"] / bare
        ratios.setdefault(key, []).append(ratio)
        worst = max(call["p95"] for call in phase["calls"].values())
        rows.append({"round": r, "mode": key[0], "clients": key[1], "bare": bare,
                     "cyclesPerSecond": phase["cyclesPerSecond"], "ratio": round(ratio, 3), "worstP95": worst})
print("\n| mode | clients | ratio per round | median |")
print("|---|---|---|---|")
summary = []
for (mode, clients), values in sorted(ratios.items()):
    median = statistics.median(values)
    summary.append({"mode": mode, "clients": clients, "ratios": [round(v, 3) for v in values], "median": round(median, 3)})
    print(f"| {mode} | {clients} | {', '.join(f'{v:.2f}' for v in values)} | {median:.2f} |")
json.dump({"rounds": rows, "median": summary}, open(f"{out}/route-rounds.json", "w"), indent=2)
PY
