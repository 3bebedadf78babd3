import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * What the local mailbox routes need from the composition root, and nothing more. The server's AppDeps
 * satisfies it structurally, so mail never imports src/server.
 */
export interface MailDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Plain values from the configuration: the local mailbox exists only with local sign-in. */
  config: { authMode: 'local' | 'entra' };
  /**
   * The calendar events of the call-out meetings a staff member organises (they see those invitations in the
   * local outbox): call-outs' table, read through its public API by src/server/compose.ts, because call-outs
   * imports mail (the mail port) and mail may not import call-outs back.
   */
  organisedCallOutEventIds: OrganisedCallOutEventIds;
}

/** Reads the event ids of the call-out meetings `userId` organises. */
export type OrganisedCallOutEventIds = (db: Kysely<Database>, userId: string) => Promise<string[]>;
