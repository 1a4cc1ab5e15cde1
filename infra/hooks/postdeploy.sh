#!/bin/sh
# azd postdeploy hook: point the SignalR upstream at the key the deployed app's SignalR
# extension actually uses. The Bicep creates the `signalr_extension` system key and sets
# the upstream with it already; this re-reads it after the code is live, so a key the
# host replaced (or one rotated later, by running `azd deploy` again) never leaves the
# hub methods answering 401.
set -eu
rg="$(azd env get-value AZURE_RESOURCE_GROUP)"
app="$(azd env get-value AZURE_FUNCTION_APP_NAME)"
signalr="$(azd env get-value SIGNALR_NAME)"
key=""
for attempt in 1 2 3 4 5 6; do
  key="$(az functionapp keys list -g "$rg" -n "$app" --query systemKeys.signalr_extension -o tsv 2>/dev/null || true)"
  [ -n "$key" ] && break
  sleep 10
done
if [ -z "$key" ]; then
  echo "postdeploy: no signalr_extension key on $app yet; the upstream keeps the provisioned key" >&2
  exit 0
fi
host="$(az functionapp show -g "$rg" -n "$app" --query defaultHostName -o tsv)"
az signalr upstream update -g "$rg" -n "$signalr" \
  --template url-template="https://$host/runtime/webhooks/signalr?code=$key" hub-pattern='*' event-pattern='*' category-pattern='*' >/dev/null
echo "SignalR upstream: https://$host/runtime/webhooks/signalr (signalr_extension key)"
