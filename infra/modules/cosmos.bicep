// Cosmos DB for NoSQL: the database and containers of marketing_agents/store/layout.py
// (infra/cosmos-layout.json is generated from it; tests/infra checks they agree).
// Serverless by default (pay per request unit, no idle cost); provisioned autoscale
// throughput shared by the database otherwise. Key (local) auth is disabled: the app
// uses its identity with the built-in data contributor role (modules/roles.bicep).
param name string
param location string
param tags object
@description('The layout: { database, containers: [{ name, partitionKey, indexingPolicy }] }.')
param layout object
param serverless bool
param autoscaleMaxThroughput int

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [
      { locationName: location, failoverPriority: 0, isZoneRedundant: false }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: layout.database
  properties: {
    resource: { id: layout.database }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in layout.containers: {
  parent: database
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: container.partitionKey
      indexingPolicy: container.indexingPolicy
    }
  }
}]

output name string = account.name
output endpoint string = account.properties.documentEndpoint
