// Linux App Service plan and the web app that runs the Bondgenoten server (tab, API and bot endpoint).
// App settings live in app-settings.bicep, applied after Key Vault has granted this app's identity access.

@description('Region of the plan and the web app.')
param location string

@description('Tags on both resources.')
param tags object

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; also the first label of its *.azurewebsites.net host name.')
param webAppName string

@description('App Service plan size.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param sku string

@description('Node.js runtime (linuxFxVersion), e.g. NODE|24-lts.')
param nodeVersion string

@description('Path the platform probes to take unhealthy instances out of rotation.')
param healthCheckPath string = '/readyz'

@description('Command that starts the server from the deployed zip.')
param startupCommand string = 'node dist/src/server/main.js'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true // required for Linux plans
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // state lives in the database, so any instance can serve any request
    siteConfig: {
      linuxFxVersion: nodeVersion
      appCommandLine: startupCommand
      alwaysOn: true
      healthCheckPath: healthCheckPath
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
    }
  }
}

// Deployments authenticate with Entra ID (atk deploy uses a bearer token), so publishing passwords stay off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Resource id of the web app; the toolkit zip-deploys to it.')
output id string = webApp.id

@description('Name of the web app.')
output name string = webApp.name

@description('Host name of the web app, without scheme.')
output defaultHostName string = webApp.properties.defaultHostName

@description('Object id of the web app\'s system-assigned managed identity.')
output principalId string = webApp.identity.principalId
