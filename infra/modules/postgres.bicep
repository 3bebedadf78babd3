// Azure Database for PostgreSQL Flexible Server (PostgreSQL 16) holding the database "bondgenoten".
// Public access limited to Azure services, TLS required; see docs/deploy.md for private networking instead.

@description('Region of the server.')
param location string

@description('Tags on the server.')
param tags object

@description('Server name; also the first label of <name>.postgres.database.azure.com.')
param serverName string

@description('Administrator login (not azure_superuser, admin, administrator, root, guest or public).')
param adminLogin string

@description('Administrator password.')
@secure()
param adminPassword string

@description('Compute tier.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

@description('Compute size matching the tier.')
param skuName string = 'Standard_B1ms'

@description('Storage in GB.')
param storageSizeGB int = 32

@description('Days of point-in-time restore.')
@minValue(7)
@maxValue(35)
param backupRetentionDays int = 14

@description('Geo-redundant backups to the paired region; fixed once the server exists.')
@allowed([
  'Enabled'
  'Disabled'
])
param geoRedundantBackup string = 'Disabled'

@description('High availability; ZoneRedundant and SameZone need the GeneralPurpose or MemoryOptimized tier.')
@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param highAvailability string = 'Disabled'

@description('Name of the application database.')
param databaseName string = 'bondgenoten'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup
    }
    highAvailability: {
      mode: highAvailability
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// The child resources below are chained with dependsOn: the server accepts one change at a time.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

resource minimumTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    requireTls
  ]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    minimumTls
  ]
}

// 0.0.0.0–0.0.0.0 is Azure's convention for "allow connections from Azure services", which includes the
// App Service. Replace it with VNet integration and a private endpoint where policy requires (docs/deploy.md).
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    database
  ]
}

@description('Name of the server.')
output serverName string = server.name

@description('Host name clients connect to.')
output fqdn string = server.properties.fullyQualifiedDomainName

@description('Name of the application database.')
output databaseName string = database.name
