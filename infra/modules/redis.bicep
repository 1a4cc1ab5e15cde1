// Azure Managed Redis (optional): the agents' response cache shared by every instance.
// Access keys are disabled; the app's identity gets the default access policy and signs
// in with an Entra ID token (REDIS_USE_ENTRA_ID), user name = its object id.
param name string
param location string
param tags object
@description('Object id of the identity that may use the cache.')
param principalId string

resource cluster 'Microsoft.Cache/redisEnterprise@2025-04-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Balanced_B0' }
  properties: {
    minimumTlsVersion: '1.2'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-04-01' = {
  parent: cluster
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    port: 10000
    clusteringPolicy: 'EnterpriseCluster'
    evictionPolicy: 'AllKeysLRU'
    accessKeysAuthentication: 'Disabled'
  }
}

resource accessPolicy 'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments@2025-04-01' = {
  parent: database
  name: 'app'
  properties: {
    accessPolicyName: 'default'
    user: { objectId: principalId }
  }
}

output hostName string = cluster.properties.hostName
