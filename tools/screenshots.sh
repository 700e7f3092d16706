#!/usr/bin/env bash
# Regenerates docs/screenshots/: the redeem page's main states at desktop and phone width, taken by its browser tests
# in Debian's Chromium (install it with `apt-get install -y chromium`) against the running local stand-in.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/docs/screenshots"
mkdir -p "$out"
rm -f "$out"/*.png
GIFTING_SCREENSHOTS="$out" GIFTING_REQUIRE_BROWSER=1 dotnet test tests/Gifting.Integration.Tests \
  --filter "FullyQualifiedName~Gifting.Integration.Tests.Browser&FullyQualifiedName!~ClaimCodeScript"
ls "$out"
