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
# A delegated scope, and the Azure CLI's public client (az and azd sign in with it)
# pre-authorised for it, so `marketing-agents --scope api://$client_id/.default` gets a
# token after `az login` with no consent prompt (a v2 token, as the v2.0 issuer App Service
# authentication is given expects). Graph wants the scope before the
# pre-authorisation that names it: two PATCHes.
object_id="$(az ad app show --id "$client_id" --query id -o tsv)"
scope_id="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen | tr 'A-Z' 'a-z')"
azure_cli_client_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46"
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
  --headers Content-Type=application/json --body "{\"api\": {\"requestedAccessTokenVersion\": 2, \"oauth2PermissionScopes\": [{
    \"id\": \"$scope_id\", \"value\": \"user_impersonation\", \"type\": \"User\", \"isEnabled\": true,
    \"adminConsentDisplayName\": \"Use Marketing Agents\",
    \"adminConsentDescription\": \"Call the Marketing Agents API as the signed-in user.\",
    \"userConsentDisplayName\": \"Use Marketing Agents\",
    \"userConsentDescription\": \"Call the Marketing Agents API as you.\"}]}}"
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
  --headers Content-Type=application/json --body "{\"api\": {\"preAuthorizedApplications\": [{
    \"appId\": \"$azure_cli_client_id\", \"delegatedPermissionIds\": [\"$scope_id\"]}]}}"
az ad sp create --id "$client_id" >/dev/null 2>&1 || true
azd env set AUTH_CLIENT_ID "$client_id"
echo "App Service authentication: created app registration $name ($client_id)"
