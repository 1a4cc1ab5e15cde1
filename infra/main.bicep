// The Marketing Agents Platform on Azure, for `azd up` (docs/deploy.md).
//
// One resource group holding: the Function App on the Flex Consumption plan (Python 3.11)
// with a user-assigned managed identity, its storage account (deployment package, Durable
// task hub, posters; no shared keys), Cosmos DB for NoSQL (serverless by default) with the
// layout of marketing_agents/store/layout.py, Azure SignalR Service (serverless, upstream to
// the app's SignalR extension webhook), Azure OpenAI with model deployments (or an existing
// endpoint), optional Azure Managed Redis, Application Insights on Log Analytics, and the
// identity's role assignments. Every connection is identity-based: no key is stored in an
// app setting. App Service authentication (Entra ID) fronts the API and the dashboard.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; it seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource (Flex Consumption must be available there).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the person running azd: given data access (Cosmos, storage, OpenAI) to debug; empty for none.')
param principalId string = ''

@description('Cosmos DB capacity mode: serverless (pay per request unit, default) or provisioned autoscale throughput.')
param cosmosServerless bool = true

@description('Autoscale maximum RU/s of the shared database throughput, when not serverless.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Flex Consumption instance memory (MB): 2048 runs the poster renderer and the agents comfortably.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most Flex Consumption instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('HTTP requests one instance serves at once before Flex adds another.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('SignalR Service tier: Free_F1 (20 connections, no SLA) or Standard_S1 (1,000 connections per unit).')
@allowed(['Free_F1', 'Standard_S1', 'Premium_P1'])
param signalRSku string = 'Standard_S1'

@minValue(1)
param signalRUnits int = 1

@description('Create an Azure OpenAI account with the model deployments below; false to use openAiEndpoint instead (or no model: the offline agents).')
param createOpenAi bool = true

@description('An existing Azure OpenAI endpoint when createOpenAi is false (the identity needs Cognitive Services OpenAI User on it); empty for the offline agents.')
param openAiEndpoint string = ''

@description('Deployment name and model of the writing agents.')
param openAiChatModel string = 'gpt-4o'
param openAiChatModelVersion string = '2024-11-20'
@description('Deployment name and model of the auditor\'s judge and the writers\' fallback.')
param openAiJudgeModel string = 'gpt-4o-mini'
param openAiJudgeModelVersion string = '2024-07-18'
@description('Capacity of each deployment in thousands of tokens per minute (GlobalStandard).')
@minValue(1)
param openAiChatCapacity int = 50
@minValue(1)
param openAiJudgeCapacity int = 50

@description('Create Azure Managed Redis for the shared agent response cache (else the cache is SQLite per instance).')
param createRedis bool = false

@description('Client id of the Entra ID app registration App Service authentication uses (the azd preprovision hook creates one).')
param authClientId string

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var layout = loadJsonContent('cosmos-layout.json')
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var posterContainerName = 'posters'
var signalRName = 'sigr-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [deploymentContainerName, posterContainerName]
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    layout: layout
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
  }
}

module openAi 'modules/openai.bicep' = if (createOpenAi) {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: location
    tags: tags
    deployments: [
      { name: openAiChatModel, model: openAiChatModel, version: openAiChatModelVersion, capacity: openAiChatCapacity }
      { name: openAiJudgeModel, model: openAiJudgeModel, version: openAiJudgeModelVersion, capacity: openAiJudgeCapacity }
    ]
  }
}

module redis 'modules/redis.bicep' = if (createRedis) {
  name: 'redis'
  scope: rg
  params: {
    name: 'redis-${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

var modelEndpoint = createOpenAi ? openAi.outputs.endpoint : openAiEndpoint
// Requests per minute a GlobalStandard deployment allows: 6 per 1,000 tokens per minute.
var modelSettings = empty(modelEndpoint) ? {} : {
  MODEL_PROVIDER: 'azure_openai'
  AZURE_OPENAI_ENDPOINT: modelEndpoint
  MODEL_NAME: openAiChatModel
  MODEL_JUDGE: openAiJudgeModel
  MODEL_FALLBACKS: openAiJudgeModel
  MODEL_TOKENS_PER_MINUTE: string(openAiChatCapacity * 900)
  MODEL_REQUESTS_PER_MINUTE: string(openAiChatCapacity * 6 * 9 / 10)
}
var redisSettings = createRedis ? {
  REDIS_HOST: redis.outputs.hostName
  REDIS_PORT: '10000'
  REDIS_USE_ENTRA_ID: 'true'
  REDIS_USERNAME: identity.outputs.principalId
} : {}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    storageAccountName: storage.outputs.name
    cosmosAccountName: cosmos.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiAccountName: createOpenAi ? openAi.outputs.name : ''
  }
}

// The app's own settings (the names marketing_agents reads; tests/infra checks them).
var appOwnSettings = {
  CosmosDBConnection__accountEndpoint: cosmos.outputs.endpoint
  CosmosDBConnection__credential: 'managedidentity'
  CosmosDBConnection__clientId: identity.outputs.clientId
  AzureSignalRConnectionString__serviceUri: 'https://${signalRName}.service.signalr.net'
  AzureSignalRConnectionString__credential: 'managedidentity'
  AzureSignalRConnectionString__clientId: identity.outputs.clientId
  POSTER_STORE: 'blob'
  POSTER_BLOB_ACCOUNT_URL: storage.outputs.blobEndpoint
  POSTER_BLOB_CONTAINER: posterContainerName
  REVIEW_DEADLINE_HOURS: '72'
  COMPLIANCE_THRESHOLD: '80'
  MAX_REGENERATION_ROUNDS: '5'
}

// After the roles: the host keeps its keys in the storage account, through the identity.
module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  dependsOn: [roles]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${deploymentContainerName}'
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    authClientId: authClientId
    appSettings: union(appOwnSettings, modelSettings, redisSettings)
  }
}

module signalR 'modules/signalr.bicep' = {
  name: 'signalr'
  scope: rg
  params: {
    name: signalRName
    location: location
    tags: tags
    sku: signalRSku
    capacity: signalRUnits
    functionAppName: functionApp.outputs.name
    functionAppHostName: functionApp.outputs.defaultHostName
    signalRKeyName: functionApp.outputs.signalRKeyName
    identityPrincipalId: identity.outputs.principalId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_APP_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output SIGNALR_NAME string = signalR.outputs.name
output AZURE_OPENAI_ENDPOINT string = modelEndpoint
