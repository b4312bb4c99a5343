// Everything Faq runs on, in one resource group. No keys anywhere: the app, the Functions host and deployments
// reach storage and Azure OpenAI with the user-assigned managed identity.
param environmentName string
param location string
param tags object
param clinicName string
param emergencyNumber string
param allowedWidgetOrigins string
param useAzureOpenAI bool
param openAILocation string
param embeddingModel string
param embeddingModelVersion string
param embeddingDimensions int
param embeddingCapacity int
param staffSignInClientId string
param maximumInstanceCount int

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var appName = 'func-faq-${token}'
var deploymentContainer = 'app-package-${token}'
var origins = filter(map(split(allowedWidgetOrigins, ','), o => trim(o)), o => !empty(o))

// Built-in role definition ids.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var cognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-faq-${token}'
  location: location
  tags: tags
}

// ---- Storage: the FAQ tables and the deployment package container -------------------------------------------
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stfaq${take(token, 17)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // identity only
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The tables the app uses (it would create them itself; declaring them keeps the data visible in the template):
// entries with their history (one partition per clinic, so an entry and its history row are written together),
// questions kept for review, and patients' votes.
resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in ['FaqContent', 'FaqUnanswered', 'FaqFeedback', 'FaqUsage']: {
  parent: tableService
  name: name
}]

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataOwner)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
  }
}

// ---- Monitoring -------------------------------------------------------------------------------------------------
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-faq-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-faq-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true // telemetry is sent with the managed identity
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

// ---- Optional Azure OpenAI for embeddings -----------------------------------------------------------------------
resource openAI 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (useAzureOpenAI) {
  name: 'oai-faq-${token}'
  location: openAILocation
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-faq-${token}'
    disableLocalAuth: true // Entra ID only: no API keys to leak
    publicNetworkAccess: 'Enabled'
  }
}

resource embeddingDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (useAzureOpenAI) {
  parent: openAI
  name: embeddingModel
  sku: {
    name: 'Standard'
    capacity: embeddingCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: embeddingModel
      version: embeddingModelVersion
    }
  }
}

resource openAIRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useAzureOpenAI) {
  scope: openAI
  name: guid(resourceGroup().id, 'oai-faq-${token}', identity.id, cognitiveServicesOpenAIUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAIUser)
  }
}

// ---- The function app (Flex Consumption, Linux, .NET isolated worker) ------------------------------------------
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-faq-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

// Names here are exactly the configuration keys the app reads ("__" for ":"); a test in the repository compares
// them with the app's options classes.
var faqSettings = [
  { name: 'Faq__Store', value: 'Tables' }
  { name: 'Faq__Tables__Endpoint', value: storage.properties.primaryEndpoints.table }
  { name: 'Faq__Clinic__Name', value: clinicName }
  { name: 'Faq__Clinic__EmergencyNumber', value: emergencyNumber }
  { name: 'Faq__Admin__TrustPlatformAuth', value: empty(staffSignInClientId) ? 'false' : 'true' }
]

var embeddingSettings = useAzureOpenAI ? [
  { name: 'Faq__Embeddings__Provider', value: 'AzureOpenAI' }
  { name: 'Faq__Embeddings__Endpoint', value: openAI!.properties.endpoint }
  { name: 'Faq__Embeddings__Deployment', value: embeddingDeployment!.name }
  { name: 'Faq__Embeddings__Dimensions', value: string(embeddingDimensions) }
] : [
  { name: 'Faq__Embeddings__Provider', value: 'Local' }
]

var originSettings = [for (origin, i) in origins: { name: 'Faq__Widget__AllowedOrigins__${i}', value: origin }]

var hostSettings = [
  // The Functions host's own storage, reached with the identity.
  { name: 'AzureWebJobsStorage__accountName', value: storage.name }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
  { name: 'AzureWebJobsDisableHomepage', value: 'true' }
  // Azure.Identity in the app picks the user-assigned identity by this id.
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      // The isolated worker on .NET 10. On Flex Consumption this is what FUNCTIONS_WORKER_RUNTIME used to say: that
      // app setting is not used there (and must not be set), so it is absent from the settings below.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // CORS is the app's own (Faq:Widget:AllowedOrigins), so the platform's stays empty.
      appSettings: concat(hostSettings, faqSettings, embeddingSettings, originSettings)
    }
  }
  dependsOn: [
    tableRole
    blobRole
    insightsRole
  ]
}

// Optional Entra ID sign-in in front of the staff page and admin API (the public endpoints stay open).
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(staffSignInClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/ask'
        '/api/faqs'
        '/api/feedback'
        '/api/health'
        '/api/openapi.json'
        '/api/webhooks/twilio'
        '/widget'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: staffSignInClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [ 'api://${staffSignInClientId}' ]
        }
      }
    }
    login: {
      tokenStore: { enabled: true }
    }
  }
}

output functionAppName string = app.name
output baseUrl string = 'https://${app.properties.defaultHostName}'
output storageAccountName string = storage.name
output openAIEndpoint string = useAzureOpenAI ? openAI!.properties.endpoint : ''
