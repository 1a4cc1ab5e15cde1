// Azure SignalR Service in Serverless mode: clients connect to it after POST /api/negotiate,
// and their hub method calls (JoinCampaignGroup, ...) go upstream to the app's SignalR
// extension webhook with its system key, where the signalRTrigger functions run. Access
// keys are disabled: the app signs client tokens and calls the REST API with its identity
// (SignalR App Server, modules/roles.bicep).
param name string
param location string
param tags object
param sku string
param capacity int
param functionAppName string
param functionAppHostName string
@description('Name of the SignalR extension system key on the Function App host.')
param signalRKeyName string
@description('Object id of the app\'s identity: SignalR App Server on this service.')
param identityPrincipalId string

var signalRAppServer = '420fcaa2-552c-430f-98ca-3264be4806c7'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

var extensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys[signalRKeyName]

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SignalR'
  sku: {
    name: sku
    capacity: capacity
  }
  properties: {
    features: [
      { flag: 'ServiceMode', value: 'Serverless' }
      { flag: 'EnableConnectivityLogs', value: 'True' }
    ]
    cors: {
      allowedOrigins: ['https://${functionAppHostName}']
    }
    disableLocalAuth: true
    disableAadAuth: false
    publicNetworkAccess: 'Enabled'
    tls: { clientCertEnabled: false }
    upstream: {
      templates: [
        {
          hubPattern: '*'
          categoryPattern: '*'
          eventPattern: '*'
          urlTemplate: 'https://${functionAppHostName}/runtime/webhooks/signalr?code=${extensionKey}'
        }
      ]
    }
  }
}

// Sign client tokens, send to users and groups, manage group membership; nothing else.
resource appServerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(signalR.id, identityPrincipalId, signalRAppServer)
  scope: signalR
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', signalRAppServer)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = signalR.name
