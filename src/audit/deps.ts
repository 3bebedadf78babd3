import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * What the audit routes need from the composition root, and nothing more. The server's AppDeps satisfies it
 * structurally, so audit never imports src/server.
 */
export interface AuditDeps {
  db: Kysely<Database>;
  now: () => Date;
}
