import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * What the setup routes need from the composition root, and nothing more. The server's AppDeps satisfies it
 * structurally, so setup never imports src/server.
 */
export interface SetupDeps {
  db: Kysely<Database>;
  now: () => Date;
}
