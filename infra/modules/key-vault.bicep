// Key Vault (RBAC, soft delete, purge protection) holding the server's secrets, readable by the web app's
// managed identity through the role "Key Vault Secrets User".

@description('Region of the vault.')
param location string

@description('Tags on the vault.')
param tags object

@description('Vault name: 3 to 24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('PostgreSQL connection string for the server (secret DATABASE-URL).')
@secure()
param databaseUrl string

@description('Client secret of the bot\'s Entra app (secret BOT-PASSWORD).')
@secure()
param botPassword string

@description('Client secret of the Entra app for SSO and Graph (secret AAD-CLIENT-SECRET).')
@secure()
param aadClientSecret string

@description('The bots of other tenants as JSON (BOT_TENANT_BOTS, with their passwords; secret BOT-TENANT-BOTS); empty: none.')
@secure()
param botTenantBots string = ''

@description('Object id of the managed identity that may read the secrets (the web app).')
param secretsReaderPrincipalId string

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

// Built-in role "Key Vault Secrets User": read secret contents, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'DATABASE-URL'
  properties: {
    value: databaseUrl
    contentType: 'text/plain'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'BOT-PASSWORD'
  properties: {
    value: botPassword
    contentType: 'text/plain'
  }
}

resource aadClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'AAD-CLIENT-SECRET'
  properties: {
    value: aadClientSecret
    contentType: 'text/plain'
  }
}

// Only when the police (or another tenant) has a bot of its own: see docs/deploy.md, "Call-out cards across tenants".
resource botTenantBotsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botTenantBots)) {
  parent: vault
  name: 'BOT-TENANT-BOTS'
  properties: {
    value: botTenantBots
    contentType: 'application/json'
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, secretsReaderPrincipalId, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: secretsReaderPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Version-less URI of DATABASE-URL, for an App Service Key Vault reference.')
output databaseUrlSecretUri string = databaseUrlSecret.properties.secretUri

@description('Version-less URI of BOT-PASSWORD.')
output botPasswordSecretUri string = botPasswordSecret.properties.secretUri

@description('Version-less URI of AAD-CLIENT-SECRET.')
output aadClientSecretSecretUri string = aadClientSecretSecret.properties.secretUri

@description('Version-less URI of BOT-TENANT-BOTS; empty when there is no bot of another tenant.')
output botTenantBotsSecretUri string = empty(botTenantBots) ? '' : botTenantBotsSecret.properties.secretUri
