#!/bin/sh
# azd preprovision hook: the Entra ID app registration App Service authentication signs
# users in with. Skipped when AUTH_CLIENT_ID is already set in the azd environment (an
# existing registration, or a previous run). Needs the Azure CLI signed in (`az login`)
# with permission to create app registrations.
set -eu
existing="$(azd env get-value AUTH_CLIENT_ID 2>/dev/null || true)"
case "$existing" in
  ""|ERROR*) ;;
  *) echo "App Service authentication: using app registration $existing"; exit 0 ;;
esac
command -v az >/dev/null 2>&1 || { echo "preprovision: the Azure CLI (az) is needed to create the app registration; or set AUTH_CLIENT_ID with 'azd env set AUTH_CLIENT_ID <client id>'" >&2; exit 1; }
name="marketing-agents-${AZURE_ENV_NAME:?AZURE_ENV_NAME is not set}"
client_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg \
  --enable-id-token-issuance true --query appId -o tsv)"
az ad app update --id "$client_id" --identifier-uris "api://$client_id"
az ad sp create --id "$client_id" >/dev/null 2>&1 || true
azd env set AUTH_CLIENT_ID "$client_id"
echo "App Service authentication: created app registration $name ($client_id)"
