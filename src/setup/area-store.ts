import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { SetupUsageTables } from './deps.js';
import type { ManagedArea } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

const columns = ['id', 'kind', 'name', 'parent_id as parentId', 'cbs_code as cbsCode', 'archived'] as const;

/** Every district and wijk of a municipality, archived ones included: districts first, then by name. */
export async function readManagedAreas(db: Executor, municipalityId: string): Promise<ManagedArea[]> {
  return db
    .selectFrom('areas')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

/** One area of a municipality, if it exists there. */
export async function readManagedArea(
  db: Executor,
  municipalityId: string,
  areaId: string,
): Promise<ManagedArea | undefined> {
  return db
    .selectFrom('areas')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', areaId)
    .executeTakeFirst();
}

/** Every wijkcode in use, in any municipality (CBS codes are unique nationally). */
export async function readUsedWijkcodes(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('areas').select('cbs_code').where('cbs_code', 'is not', null).execute();
  return new Set(rows.map((row) => row.cbs_code ?? ''));
}

/** True when another area of the same kind in the municipality has this name. */
export async function areaNameTaken(
  db: Executor,
  municipalityId: string,
  kind: 'district' | 'neighbourhood',
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('areas')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** True when another area has this wijkcode. */
export async function wijkcodeTaken(db: Executor, cbsCode: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('areas').select('id').where('cbs_code', '=', cbsCode);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts an area. */
export async function insertArea(
  tx: Transaction<Database>,
  values: {
    municipalityId: string;
    kind: 'district' | 'neighbourhood';
    name: string;
    parentId: string | null;
    cbsCode: string | null;
  },
): Promise<ManagedArea> {
  return tx
    .insertInto('areas')
    .values({
      municipality_id: values.municipalityId,
      kind: values.kind,
      name: values.name,
      parent_id: values.parentId,
      cbs_code: values.cbsCode,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** Changes the given fields of an area. */
export async function updateAreaRow(
  tx: Transaction<Database>,
  areaId: string,
  change: { name?: string; parentId?: string; cbsCode?: string | null; archived?: boolean },
): Promise<ManagedArea> {
  const values = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.parentId !== undefined ? { parent_id: change.parentId } : {}),
    ...(change.cbsCode !== undefined ? { cbs_code: change.cbsCode } : {}),
    ...(change.archived !== undefined ? { archived: change.archived } : {}),
  };
  if (Object.keys(values).length === 0)
    return tx.selectFrom('areas').select(columns).where('id', '=', areaId).executeTakeFirstOrThrow();
  return tx
    .updateTable('areas')
    .set(values)
    .where('id', '=', areaId)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** What uses an area: the reasons it cannot be deleted (counts only; no names of people). */
export interface AreaUses {
  networks: number;
  people: number;
  callOuts: number;
  wijken: number;
}

/**
 * Counts the networks, people, call-outs and (for a district) wijken that name this area, in one query; the
 * other capabilities' tables come as their owners' sub-queries (`tables`, see SetupUsageTables).
 */
export async function countAreaUses(
  db: Executor,
  tables: SetupUsageTables,
  areaId: string,
): Promise<AreaUses> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom(tables.networks(db).as('n'))
        .select((c) => c.fn.countAll().as('n'))
        .where('n.area_id', '=', areaId)
        .as('networks'),
      eb
        .selectFrom(tables.people(db).as('p'))
        .select((c) => c.fn.countAll().as('n'))
        .where('p.neighbourhood_id', '=', areaId)
        .as('people'),
      eb
        .selectFrom(tables.callOutPlaces(db).as('cp'))
        .select((c) => c.fn.countAll().as('n'))
        .where('cp.area_id', '=', areaId)
        .as('callOuts'),
      eb
        .selectFrom('areas')
        .select((c) => c.fn.countAll().as('n'))
        .where('parent_id', '=', areaId)
        .as('wijken'),
    ])
    .executeTakeFirst();
  return {
    networks: Number(row?.networks ?? 0),
    people: Number(row?.people ?? 0),
    callOuts: Number(row?.callOuts ?? 0),
    wijken: Number(row?.wijken ?? 0),
  };
}

/** Counts the active wijken of a district. */
export async function countActiveWijken(db: Executor, districtId: string): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('parent_id', '=', districtId)
    .where('archived', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes an area that nothing uses (the caller checked; the foreign keys refuse it otherwise). */
export async function deleteAreaRow(tx: Transaction<Database>, areaId: string): Promise<void> {
  // Relevance marks of a wijk are configuration, not use: they go with it.
  await tx.deleteFrom('neighbourhood_communities').where('area_id', '=', areaId).execute();
  await tx.deleteFrom('areas').where('id', '=', areaId).execute();
}

/** Locks an area row for the rest of the transaction, so no network or person starts using it meanwhile. */
export async function lockArea(tx: Transaction<Database>, areaId: string): Promise<void> {
  await tx.selectFrom('areas').select('id').where('id', '=', areaId).forUpdate().execute();
}
