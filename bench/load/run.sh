#!/usr/bin/env bash
# HTTP throughput and latency of the local app on loopback, against the npm Cosmos emulator it starts.
# Each endpoint: RUNS runs of DURATION with wrk (THREADS threads, CONNECTIONS connections); medians are printed.
# Usage: bench/load/run.sh            (env: GIFTING_PORT, RUNS, DURATION, THREADS, CONNECTIONS, CARDS)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${GIFTING_PORT:-7391} RUNS=${RUNS:-3} DURATION=${DURATION:-10s}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-16} CARDS=${CARDS:-6000}
BASE="http://127.0.0.1:$PORT"
OUT=$(mktemp -d /tmp/gifting-load.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 1; }

dotnet build -c Release local/Gifting.LocalHost -v q -nologo >/dev/null
# The built app itself rather than `dotnet run`, so the SIGTERM at the end reaches it (it then stops the emulator).
GIFTING_PORT=$PORT local/Gifting.LocalHost/bin/Release/net10.0/Gifting.LocalHost >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill -TERM $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$BASE/api/health" >/dev/null && break
  sleep 1
done
curl -sf "$BASE/api/health" >/dev/null || { echo "the app did not become healthy; see $OUT/app.log" >&2; exit 1; }

echo "setting up: $CARDS cards, 256 shoppers" >&2
python3 bench/load/setup.py "$BASE" "$OUT" "$CARDS"
READER=$(cat "$OUT/reader.txt")

measure() {  # measure <name> <wrk args...>: RUNS runs, one line of figures each
  local name=$1; shift
  for run in $(seq 1 "$RUNS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$OUT/$name.$run.txt"
    awk -v name="$name" '
      /Requests\/sec/ {rps=$2}
      /^ +50%/ {p50=$2} /^ +75%/ {p75=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
      /Non-2xx/ {bad=$5}
      END {printf "%s %s %s %s %s %s %s\n", name, rps, p50, p75, p90, p99, bad+0}' "$OUT/$name.$run.txt"
  done | tee -a "$OUT/runs.txt" >&2
}

measure health "$BASE/api/health"
measure balance -H "Authorization: Bearer $READER" "$BASE/api/balance"
BENCH_DIR=$OUT BENCH_THREADS=$THREADS measure redemption -s bench/load/redeem.lua "$BASE/api/redemptions"

# Medians of the runs; latency in ms (wrk prints us, ms or s).
python3 - "$OUT/runs.txt" <<'PY'
import statistics, sys
def ms(v):
    for unit, f in (("us", 1e-3), ("ms", 1), ("s", 1e3)):
        if v.endswith(unit) and (unit != "s" or not v.endswith(("us", "ms"))):
            return float(v[: -len(unit)]) * f
rows = {}
for line in open(sys.argv[1]):
    name, rps, *rest = line.split()
    rows.setdefault(name, []).append((float(rps), *[ms(v) for v in rest[:4]], int(rest[4])))
bare = statistics.median(r[0] for r in rows["health"])
print("| Endpoint | Requests/s | vs bare | p50 ms | p75 ms | p90 ms | p99 ms | non-2xx (per run) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, runs in rows.items():
    med = [statistics.median(r[i] for r in runs) for i in range(5)]
    print(f"| {name} | {med[0]:,.0f} | {med[0] / bare:.1%} | {med[1]:.2f} | {med[2]:.2f} | {med[3]:.2f} | {med[4]:.2f} "
          f"| {', '.join(str(r[5]) for r in runs)} |")
PY
echo "raw wrk output: $OUT" >&2
