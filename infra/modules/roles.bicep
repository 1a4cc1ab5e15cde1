// The identity's role assignments, each the least one that lets the app do its job:
//   storage   Storage Blob Data Owner (the Functions host manages its blob leases and
//             containers; also the deployment package and posters), Storage Queue Data
//             Contributor and Storage Table Data Contributor (the Durable task hub)
//   Cosmos DB the built-in Cosmos DB Data Contributor (data plane only: read and write items)
//   OpenAI    Cognitive Services OpenAI User (call deployments; cannot change them)
//   insights  Monitoring Metrics Publisher (telemetry with Entra ID; local auth is off)
// The person running azd (userPrincipalId) gets the same data roles to debug, when set.
// (SignalR App Server is assigned in modules/signalr.bicep: the service is created after
// the app, whose host must reach its storage first, so these roles come before the app.)
param identityPrincipalId string
param userPrincipalId string = ''
param storageAccountName string
param cosmosAccountName string
param applicationInsightsName string
@description('Empty when the app uses an existing Azure OpenAI endpoint (assign the role there).')
param openAiAccountName string = ''

var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var cognitiveServicesOpenAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
// Cosmos DB's own (data-plane) role definition: Cosmos DB Built-in Data Contributor.
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

var principals = empty(userPrincipalId) ? [
  { id: identityPrincipalId, type: 'ServicePrincipal' }
] : [
  { id: identityPrincipalId, type: 'ServicePrincipal' }
  { id: userPrincipalId, type: 'User' }
]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(openAiAccountName)) {
  name: empty(openAiAccountName) ? 'none' : openAiAccountName
}

resource blobOwnerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: {
  name: guid(storage.id, p.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: p.id
    principalType: p.type
  }
}]

resource queueContributorRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: {
  name: guid(storage.id, p.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: p.id
    principalType: p.type
  }
}]

resource tableContributorRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: {
  name: guid(storage.id, p.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: p.id
    principalType: p.type
  }
}]

resource cosmosRoles 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [for p in principals: {
  parent: cosmos
  name: guid(cosmos.id, p.id, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: p.id
    scope: cosmos.id
  }
}]

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource openAiRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in (empty(openAiAccountName) ? [] : principals): {
  name: guid(openAi.id, p.id, cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUser)
    principalId: p.id
    principalType: p.type
  }
}]
