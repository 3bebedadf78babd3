// Bondgenoten in Azure, deployed by `atk provision` (teamsapp.yml, action arm/deploy):
// App Service (Linux, Node LTS) running the one server, Azure Bot with the Teams channel, PostgreSQL Flexible
// Server, Key Vault for the secrets and Application Insights, all in an EU region. One module per resource.
targetScope = 'resourceGroup'

@description('Start of every resource name: 4 to 16 lower-case letters and digits, e.g. "bondgen" plus a random suffix.')
@minLength(4)
@maxLength(16)
param resourceBaseName string

@description('Region of every regional resource. EU regions only, so that the data stays in the EU.')
@allowed([
  'westeurope'
  'northeurope'
  'swedencentral'
  'germanywestcentral'
  'francecentral'
])
param location string = 'westeurope'

@description('App Service plan size. B1 suits a test environment; use P0v3 or larger in production.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('Node.js runtime of the web app (linuxFxVersion); `az webapp list-runtimes --os-type linux` lists the current ones.')
param nodeVersion string = 'NODE|24-lts'

@description('Azure Bot pricing tier: F0 (free) or S1 (standard).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Where the Azure Bot resource keeps its data. "westeurope" makes it a regional EU bot, which the bot code must support (see docs/deploy.md).')
@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

@description('Display name of the bot registration.')
@maxLength(42)
param botDisplayName string = 'Bondgenoten'

@description('Client id of the bot\'s single-tenant Entra app (BOT_ID, written by `atk provision`).')
param botId string

@description('Tenant id of the bot\'s Entra app (BOT_TENANT_ID).')
param botTenantId string

@description('Client secret of the bot\'s Entra app; stored only in Key Vault.')
@secure()
param botPassword string

@description('Client id of the Entra app for Teams SSO and Microsoft Graph (AAD_APP_CLIENT_ID).')
param aadClientId string

@description('Tenant id of that Entra app (AAD_APP_TENANT_ID).')
param aadTenantId string

@description('Client secret of that Entra app; stored only in Key Vault.')
@secure()
param aadClientSecret string

@description('Comma-separated tenant ids whose users may sign in; empty means only aadTenantId.')
param aadAllowedTenants string = ''

@description('JSON object of tenant id to the organisation name the tab shows (AAD_TENANT_NAMES); empty: Gemeente/Politie.')
param aadTenantNames string = ''

@description('The bots of other tenants as JSON (BOT_TENANT_BOTS: tenantId, appId, password, catalogAppId); stored only in Key Vault; empty: none.')
@secure()
param botTenantBots string = ''

@description('The Teams app\'s id in the home tenant\'s app catalog (TEAMS_APP_CATALOG_ID, after `atk publish`); empty: no proactive install.')
param teamsAppCatalogId string = ''

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'bondgenoten_admin'

@description('Administrator password of the PostgreSQL server; only stored in Key Vault, inside DATABASE-URL.')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('PostgreSQL compute tier.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL compute size, matching the tier (e.g. Standard_B1ms for Burstable, Standard_D2ds_v5 for GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@description('Days of point-in-time restore (7 to 35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('Geo-redundant backups to the paired EU region; can only be chosen when the server is created.')
@allowed([
  'Enabled'
  'Disabled'
])
param postgresGeoRedundantBackup string = 'Disabled'

@description('Days Log Analytics keeps the telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags on every resource.')
param tags object = {
  application: 'bondgenoten'
}

var baseName = toLower(resourceBaseName)

module appInsights 'modules/app-insights.bicep' = {
  name: 'app-insights'
  params: {
    location: location
    tags: tags
    workspaceName: 'log-${baseName}'
    componentName: 'appi-${baseName}'
    retentionInDays: logRetentionDays
  }
}

module appService 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    location: location
    tags: tags
    planName: 'plan-${baseName}'
    webAppName: 'app-${baseName}'
    sku: appServiceSku
    nodeVersion: nodeVersion
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    tags: tags
    serverName: 'psql-${baseName}'
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    skuTier: postgresSkuTier
    skuName: postgresSkuName
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
  }
}

// verify-full: pg checks the server certificate (a public CA) and host name, not only that TLS is on.
var databaseUrl = 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.outputs.fqdn}:5432/${postgres.outputs.databaseName}?sslmode=verify-full'

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: 'kv-${baseName}'
    databaseUrl: databaseUrl
    botPassword: botPassword
    aadClientSecret: aadClientSecret
    botTenantBots: botTenantBots
    secretsReaderPrincipalId: appService.outputs.principalId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    location: botLocation
    tags: tags
    name: 'bot-${baseName}'
    sku: botSku
    displayName: botDisplayName
    appId: botId
    tenantId: botTenantId
    endpoint: 'https://${appService.outputs.defaultHostName}/api/messages'
  }
}

// Separate from app-service.bicep on purpose: the settings reference Key Vault secrets, which the web app can
// only read after key-vault.bicep granted its identity access, and that grant needs the web app to exist first.
module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    webAppName: appService.outputs.name
    publicUrl: 'https://${appService.outputs.defaultHostName}'
    botId: botId
    botTenantId: botTenantId
    aadClientId: aadClientId
    aadTenantId: aadTenantId
    aadAllowedTenants: aadAllowedTenants
    aadTenantNames: aadTenantNames
    databaseUrlSecretUri: keyVault.outputs.databaseUrlSecretUri
    botPasswordSecretUri: keyVault.outputs.botPasswordSecretUri
    aadClientSecretSecretUri: keyVault.outputs.aadClientSecretSecretUri
    botTenantBotsSecretUri: keyVault.outputs.botTenantBotsSecretUri
    teamsAppCatalogId: teamsAppCatalogId
    appInsightsConnectionString: appInsights.outputs.connectionString
  }
}

// The toolkit writes these outputs to env/.env.<env> (https://aka.ms/teamsfx-actions/arm-deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = appService.outputs.id
output TAB_DOMAIN string = appService.outputs.defaultHostName
output TAB_ENDPOINT string = 'https://${appService.outputs.defaultHostName}'
output BOT_DOMAIN string = appService.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${appService.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_POSTGRES_SERVER_NAME string = postgres.outputs.serverName
