import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** What selection needs from the composition root (AppDeps satisfies it structurally). */
export interface SelectionDeps {
  db: Kysely<Database>;
  now: () => Date;
}
