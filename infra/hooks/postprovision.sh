#!/bin/sh
# azd postprovision hook: point the app registration at the provisioned Function App
# (sign-in redirect URI) and let the app's user-assigned identity sign in for it with a
# federated credential, so App Service authentication needs no client secret
# (OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID in infra/modules/functionapp.bicep).
set -eu
client_id="$(azd env get-value AUTH_CLIENT_ID)"
app_uri="$(azd env get-value SERVICE_APP_URI)"
principal_id="$(azd env get-value AZURE_IDENTITY_PRINCIPAL_ID)"
tenant_id="$(azd env get-value AZURE_TENANT_ID)"
az ad app update --id "$client_id" --web-redirect-uris "$app_uri/.auth/login/aad/callback"
if ! az ad app federated-credential list --id "$client_id" --query "[?subject=='$principal_id'] | [0].name" -o tsv | grep -q .; then
  az ad app federated-credential create --id "$client_id" --parameters "{
    \"name\": \"function-app-identity\",
    \"issuer\": \"https://login.microsoftonline.com/$tenant_id/v2.0\",
    \"subject\": \"$principal_id\",
    \"audiences\": [\"api://AzureADTokenExchange\"]
  }" >/dev/null
fi
echo "App Service authentication: sign-in at $app_uri (redirect URI and federated credential set)"
