import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** What the continuity capability needs from the composition root. */
export interface ContinuityDeps {
  db: Kysely<Database>;
  now: () => Date;
}
