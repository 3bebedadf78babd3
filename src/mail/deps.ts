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
}
