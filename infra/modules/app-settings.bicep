// The environment of the Bondgenoten server on App Service. Secrets are Key Vault references that App Service
// resolves with the web app's managed identity; PORT is set by App Service itself.

@description('Name of the existing web app.')
param webAppName string

@description('Public https URL of the app (PUBLIC_URL); its host is the SSO audience api://<host>/<client id>.')
param publicUrl string

@description('Client id of the bot\'s Entra app.')
param botId string

@description('Tenant id of the bot\'s Entra app.')
param botTenantId string

@description('Client id of the Entra app for SSO and Graph.')
param aadClientId string

@description('Tenant id of the Entra app for SSO and Graph.')
param aadTenantId string

@description('Comma-separated tenant ids allowed to sign in; empty means only aadTenantId.')
param aadAllowedTenants string

@description('JSON object of tenant id to the organisation name the tab shows; empty: Gemeente/Politie.')
param aadTenantNames string = ''

@description('Key Vault URI of the secret DATABASE-URL (without version, so rotations are picked up).')
param databaseUrlSecretUri string

@description('Key Vault URI of the secret BOT-PASSWORD.')
param botPasswordSecretUri string

@description('Key Vault URI of the secret AAD-CLIENT-SECRET.')
param aadClientSecretSecretUri string

@description('Key Vault URI of the secret BOT-TENANT-BOTS; empty: no bot of another tenant.')
param botTenantBotsSecretUri string = ''

@description('The Teams app\'s id in the home tenant\'s app catalog (TEAMS_APP_CATALOG_ID); empty: no proactive install.')
param teamsAppCatalogId string = ''

@description('Connection string of the Application Insights component.')
param appInsightsConnectionString string

resource webApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: webAppName
}

// This resource owns all app settings: anything set by hand in the portal is replaced on the next provision, so
// the optional ones (the catalog id, the other tenants' bots) are parameters here too.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(
    {
      NODE_ENV: 'production'
      AUTH_MODE: 'entra'
      PUBLIC_URL: publicUrl
      DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})'
      BOT_ID: botId
      BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'
      BOT_TYPE: 'SingleTenant'
      BOT_TENANT_ID: botTenantId
      AAD_CLIENT_ID: aadClientId
      AAD_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadClientSecretSecretUri})'
      AAD_TENANT_ID: aadTenantId
      AAD_ALLOWED_TENANTS: aadAllowedTenants
      AAD_TENANT_NAMES: aadTenantNames
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      // The deployed zip is mounted read-only as wwwroot; no build runs on the server.
      WEBSITE_RUN_FROM_PACKAGE: '1'
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    },
    // Set here, not by hand in the portal: this resource replaces every setting it does not name.
    empty(teamsAppCatalogId) ? {} : { TEAMS_APP_CATALOG_ID: teamsAppCatalogId },
    empty(botTenantBotsSecretUri) ? {} : { BOT_TENANT_BOTS: '@Microsoft.KeyVault(SecretUri=${botTenantBotsSecretUri})' }
  )
}
