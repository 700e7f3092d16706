#!/usr/bin/env bash
# The long reliability runs: every suite under tests/Gifting.Integration.Tests/Reliability with
# GIFTING_RELIABILITY=full (the switch), then the figures each suite recorded, as the table docs/reliability.md keeps.
#   tools/reliability.sh                      all suites, long runs
#   tools/reliability.sh CrashPoints          one folder (CrashPoints, Conservation, AtLeastOnce, Outages, BadInput,
#                                             Authorization, Secrets)
#   GIFTING_RELIABILITY_SEED=123 tools/reliability.sh Conservation    replays one seed
set -uo pipefail
cd "$(dirname "$0")/.."

folder=${1:-}
filter="FullyQualifiedName~Gifting.Integration.Tests.Reliability${folder:+.$folder}"
report=${GIFTING_RELIABILITY_REPORT:-$(mktemp -t reliability.XXXXXX.jsonl)}
: > "$report"
export GIFTING_RELIABILITY=full GIFTING_RELIABILITY_REPORT="$report"

started=$(date +%s)
dotnet test tests/Gifting.Integration.Tests --filter "$filter" --logger "console;verbosity=minimal"
status=$?
elapsed=$(( $(date +%s) - started ))

echo
echo "reliability suites: full run in $((elapsed / 60)) min $((elapsed % 60)) s"
python3 tools/reliability-table.py "$report"
echo "figures: $report"
exit "$status"
