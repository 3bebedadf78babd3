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
   * The mailbox cannot be read: the person's mailbox lives in another tenant (the app reads only the home
   * tenant's), there is no mailbox, the tenant has not granted MailboxSettings.Read, or the time zone of the
   * period is one we cannot read.
   */
  | { state: 'unavailable'; reason: 'other-tenant' | 'no-mailbox' | 'not-permitted' | 'time-zone' };

/** Reads a staff member's Outlook automatic replies (Microsoft Graph mailboxSettings in Entra mode). */
export interface AutomaticRepliesPort {
  read(user: { tenantId: string; aadObjectId: string }): Promise<AutomaticReplies>;
}
