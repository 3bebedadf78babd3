/** The bot's identity from the configuration (BOT_ID, BOT_PASSWORD, BOT_TYPE, BOT_TENANT_ID), as plain values. */
export interface BotCredentials {
  appId: string;
  password: string | undefined;
  type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
  /** The app's bots in other tenants (BOT_TENANT_BOTS); see src/teams/tenant-bots.ts. */
  tenantBots?: { tenantId: string; appId: string; password: string; catalogAppId?: string | undefined }[];
}
