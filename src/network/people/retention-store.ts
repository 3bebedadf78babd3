import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { addDays, startOfLocalDate } from '../../platform/time.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The candidates of the retention kind `key-figures-inactive` in one municipality: current key figures and
 * allies, not erased, recorded on or before the local day `recordedOnOrBefore` (someone recorded later has not
 * had the time to be inactive). Privacy takes away those the other capabilities saw active. Ids only.
 */
export async function readInactivityCandidates(
  db: Executor,
  municipalityId: string,
  recordedOnOrBefore: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', 'in', ['key_figure', 'ally'])
    .where('erased_at', 'is', null)
    .where('created_at', '<', new Date(startOfLocalDate(addDays(recordedOnOrBefore, 1))))
    .execute();
  return rows.map((row) => row.id);
}

/** Every network of one municipality, archived ones included (their meetings hold records too). Ids only. */
export async function readMunicipalityNetworkIds(db: Executor, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('networks')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .execute();
  return rows.map((row) => row.id);
}
