import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../platform/db/schema.js';

/** What the signals capability needs from the composition root (AppDeps satisfies it structurally). */
export interface SignalsDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Logger;
  /** Plain values from the configuration. */
  config: { publicUrl: string };
}
