#!/usr/bin/env bash
# HTTP throughput and latency on loopback with wrk, with the in-memory stores of tests/Gifting.Testing and with the
# npm Cosmos emulator. For each store mode, bench/Gifting.LoadHost serves the app as the local stand-in does (front
# door, handler; timers off); after a warm-up, RUNS rounds each run the bare route (GET /api/dev/ping: the whole
# pipeline, no store), the balance read and the redemption at CONNECTIONS connections, the peak. Then each endpoint
# is held at about half its peak rate for HALF_RUNS runs: wrk has no fixed-rate mode, so short calibration runs find
# the number of connections that gives it, or, if one connection gives more, pace them (bench/load/common.lua). Prints a markdown table of medians with min-max spreads.
# Usage: bench/load/run.sh
#   env: MODES ("memory emulator"), RUNS (3), DURATION (10s), WARMUP (3s, also each calibration run), THREADS (2),
#        CONNECTIONS (16), HALF_RUNS (RUNS), CARDS (2000: codes issued at start, topped up before each redemption
#        run from the rate seen so far), GIFTING_PORT (7391). The handler reads Logging__LogLevel__* as usual.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODES=${MODES:-memory emulator} RUNS=${RUNS:-3} DURATION=${DURATION:-10s} WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-16} HALF_RUNS=${HALF_RUNS:-$RUNS} CARDS=${CARDS:-2000}
PORT=${GIFTING_PORT:-7391}
BASE="http://127.0.0.1:$PORT"
OUT=$(mktemp -d /tmp/gifting-load.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
seconds() { case $1 in *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }

APP=
stop_app() {
  if [ -n "$APP" ]; then kill -TERM "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  APP=
}
trap stop_app EXIT

start_app() {  # start_app <mode>: the load host on $PORT, then tokens and codes
  # Appended, so that measure can empty the log before each run: the handler logs every request at Information.
  GIFTING_PORT=$PORT bench/Gifting.LoadHost/bin/Release/net10.0/Gifting.LoadHost "$1" >>"$OUT/$1.app.log" 2>&1 &
  APP=$!
  # The first emulator start in a clean clone installs it with npm ci.
  for _ in $(seq 1 300); do
    curl -sf "$BASE/api/dev/ping" >/dev/null && break
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  curl -sf "$BASE/api/dev/ping" >/dev/null || { echo "the $1 host did not start; see $OUT/$1.app.log" >&2; exit 1; }
  rm -f "$OUT"/codes.txt
  python3 bench/load/setup.py "$BASE" "$OUT" "$CARDS"
  READER=$(cat "$OUT/reader.txt") FIRST=0 RATE=0
}

topup() {  # topup <seconds>: enough fresh codes for a redemption run of that length at 2.5 times the rate seen
  local have need
  have=$(($(wc -l <"$OUT/codes.txt") - FIRST))
  need=$(python3 -c "import math; print(math.ceil($RATE * $1 * 2.5) + 200)")
  if [ "$have" -lt "$need" ]; then python3 bench/load/setup.py --more "$BASE" "$OUT" $((need - have)); fi
}

measure() {  # measure <mode> <endpoint> <phase> <connections> <duration> [mean delay ms]: one wrk run
  local mode=$1 endpoint=$2 phase=$3 conns=$4 duration=$5 delay=${6:-} threads=$THREADS target
  [ "$conns" -lt "$threads" ] && threads=$conns
  SEQ=$((SEQ + 1))
  local name="$OUT/$SEQ.$mode.$endpoint.$phase" script=bench/load/common.lua
  case $endpoint in
    bare) target=("$BASE/api/dev/ping") ;;
    balance) target=(-H "Authorization: Bearer $READER" "$BASE/api/balance") ;;
    redemption) topup "$(seconds "$duration")"; script=bench/load/redeem.lua; target=("$BASE/api/redemptions") ;;
  esac
  : >"$OUT/$mode.app.log"
  BENCH_RESULT=$name.result BENCH_DELAY_MS=$delay BENCH_DIR=$OUT BENCH_THREADS=$threads BENCH_FIRST=$FIRST \
    wrk -t"$threads" -c"$conns" -d"$duration" --latency -s "$script" "${target[@]}" >"$name.txt"
  read -r rps _ _ _ _ _ _ _ consumed exhausted <"$name.result"
  echo "$mode $endpoint $phase $conns ${delay:-0} $(cat "$name.result")" | tee -a "$OUT/runs.txt" >&2
  if [ "$endpoint" = redemption ]; then
    FIRST=$((FIRST + consumed))
    # A run that ran out of codes ended early: its rate says little, so aim well above it next time.
    RATE=$(python3 -c "print(max($RATE, $rps if $exhausted == 0 else 4 * $consumed / $(seconds "$duration")))")
  fi
}

echo "uptime before: $(uptime)" | tee "$OUT/uptime.txt" >&2
dotnet build -c Release bench/Gifting.LoadHost -v q -nologo >/dev/null
SEQ=0
for mode in $MODES; do
  echo "== $mode stores" >&2
  start_app "$mode"
  for endpoint in bare balance; do measure "$mode" "$endpoint" warmup "$CONNECTIONS" "$WARMUP"; done
  for _ in 1 2 3; do
    measure "$mode" redemption warmup "$CONNECTIONS" "$WARMUP"
    [ "$(tail -1 "$OUT/runs.txt" | awk '{print $NF}')" = 0 ] && break
  done
  for _ in $(seq 1 "$RUNS"); do
    for endpoint in bare balance redemption; do measure "$mode" "$endpoint" peak "$CONNECTIONS" "$DURATION"; done
  done
  for endpoint in bare balance redemption; do
    for try in 1 2 3 4 5 6; do
      read -r conns delay _ verdict < <(python3 bench/load/report.py pace \
        "$OUT/runs.txt" "$mode" "$endpoint" "$THREADS" "$CONNECTIONS")
      if [ "$verdict" = ok ] || [ "$try" = 6 ]; then break; fi
      measure "$mode" "$endpoint" calibrate "$conns" "$WARMUP" "$delay"
    done
    for _ in $(seq 1 "$HALF_RUNS"); do measure "$mode" "$endpoint" half "$conns" "$DURATION" "$delay"; done
  done
  stop_app
done
echo "uptime after: $(uptime)" | tee -a "$OUT/uptime.txt" >&2

python3 bench/load/report.py table "$OUT/runs.txt"
echo
sed 's/^/    /' "$OUT/uptime.txt"
echo "raw wrk output: $OUT" >&2
