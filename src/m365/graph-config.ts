/**
 * The settings the Microsoft 365 adapters read, as plain values. The server's AppConfig satisfies it
 * structurally, so src/m365 never imports src/server.
 */
export interface GraphConfig {
  authMode: 'local' | 'entra';
  aad: {
    clientId: string;
    clientSecret: string | undefined;
    tenantId: string;
    allowedTenants: string[];
    authorityHost: string;
  } | null;
  graphBaseUrl: string;
  /** The Teams app's id in the tenant's app catalog; null: the app is not installed through Graph. */
  teamsAppCatalogId: string | null;
}
