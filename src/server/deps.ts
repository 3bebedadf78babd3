import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Authenticator } from '../identity/authenticate.js';
import type { Directory } from '../m365/directory.js';
import type { AppConfig } from './config.js';

/** What the composition root hands to every capability's routes. */
export interface AppDeps {
  config: AppConfig;
  db: Kysely<Database>;
  /** The handle behind `db`: engine, migrations, closing. */
  database: DatabaseHandle;
  logger: Logger;
  authenticate: Authenticator;
  /** Finds colleagues to add as staff: Microsoft Graph in Entra mode, the demo staff table locally. */
  directory: Directory;
  now: () => Date;
}
