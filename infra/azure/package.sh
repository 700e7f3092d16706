#!/usr/bin/env bash
# Builds the deployable zip of the function app: host.json at its root, one folder per function with its
# function.json, the message templates, the redeem page's files, and the self-contained linux-x64 handler (one executable, execute bit kept)
# that host.json's customHandler.description.defaultExecutablePath names. Nothing else goes in.
#
#   infra/azure/package.sh [output.zip]      (default: artifacts/gifting-app.zip)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/artifacts/gifting-app.zip}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

executable="$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$root/host.json")"
if [ -z "$executable" ]; then
  echo "host.json names no customHandler.description.defaultExecutablePath" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/functions/Gifting.Functions/Gifting.Functions.csproj" \
  --configuration Release --runtime linux-x64 --self-contained true \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
  --output "$work/publish" --nologo --verbosity quiet

# Take from the publish output only what the host and the handler read.
stage="$work/app"
mkdir -p "$stage"
cp "$work/publish/host.json" "$stage/"
cp "$work/publish/$executable" "$stage/"
chmod 0755 "$stage/$executable"
for function in "$root"/functions/Gifting.Functions/Functions/*/; do
  name="$(basename "$function")"
  mkdir -p "$stage/$name"
  cp "$work/publish/$name/function.json" "$stage/$name/"
done
mkdir -p "$stage/Delivery"
cp -R "$work/publish/Delivery/Templates" "$stage/Delivery/"
mkdir -p "$stage/Page"
cp -R "$work/publish/Page/Assets" "$stage/Page/"

mkdir -p "$(dirname "$out")"
rm -f "$out"
# Info-ZIP stores each entry's Unix mode, so the host finds the handler executable.
(cd "$stage" && zip -q -r -X "$out" .)
echo "$out"
