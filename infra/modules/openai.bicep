// Azure OpenAI with the model deployments the agents use (names = MODEL_NAME,
// MODEL_JUDGE). Key auth is disabled: the app calls it with its identity
// (Cognitive Services OpenAI User, modules/roles.bicep).
param name string
param location string
param tags object
@description('[{ name, model, version, capacity }]: capacity in thousands of tokens per minute.')
param deployments array

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  identity: { type: 'SystemAssigned' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow' }
  }
}

// One at a time: the service rejects concurrent deployment writes on one account.
@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for deployment in deployments: {
  parent: account
  name: deployment.name
  sku: {
    name: 'GlobalStandard'
    capacity: deployment.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: deployment.model
      version: deployment.version
    }
  }
}]

output name string = account.name
output endpoint string = account.properties.endpoint
