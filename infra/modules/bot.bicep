// Azure Bot registration (single-tenant) for the bot endpoint of the Bondgenoten server, with the Teams channel.

@description('"global", or "westeurope" for a regional EU bot (the bot code must then use the EU Bot Framework endpoints).')
@allowed([
  'global'
  'westeurope'
])
param location string

@description('Tags on the bot resource.')
param tags object

@description('Resource name of the bot; globally unique.')
param name string

@description('Pricing tier: F0 (free) or S1 (standard).')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Display name of the bot.')
@maxLength(42)
param displayName string

@description('Client id of the bot\'s single-tenant Entra app.')
param appId string

@description('Tenant id of the bot\'s Entra app.')
param tenantId string

@description('Messaging endpoint: https://<host>/api/messages.')
param endpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Resource name of the bot.')
output name string = bot.name
