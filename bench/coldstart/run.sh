#!/usr/bin/env bash
# Cold start of the custom handler: from process start to its first answer on GET /, as the Functions host waits
# for it. Starts the npm Cosmos emulator (the handler checks the database before it listens), then RUNS starts of the
# Release build, polling GET / every 10 ms. The first start creates the database and is reported apart.
# READY_TO_RUN=1 measures a ReadyToRun publish (linux-x64, framework-dependent) instead of the plain build.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5} PORT=${PORT:-7392} COSMOS_PORT=${COSMOS_PORT:-8192} READY_TO_RUN=${READY_TO_RUN:-0}
[ -d node_modules/@vercel/cosmosdb-server ] || npm ci --silent
if [ "$READY_TO_RUN" = 1 ]; then
  HANDLER=functions/Gifting.Functions/bin/ReadyToRun/Gifting.Functions
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true functions/Gifting.Functions \
    -o functions/Gifting.Functions/bin/ReadyToRun -v q -nologo >/dev/null
else
  HANDLER=functions/Gifting.Functions/bin/Release/net10.0/Gifting.Functions
  dotnet build -c Release functions/Gifting.Functions -v q -nologo >/dev/null
fi

node node_modules/@vercel/cosmosdb-server/lib/cli.js --no-ssl --host 127.0.0.1 --port "$COSMOS_PORT" >/dev/null 2>&1 &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$COSMOS_PORT/" && break; sleep 0.1; done

export FUNCTIONS_CUSTOMHANDLER_PORT=$PORT DOTNET_ENVIRONMENT=Local
export Cosmos__Endpoint="http://127.0.0.1:$COSMOS_PORT/" Cosmos__Emulator=true Cosmos__CreateIfMissing=true
export Cosmos__Key="C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
export Auth__Mode=Local ClaimCodes__CurrentVersion=1 ClaimCodes__Keys__1="$(head -c 32 /dev/urandom | base64)"
export Codes__CurrentEncryptionKeyVersion=1 Codes__EncryptionKeys__0__Version=1
export Codes__EncryptionKeys__0__Key="$(head -c 32 /dev/urandom | base64)"

start_once() {  # prints milliseconds from exec to the first 200 on GET /
  local begin end
  begin=$(date +%s%N)
  "$HANDLER" >/dev/null 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 "$pid" 2>/dev/null || { echo "the handler exited during start-up" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - begin) / 1000000 ))
}

echo "first start (creates the database and containers): $(start_once) ms"
times=()
for _ in $(seq 1 "$RUNS"); do times+=("$(start_once)"); done
echo "starts: ${times[*]} ms"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms"}'
