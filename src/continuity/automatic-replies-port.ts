/**
 * Outlook's automatic replies of one staff member, as continuity needs them to suggest an absence period: read,
 * never written, and never the reply texts (they may say where someone is and why).
 */
export type AutomaticReplies =
  /** No automatic replies, or switched on without an end: nothing to take over. */
  | { state: 'off' }
  | { state: 'always' }
  /** Scheduled: the period's start and end as instants. */
  | { state: 'scheduled'; start: Date; end: Date }
  /**
   * The mailbox cannot be read: there is no mailbox, the tenant consented to the app but has not granted
   * MailboxSettings.Read, or the time zone of the period is one we cannot read.
   */
  | { state: 'unavailable'; reason: 'no-mailbox' | 'not-permitted' | 'time-zone' }
  /**
   * Nothing was read because the person's tenant is not one the app serves (AAD_ALLOWED_TENANTS; nothing was
   * asked of Microsoft 365), or because that tenant's administrator has not consented to the app (Entra refused
   * the app-only token there).
   */
  | { state: 'refused'; reason: 'tenant-not-allowed' | 'tenant-not-consented' };

/**
 * Reads a staff member's Outlook automatic replies (Microsoft Graph mailboxSettings in Entra mode), in the
 * staff member's own tenant.
 */
export interface AutomaticRepliesPort {
  read(user: { tenantId: string; aadObjectId: string }): Promise<AutomaticReplies>;
}
