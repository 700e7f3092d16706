#!/usr/bin/env bash
# A bounded load and soak run on loopback against the real local system: local/Gifting.LocalHost (Release build)
# with the npm Cosmos emulator it starts, its queues, timers and mailbox. Sets up data through the public API
# (bench/soak/setup.py), then drives five kinds of traffic for SOAK_SECONDS with one wrk process each, every
# connection held to a fixed rate (bench/soak/soak.lua): fresh redemptions, typos and unknown and spent codes,
# balance reads, debits with Idempotency-Keys (replays and mismatches among them) and small corporate orders, which
# the app issues and delivers into its mailbox; at most 32.5 requests a second in all (PROFILE below). Samples the
# app and the emulator every SOAK_SAMPLE_SECONDS (RSS, open handles, threads) and prints a report
# (bench/soak/report.py). Exits non-zero on any 5xx, unexpected status or socket error, an order not fully
# delivered, or handles that grew by more than SOAK_MAX_FD_GROWTH.
# Usage: bench/soak/run.sh
#   env: SOAK_SECONDS (300), GIFTING_PORT (7099), SOAK_SAMPLE_SECONDS (10), SOAK_MAX_FD_GROWTH (25),
#        SOAK_DRAIN_SECONDS (180: the longest wait for deliveries after the traffic), SOAK_LOG_LEVEL (Warning)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TOTAL=${SOAK_SECONDS:-300} PORT=${GIFTING_PORT:-7099} INTERVAL=${SOAK_SAMPLE_SECONDS:-10}
MAX_FD_GROWTH=${SOAK_MAX_FD_GROWTH:-25} DRAIN=${SOAK_DRAIN_SECONDS:-180} LOG_LEVEL=${SOAK_LOG_LEVEL:-Warning}
BASE="http://127.0.0.1:$PORT"
# kind, connections, requests a second per connection (at most, on average: bench/soak/soak.lua paces them).
PROFILE="redeem 2 3
bad 1 2
balance 2 8
debit 2 4
order 1 0.5"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
if curl -s -o /dev/null "$BASE/api/health"; then echo "something already listens on port $PORT" >&2; exit 1; fi

OUT=$(mktemp -d /tmp/gifting-soak.XXXXXX)
SECRETS="$OUT/secrets"   # codes, tokens and the mailbox's files: removed at exit
mkdir -m 700 "$SECRETS"
APP= EMULATOR= SAMPLER= WRKS=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${WRKS[@]}" $SAMPLER; do kill -TERM "$pid" 2>/dev/null || true; done
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
    kill -TERM "$APP" 2>/dev/null || true   # the app stops its emulator on SIGTERM
    for _ in $(seq 1 30); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
    kill -KILL "$APP" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  if [ -n "$EMULATOR" ]; then kill -KILL "$EMULATOR" 2>/dev/null || true; fi
  rm -rf "$SECRETS"
  echo "results (samples, wrk output, app log): $OUT" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== building local/Gifting.LocalHost (Release)" >&2
nice dotnet build -c Release local/Gifting.LocalHost -v q -nologo >"$OUT/build.log" 2>&1 \
  || { echo "the build failed; see $OUT/build.log" >&2; exit 1; }
echo "== starting the local system on $BASE" >&2
# The 20 failed redemptions a client address may have in 15 minutes are raised: every request here comes from
# 127.0.0.1, and the unknown and spent codes would otherwise throttle the fresh redemptions too. Each prober account
# keeps the default limit of 5, so the 429 path is exercised.
GIFTING_PORT=$PORT GIFTING_MAILBOX="$SECRETS/mailbox" Redemption__FailuresPerClientAddress=100000 \
  Logging__LogLevel__Default=$LOG_LEVEL \
  local/Gifting.LocalHost/bin/Release/net10.0/Gifting.LocalHost >"$OUT/app.log" 2>&1 &
APP=$!
# The front door listens before the handler is up and answers 502 until then: ask once the app says it serves.
for _ in $(seq 1 300); do
  grep -q '^Gifting is serving' "$OUT/app.log" && curl -sf "$BASE/api/health" >/dev/null && break
  kill -0 "$APP" 2>/dev/null || break
  sleep 1
done
curl -sf "$BASE/api/health" >/dev/null || { echo "the app did not start; see $OUT/app.log" >&2; exit 1; }
for stat in /proc/[0-9]*/stat; do   # the emulator: the app's child process named node
  read -r pid comm _ ppid _ <"$stat" 2>/dev/null || continue
  [ "$ppid" = "$APP" ] && [ "$comm" = "(node)" ] && EMULATOR=$pid
done
[ -n "$EMULATOR" ] || { echo "no emulator (node) process under the app $APP" >&2; exit 1; }
echo "app pid $APP, emulator pid $EMULATOR" >&2

# Enough fresh codes for the most the redemption connections send, and a prober account for every 4 bad codes in a
# 15-minute throttle window at the most the bad-code connection sends; a tenth more for the jitter of the pacing.
WINDOW=$((SECONDS_TOTAL < 900 ? SECONDS_TOTAL : 900))
CODES=$(awk -v s="$SECONDS_TOTAL" '$1 == "redeem" { printf "%d", s * $2 * $3 * 1.1 + 50 }' <<<"$PROFILE")
PROBERS=$(awk -v s="$WINDOW" '$1 == "bad" { printf "%d", s * $2 * $3 * 1.1 / 4 + 5 }' <<<"$PROFILE")
echo "== setting up through the API: $CODES codes, $PROBERS probers" >&2
python3 bench/soak/setup.py "$BASE" "$SECRETS" "$CODES" "$PROBERS"

echo "== $SECONDS_TOTAL s of traffic, sampling every $INTERVAL s" >&2
python3 bench/soak/sample.py "$OUT/samples.csv" "$INTERVAL" "app=$APP" "emulator=$EMULATOR" &
SAMPLER=$!
echo "$PROFILE" >"$OUT/profile.txt"
while read -r kind conns rate; do
  SOAK_KIND=$kind SOAK_DIR=$SECRETS SOAK_RATE=$rate SOAK_THREADS=$conns SOAK_RESULT="$OUT/$kind.result" \
    wrk -t"$conns" -c"$conns" -d"${SECONDS_TOTAL}s" --timeout 10s --latency -s bench/soak/soak.lua \
    "$BASE" >"$OUT/$kind.wrk.txt" 2>&1 &
  WRKS+=($!)
done <<<"$PROFILE"
wrk_failed=0
for pid in "${WRKS[@]}"; do wait "$pid" || wrk_failed=1; done
WRKS=()
kill -TERM "$SAMPLER" && wait "$SAMPLER" || true
SAMPLER=
[ "$wrk_failed" = 0 ] || echo "a wrk process failed; see $OUT/*.wrk.txt" >&2

echo "== report" >&2
{
  echo "# Soak run: $SECONDS_TOTAL s on $BASE, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
  echo
} | tee "$OUT/report.md"
set +e
python3 bench/soak/report.py "$BASE" "$OUT" "$SECRETS" "$DRAIN" "$MAX_FD_GROWTH" "$OUT/app.log" \
  | tee -a "$OUT/report.md"
status=${PIPESTATUS[0]}
set -e
[ "$wrk_failed" = 0 ] || status=1
exit "$status"
