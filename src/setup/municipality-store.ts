import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CreateMunicipality, Municipality, UpdateMunicipality } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

const columns = [
  'id',
  'name',
  'cbs_code as cbsCode',
  'school_holiday_region as schoolHolidayRegion',
  'latitude',
  'longitude',
] as const;

/** Every municipality of the deployment, by name. */
export async function readMunicipalities(db: Executor): Promise<Municipality[]> {
  return db.selectFrom('municipalities').select(columns).orderBy('name').execute();
}

/** One municipality, if it exists. */
export async function readMunicipality(db: Executor, id: string): Promise<Municipality | undefined> {
  return db.selectFrom('municipalities').select(columns).where('id', '=', id).executeTakeFirst();
}

/**
 * Locks a municipality's row for the rest of the transaction, so that changes another capability keys on the
 * municipality (e.g. call-outs replacing its crisis team) run one after the other; false when there is no such
 * municipality.
 */
export async function lockMunicipality(tx: Transaction<Database>, id: string): Promise<boolean> {
  const row = await tx
    .selectFrom('municipalities')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** True when another municipality has this gemeentecode. */
export async function gemeentecodeTaken(db: Executor, cbsCode: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('municipalities').select('id').where('cbs_code', '=', cbsCode);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts a municipality; undefined when the gemeentecode was taken meanwhile (unique key). */
export async function insertMunicipality(
  tx: Transaction<Database>,
  input: CreateMunicipality,
): Promise<Municipality | undefined> {
  return tx
    .insertInto('municipalities')
    .values({
      name: input.name,
      cbs_code: input.cbsCode,
      school_holiday_region: input.schoolHolidayRegion,
      latitude: input.latitude,
      longitude: input.longitude,
    })
    .onConflict((conflict) => conflict.column('cbs_code').doNothing())
    .returning(columns)
    .executeTakeFirst();
}

/** Changes the given fields; undefined when there is no such municipality. */
export async function updateMunicipalityRow(
  tx: Transaction<Database>,
  id: string,
  change: UpdateMunicipality,
): Promise<Municipality | undefined> {
  const values = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.cbsCode !== undefined ? { cbs_code: change.cbsCode } : {}),
    ...(change.schoolHolidayRegion !== undefined
      ? { school_holiday_region: change.schoolHolidayRegion }
      : {}),
    ...(change.latitude !== undefined ? { latitude: change.latitude } : {}),
    ...(change.longitude !== undefined ? { longitude: change.longitude } : {}),
  };
  if (Object.keys(values).length === 0) return readMunicipality(tx, id);
  return tx
    .updateTable('municipalities')
    .set(values)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

/** Sets a municipality's school holiday region (meetings' school holidays); false when there is no such municipality. */
export async function updateSchoolHolidayRegion(
  tx: Transaction<Database>,
  municipalityId: string,
  region: 'noord' | 'midden' | 'zuid' | null,
): Promise<boolean> {
  const result = await tx
    .updateTable('municipalities')
    .set({ school_holiday_region: region })
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Sets a municipality's ally limits (network management); false when there is no such municipality. */
export async function updateAllyLimits(
  tx: Transaction<Database>,
  municipalityId: string,
  soft: number,
  hard: number,
): Promise<boolean> {
  const result = await tx
    .updateTable('municipalities')
    .set({ ally_soft_limit: soft, ally_hard_limit: hard })
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
