#!/usr/bin/env bash
# Provisions Gifting into a resource group (created if missing) from infra/azure/main.bicep, deploys the package
# that infra/azure/package.sh builds, and prints the app's base URL. Safe to run again: the deployment is
# incremental, and the claim-code and code-encryption keys are drawn only when the vault does not hold them yet.
#
#   infra/azure/deploy.sh --resource-group rg-gifting --location westeurope \
#     --authority https://login.microsoftonline.com/<tenant>/v2.0 --audience api://gifting \
#     --sms-from +18005550100 [--alert-email ops@example.com] [--cosmos-capacity serverless|autoscale] \
#     [--claim-code-keys 1,2 --claim-code-current 2] [--encryption-keys 1,2 --encryption-current 2]
#
# The key options rotate keys (docs/operations.md): every version listed stays readable, the current one is used
# for new codes, and a current version the vault lacks is drawn.
#
# --parameters-only prints the deployment parameters (keys masked) and stops before anything reaches Azure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resource_group=""
location=""
authority=""
audience=""
sms_from=""
alert_email=""
cosmos_capacity="serverless"
claim_code_keys="1"
claim_code_current="1"
encryption_keys="1"
encryption_current="1"
parameters_only=false

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --resource-group) resource_group="$2"; shift 2 ;;
    --location) location="$2"; shift 2 ;;
    --authority) authority="$2"; shift 2 ;;
    --audience) audience="$2"; shift 2 ;;
    --sms-from) sms_from="$2"; shift 2 ;;
    --alert-email) alert_email="$2"; shift 2 ;;
    --cosmos-capacity) cosmos_capacity="$2"; shift 2 ;;
    --claim-code-keys) claim_code_keys="$2"; shift 2 ;;
    --claim-code-current) claim_code_current="$2"; shift 2 ;;
    --encryption-keys) encryption_keys="$2"; shift 2 ;;
    --encryption-current) encryption_current="$2"; shift 2 ;;
    --parameters-only) parameters_only=true; shift ;;
    -h|--help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done

for required in resource_group location authority audience sms_from; do
  if [ -z "${!required}" ]; then
    echo "--${required//_/-} is required." >&2
    usage
  fi
done

# A key is drawn only for a vault that lacks it; a redeployment never replaces a key codes are hashed or sealed with.
claim_code_key=""
code_encryption_key=""
secret_exists() {
  local vault="$1" secret="$2"
  [ -n "$vault" ] && az resource show --resource-group "$resource_group" --namespace Microsoft.KeyVault \
    --parent "vaults/$vault" --resource-type secrets --name "$secret" --only-show-errors >/dev/null 2>&1
}
draw_key() { openssl rand -base64 32; }

if $parameters_only; then
  claim_code_key="<drawn once>"
  code_encryption_key="<drawn once>"
else
  for tool in az dotnet zip openssl jq; do
    command -v "$tool" >/dev/null || { echo "$tool is required on PATH." >&2; exit 1; }
  done
  az group create --name "$resource_group" --location "$location" --only-show-errors --output none
  vault="$(az keyvault list --resource-group "$resource_group" --query '[0].name' --output tsv 2>/dev/null || true)"
  secret_exists "$vault" "claim-code-key-$claim_code_current" || claim_code_key="$(draw_key)"
  secret_exists "$vault" "code-encryption-key-$encryption_current" || code_encryption_key="$(draw_key)"
fi

parameters() {
  cat <<JSON
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "value": "$location" },
    "cosmosCapacity": { "value": "$cosmos_capacity" },
    "authAuthority": { "value": "$authority" },
    "authAudience": { "value": "$audience" },
    "smsFrom": { "value": "$sms_from" },
    "alertEmail": { "value": "$alert_email" },
    "claimCodeKeyVersions": { "value": [$claim_code_keys] },
    "claimCodeCurrentVersion": { "value": $claim_code_current },
    "claimCodeKey": { "value": "$claim_code_key" },
    "codeEncryptionKeyVersions": { "value": [$encryption_keys] },
    "codeEncryptionCurrentVersion": { "value": $encryption_current },
    "codeEncryptionKey": { "value": "$code_encryption_key" }
  }
}
JSON
}

if $parameters_only; then
  parameters
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
umask 077
parameters >"$work/parameters.json"

echo "Provisioning $resource_group ..." >&2
outputs="$(az deployment group create --resource-group "$resource_group" --name gifting \
  --template-file "$here/main.bicep" --parameters "@$work/parameters.json" \
  --query properties.outputs --output json --only-show-errors)"
app="$(jq -r '.functionAppName.value' <<<"$outputs")"
base_url="$(jq -r '.baseUrl.value' <<<"$outputs")"

echo "Packaging ..." >&2
"$here/package.sh" "$work/gifting-app.zip" >/dev/null

echo "Deploying to $app ..." >&2
az functionapp deployment source config-zip --resource-group "$resource_group" --name "$app" \
  --src "$work/gifting-app.zip" --only-show-errors --output none

echo "$base_url"
