// The app's one identity: every connection (storage, Cosmos DB, SignalR, OpenAI, Redis,
// posters) authenticates as it, so no key is kept in an app setting.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
