import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../platform/db/schema.js';
import type { PersonDataHolder } from './registry.js';

/**
 * What the privacy capability needs from the composition root: the database, the clock, a logger and the
 * holders every capability with personal data plugs in (src/server/compose.ts builds the list).
 */
export interface PrivacyDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Logger;
  personDataHolders: readonly PersonDataHolder[];
  /** The Microsoft 365 tenants whose staff sign in (the register's recipients); empty on a local run. */
  tenants?: readonly string[];
}
