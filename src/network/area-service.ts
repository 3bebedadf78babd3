import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { buildAreaOverview } from './area-overview.js';
import { readAreaRows, readCallerNetworkFacts } from './area-store.js';
import type { AreaOverview } from './schemas.js';

/** The area overview as the given user may see it: ally counts only where they hold a role. */
export async function getAreaOverview(db: Kysely<Database>, userId: string): Promise<AreaOverview> {
  const [rows, facts] = await Promise.all([readAreaRows(db), readCallerNetworkFacts(db, userId)]);
  return buildAreaOverview(rows, facts);
}
