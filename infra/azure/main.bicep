// Gifting in one resource group: the custom handler on Flex Consumption, Cosmos DB, Service Bus, Communication
// Services, Key Vault and Application Insights. The app reaches every one of them with one user-assigned managed
// identity: no account key, shared access key or connection string exists in its settings. The tests in
// tests/Gifting.Integration.Tests/Deployment read the compiled template and fail when it and the code disagree.

@description('Region of every regional resource. Flex Consumption is not offered in every region.')
param location string = resourceGroup().location

@description('Prefix of every resource name; a hash of the resource group keeps global names unique.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'gifting'

@description('Cosmos DB capacity: serverless (pay per request) or autoscale throughput shared by the database.')
@allowed(['serverless', 'autoscale'])
param cosmosCapacity string = 'serverless'

@description('Highest throughput (RU/s) autoscale may reach, with cosmosCapacity autoscale; it scales down to a tenth.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of one instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('OpenID Connect issuer whose tokens the API accepts (Auth:Authority).')
param authAuthority string

@description('Audience the API expects in tokens (Auth:Audience).')
param authAudience string

@description('The Communication Services phone number SMS come from, in E.164 form. It is bought outside Bicep.')
param smsFrom string

@description('Where Communication Services keeps its data at rest.')
param communicationDataLocation string = 'United States'

@description('Claim-code HMAC key versions whose Key Vault secrets (claim-code-key-<version>) the app reads.')
param claimCodeKeyVersions int[] = [1]

@description('The version that hashes new codes; one of claimCodeKeyVersions.')
param claimCodeCurrentVersion int = 1

@description('Base64 of at least 32 random bytes, stored as the current claim-code key. Give it once, when the version is new; empty keeps the stored secret.')
@secure()
param claimCodeKey string = ''

@description('Code-encryption key versions whose Key Vault secrets (code-encryption-key-<version>) the app reads.')
param codeEncryptionKeyVersions int[] = [1]

@description('The version that seals new codes; one of codeEncryptionKeyVersions.')
param codeEncryptionCurrentVersion int = 1

@description('Base64 of exactly 32 random bytes, stored as the current code-encryption key. Give it once, when the version is new; empty keeps the stored secret.')
@secure()
param codeEncryptionKey string = ''

@description('Address the alerts mail; empty creates the alerts without anyone to notify.')
param alertEmail string = ''

var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: '${namePrefix}-id-${suffix}'
  storage: take(toLower('${namePrefix}st${suffix}'), 24)
  plan: '${namePrefix}-plan-${suffix}'
  site: '${namePrefix}-${suffix}'
  cosmos: '${namePrefix}-cosmos-${suffix}'
  serviceBus: '${namePrefix}-sb-${suffix}'
  emailService: '${namePrefix}-email-${suffix}'
  communication: '${namePrefix}-acs-${suffix}'
  vault: take('${namePrefix}-kv-${suffix}', 24)
  workspace: '${namePrefix}-logs-${suffix}'
  insights: '${namePrefix}-ai-${suffix}'
  actionGroup: '${namePrefix}-ops'
}
var databaseName = 'gifting'
var deploymentContainerName = 'app-package'
var serviceBusConnection = 'ServiceBusConnection'

// Built-in role definitions (Azure RBAC).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}
// Cosmos DB's own data-plane role: Cosmos DB Built-in Data Contributor.
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

// The containers of infra/Gifting.Infra/Cosmos/GiftingContainers.cs, Definitions(): partition key, unique keys,
// time to live (-1: on, each item sets its own) and the paths each one indexes (IndexingPolicies.Only).
var containers = [
  { name: 'cards', uniqueKeys: [], ttl: null, indexed: [] }
  { name: 'ledger', uniqueKeys: ['/opKey'], ttl: null, indexed: ['/pk', '/docType', '/opKey', '/reference', '/seq'] }
  { name: 'funding', uniqueKeys: ['/opKey'], ttl: null, indexed: ['/pk', '/docType', '/opKey', '/reference', '/seq'] }
  { name: 'throttles', uniqueKeys: [], ttl: -1, indexed: [] }
  { name: 'idempotency', uniqueKeys: [], ttl: -1, indexed: [] }
  { name: 'expiries', uniqueKeys: [], ttl: null, indexed: ['/pk', '/expiresAtMs', '/sinceMs'] }
  { name: 'rejections', uniqueKeys: [], ttl: -1, indexed: ['/pk', '/queue'] }
  { name: 'orders', uniqueKeys: [], ttl: null, indexed: ['/pk', '/visible', '/sortKey'] }
  { name: 'liability', uniqueKeys: [], ttl: null, indexed: ['/pk'] }
  { name: 'order-lines', uniqueKeys: [], ttl: null, indexed: ['/pk', '/index'] }
]

// Every queue a function triggers on or the app sends to. The lock covers the longest handling of one message:
// a delivery's claim lease (45 s by default) plus its send; an order chunk issues up to a chunk of lines.
var queues = [
  { name: 'refunds', lockDuration: 'PT1M' }
  { name: 'gift-deliveries', lockDuration: 'PT2M' }
  { name: 'order-chunks', lockDuration: 'PT5M' }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
}

// ---------------------------------------------------------------------------------------------------------------
// Host storage and the deployment container: identity only, shared keys off.

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

var storageRoles = [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, identity.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// ---------------------------------------------------------------------------------------------------------------
// Monitoring: Log Analytics and workspace-based Application Insights, which accepts only Entra-authenticated data.

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: names.workspace
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource insightsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cosmos DB: Entra ID only, Session consistency, continuous backup for point-in-time restore.

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: names.cosmos
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    capabilities: cosmosCapacity == 'serverless' ? [{ name: 'EnableServerless' }] : []
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous7Days' }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: cosmosCapacity == 'serverless' ? {} : { autoscaleSettings: { maxThroughput: cosmosAutoscaleMaxThroughput } }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: union(
        {
          id: c.name
          partitionKey: { paths: ['/pk'], kind: 'Hash', version: 2 }
          uniqueKeyPolicy: { uniqueKeys: map(c.uniqueKeys, path => { paths: [path] }) }
          indexingPolicy: {
            indexingMode: 'consistent'
            automatic: true
            includedPaths: map(c.indexed, path => { path: '${path}/?' })
            excludedPaths: [{ path: '/*' }]
          }
        },
        c.ttl == null ? {} : { defaultTtl: c.ttl }
      )
    }
  }
]

resource cosmosAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Service Bus: Standard (duplicate detection needs it), Entra ID only.

resource serviceBus 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: names.serviceBus
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource serviceBusQueues 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = [
  for q in queues: {
    parent: serviceBus
    name: q.name
    properties: {
      // Set only when a queue is created: the app's message ids are derived from the work, so a re-send within
      // the window is dropped.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT10M'
      maxDeliveryCount: 10
      deadLetteringOnMessageExpiration: true
      lockDuration: q.lockDuration
      defaultMessageTimeToLive: 'P14D'
    }
  }
]

var serviceBusRoles = [roles.serviceBusDataReceiver, roles.serviceBusDataSender]

resource serviceBusAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in serviceBusRoles: {
    name: guid(serviceBus.id, identity.id, role)
    scope: serviceBus
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// ---------------------------------------------------------------------------------------------------------------
// Communication Services: email through an Azure-managed domain; SMS from a number bought for the resource.

resource emailService 'Microsoft.Communication/emailServices@2026-03-18' = {
  name: names.emailService
  location: 'global'
  properties: { dataLocation: communicationDataLocation }
}

resource emailDomain 'Microsoft.Communication/emailServices/domains@2026-03-18' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: names.communication
  location: 'global'
  properties: {
    dataLocation: communicationDataLocation
    linkedDomains: [emailDomain.id]
    disableLocalAuth: true
  }
}

resource communicationAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, identity.id, roles.communicationAndEmailServiceOwner)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.communicationAndEmailServiceOwner
    )
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key Vault: the claim-code HMAC keys and the code-encryption keys, read by the identity through Key Vault
// references. A secret is written only when its value is given, so a redeployment never replaces a key.

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource claimCodeSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(claimCodeKey)) {
  parent: vault
  name: 'claim-code-key-${claimCodeCurrentVersion}'
  properties: { value: claimCodeKey, contentType: 'base64' }
}

resource codeEncryptionSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(codeEncryptionKey)) {
  parent: vault
  name: 'code-encryption-key-${codeEncryptionCurrentVersion}'
  properties: { value: codeEncryptionKey, contentType: 'base64' }
}

resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The function app: Flex Consumption, runtime custom 1.0, its package in the deployment container.

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: names.plan
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: names.site
  location: location
  kind: 'functionapp,linux'
  tags: { 'azd-service-name': 'api' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: { minTlsVersion: '1.2', ftpsState: 'Disabled' }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'custom', version: '1.0' }
    }
  }
  dependsOn: [deploymentContainer]
}

func secretReference(vaultUri string, secret string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secret}/)'

var clientId = identity.properties.clientId
var hostSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: clientId
  // Not a secret: with local authentication off, ingestion also needs the identity's Entra token.
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${clientId}'
  '${serviceBusConnection}__fullyQualifiedNamespace': '${serviceBus.name}.servicebus.windows.net'
  '${serviceBusConnection}__credential': 'managedidentity'
  '${serviceBusConnection}__clientId': clientId
}
var appSettings = {
  Auth__Mode: 'Oidc'
  Auth__Authority: authAuthority
  Auth__Audience: authAudience
  Cosmos__Endpoint: cosmos.properties.documentEndpoint
  Cosmos__Database: databaseName
  Cosmos__ManagedIdentityClientId: clientId
  ServiceBus__FullyQualifiedNamespace: '${serviceBus.name}.servicebus.windows.net'
  ServiceBus__ManagedIdentityClientId: clientId
  Communication__Endpoint: 'https://${communication.properties.hostName}/'
  Communication__ManagedIdentityClientId: clientId
  Communication__EmailSender: 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}'
  Communication__SmsFrom: smsFrom
  Delivery__PublicBaseUrl: 'https://${site.properties.defaultHostName}/'
  Telemetry__ManagedIdentityClientId: clientId
  ClaimCodes__CurrentVersion: string(claimCodeCurrentVersion)
  Codes__CurrentEncryptionKeyVersion: string(codeEncryptionCurrentVersion)
}
var claimCodeKeySettings = toObject(
  claimCodeKeyVersions,
  v => 'ClaimCodes__Keys__${v}',
  v => secretReference(vault.properties.vaultUri, 'claim-code-key-${v}')
)
var encryptionKeySettings = reduce(
  map(range(0, length(codeEncryptionKeyVersions)), i => {
    'Codes__EncryptionKeys__${i}__Version': string(codeEncryptionKeyVersions[i])
    'Codes__EncryptionKeys__${i}__Key': secretReference(
      vault.properties.vaultUri,
      'code-encryption-key-${codeEncryptionKeyVersions[i]}'
    )
  }),
  {},
  (all, entry) => union(all, entry)
)

// The only place the app's settings are declared: this resource replaces all of them.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostSettings, appSettings, claimCodeKeySettings, encryptionKeySettings)
  dependsOn: [storageAccess, serviceBusAccess, cosmosAccess, vaultAccess, communicationAccess, insightsAccess]
}

// ---------------------------------------------------------------------------------------------------------------
// Alerts an operator acts on; docs/operations.md says what each means and what to do.

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: names.actionGroup
  location: 'global'
  properties: {
    groupShortName: 'gifting-ops'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [{ name: 'operator', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

resource deadLetters 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: 'dead-lettered-messages'
  location: 'global'
  properties: {
    description: 'A message is in the dead-letter queue of a Service Bus queue.'
    severity: 1
    enabled: true
    scopes: [serviceBus.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'deadLettered'
          criterionType: 'StaticThresholdCriterion'
          metricName: 'DeadletteredMessages'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          dimensions: [{ name: 'EntityName', operator: 'Include', values: ['*'] }]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

resource cosmosThrottling 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: 'cosmos-throttling'
  location: 'global'
  properties: {
    description: 'Cosmos DB answered requests with 429 (too many requests) in the last 15 minutes.'
    severity: 2
    enabled: true
    scopes: [cosmos.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'throttled'
          criterionType: 'StaticThresholdCriterion'
          metricName: 'TotalRequests'
          metricNamespace: 'Microsoft.DocumentDB/databaseAccounts'
          dimensions: [{ name: 'StatusCode', operator: 'Include', values: ['429'] }]
          operator: 'GreaterThan'
          threshold: 10
          timeAggregation: 'Count'
        }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

var logAlerts = [
  {
    name: 'http-5xx-rate'
    description: 'More than 2% of HTTP requests in 15 minutes answered 5xx (at least 10 of them).'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'AppRequests | where Url has "/api/" | summarize total = count(), failed = countif(toint(ResultCode) >= 500) | where failed >= 10 and failed * 100.0 / total > 2'
  }
  {
    name: 'delivery-failures'
    description: 'Gift deliveries failed in the last 30 minutes (the gifting.deliveries.failed counter).'
    severity: 2
    frequency: 'PT15M'
    window: 'PT30M'
    query: 'AppMetrics | where Name == "gifting.deliveries.failed" | summarize failed = sum(Sum) | where failed > 0'
  }
  {
    name: 'expiry-timer-not-run'
    description: 'ExpirePromotionalCredits has not run successfully for two hours; promotional credit is not expiring.'
    severity: 1
    frequency: 'PT30M'
    window: 'PT2H'
    query: 'AppRequests | where Name == "ExpirePromotionalCredits" and Success == true | summarize runs = count() | where runs == 0'
  }
]

resource queryAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for alert in logAlerts: {
    name: alert.name
    location: location
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [workspace.id]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      actions: { actionGroups: [actionGroup.id] }
    }
  }
]

output functionAppName string = site.name
output baseUrl string = 'https://${site.properties.defaultHostName}/'
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
output vaultName string = vault.name
output identityClientId string = clientId
