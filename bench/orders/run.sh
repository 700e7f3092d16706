#!/usr/bin/env bash
# Corporate orders through the local stand-in against the npm Cosmos emulator: for each size in SIZES, a CSV order
# is posted, then GET /api/orders/{id} is polled until every line is issued. Prints, per size, the seconds to the
# 202, the seconds to all lines issued, and the growth of the stand-in's resident memory (it hosts the handler) while
# the order was read and stored: sampled every 50 ms from /proc, peak minus the level just before the POST. Then it
# polls until every line is sent through the stand-in's own ACS, whose mailbox goes to a temporary folder, and prints
# the seconds to that from the POST. Issuing and delivering overlap (a chunk's deliveries go out as it finishes),
# so the rate after the 202 is of lines issued and sent together.
# Usage: bench/orders/run.sh     env: SIZES ("1000 10000"), GIFTING_PORT (7393)
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-1000 10000} PORT=${GIFTING_PORT:-7393}
BASE="http://127.0.0.1:$PORT"
OUT=$(mktemp -d /tmp/gifting-orders.XXXXXX)
dotnet build -c Release local/Gifting.LocalHost -v q -nologo >/dev/null
if curl -s -o /dev/null "$BASE/api/health"; then echo "something already listens on port $PORT" >&2; exit 1; fi
GIFTING_MAILBOX="$OUT/mailbox" GIFTING_PORT=$PORT local/Gifting.LocalHost/bin/Release/net10.0/Gifting.LocalHost >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill -TERM $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/api/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/api/health" >/dev/null || { echo "the app did not start; see $OUT/app.log" >&2; exit 1; }
exec python3 bench/orders/measure.py "$BASE" "$APP" "$OUT" $SIZES
