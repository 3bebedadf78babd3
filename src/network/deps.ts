import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * What the network routes need from the composition root, and nothing more. The server's AppDeps satisfies it
 * structurally, so network never imports src/server.
 */
export interface NetworkDeps {
  db: Kysely<Database>;
  now: () => Date;
}
