// Faq on Azure: one resource group with a Flex Consumption function app (the .NET isolated worker), its storage
// (FAQ tables + deployment container), a user-assigned managed identity, monitoring, and optionally Azure OpenAI
// for embeddings. Deployed by `azd up` (see azure.yaml and the README, "Deploy to Azure").
targetScope = 'subscription'

@minLength(1)
@maxLength(48)
@description('Name of the azd environment; names the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource, for example westeurope or eastus2. Flex Consumption must be offered there.')
param location string

@description('The clinic name the bot uses in its answers, for example "Stride Physio".')
param clinicName string = 'the clinic'

@description('Emergency number the bot tells patients to call.')
param emergencyNumber string = '911'

@description('Comma-separated web origins (scheme://host[:port]) whose pages may embed the chat widget, for example "https://www.stride-physio.example".')
param allowedWidgetOrigins string = 

@description('Create an Azure OpenAI account with an embedding deployment and use it for question and entry embeddings.')
param useAzureOpenAI bool = false

@description('Region of the Azure OpenAI account (the embedding model must be offered there); defaults to location.')
param openAILocation string = location

@description('Embedding model deployed when useAzureOpenAI is true.')
param embeddingModel string = 'text-embedding-3-small'

@description('Version of the embedding model.')
param embeddingModelVersion string = '1'

@description('Vector length requested from the embedding model.')
param embeddingDimensions int = 1536

@description('Deployment capacity in thousands of tokens per minute.')
param embeddingCapacity int = 30

@description('Client id of an Entra ID app registration for staff sign-in (App Service authentication). Empty: staff sign in with admin keys only.')
param staffSignInClientId string = ''

@description('Largest number of instances the app may scale out to.')
param maximumInstanceCount int = 40

var tags = { 'azd-env-name': environmentName, product: 'faq' }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'faq-resources'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    clinicName: clinicName
    emergencyNumber: emergencyNumber
    allowedWidgetOrigins: allowedWidgetOrigins
    useAzureOpenAI: useAzureOpenAI
    openAILocation: openAILocation
    embeddingModel: embeddingModel
    embeddingModelVersion: embeddingModelVersion
    embeddingDimensions: embeddingDimensions
    embeddingCapacity: embeddingCapacity
    staffSignInClientId: staffSignInClientId
    maximumInstanceCount: maximumInstanceCount
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output FAQ_BASE_URL string = resources.outputs.baseUrl
output FAQ_STORAGE_ACCOUNT string = resources.outputs.storageAccountName
output FAQ_OPENAI_ENDPOINT string = resources.outputs.openAIEndpoint
