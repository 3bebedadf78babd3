import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NetworkStatus } from '../../platform/db/schema.js';
import { joinableAreas, joinableCommunities, joinableMunicipalities } from '../../setup/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The municipality an area belongs to, if the area exists and is not archived (new networks only get active areas). */
export async function readAreaMunicipality(db: Executor, areaId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom(joinableAreas(db).as('areas'))
    .select('municipality_id')
    .where('id', '=', areaId)
    .where('archived', '=', false)
    .executeTakeFirst();
  return row?.municipality_id;
}

const networkColumns = ['id', 'name', 'status', 'founded_on as foundedOn', 'area_id as areaId'] as const;

/** Inserts a network; its municipality is the area's, so a network can never cross a municipal border. */
export async function insertNetwork(
  tx: Transaction<Database>,
  values: {
    municipalityId: string;
    areaId: string;
    name: string;
    status: NetworkStatus;
    foundedOn: string | null;
  },
) {
  return tx
    .insertInto('networks')
    .values({
      municipality_id: values.municipalityId,
      area_id: values.areaId,
      name: values.name,
      status: values.status,
      founded_on: values.foundedOn,
    })
    .returning(networkColumns)
    .executeTakeFirstOrThrow();
}

/** Changes a network's name, status or founding date; undefined when there is no such network. */
export async function updateNetworkRow(
  tx: Transaction<Database>,
  networkId: string,
  change: {
    name?: string | undefined;
    status?: NetworkStatus | undefined;
    foundedOn?: string | null | undefined;
  },
) {
  const set: { name?: string; status?: NetworkStatus; founded_on?: string | null } = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.status !== undefined) set.status = change.status;
  if (change.foundedOn !== undefined) set.founded_on = change.foundedOn;
  if (Object.keys(set).length === 0)
    return tx.selectFrom('networks').select(networkColumns).where('id', '=', networkId).executeTakeFirst();
  return tx
    .updateTable('networks')
    .set(set)
    .where('id', '=', networkId)
    .returning(networkColumns)
    .executeTakeFirst();
}

/** Every network of the municipality, archived ones included, with its area's name and kind (no personal data). */
export async function readManagedNetworks(db: Executor, municipalityId: string) {
  return db
    .selectFrom('networks')
    .innerJoin(joinableAreas(db).as('areas'), 'areas.id', 'networks.area_id')
    .select([
      'networks.id',
      'networks.name',
      'networks.status',
      'networks.founded_on as foundedOn',
      'networks.area_id as areaId',
      'areas.name as areaName',
      'areas.kind as areaKind',
    ])
    .where('networks.municipality_id', '=', municipalityId)
    .orderBy('networks.name')
    .execute();
}

/** The municipality's ally limits; undefined when there is no such municipality. */
export async function readAllyLimits(db: Executor, municipalityId: string) {
  return db
    .selectFrom(joinableMunicipalities(db).as('municipalities'))
    .select(['ally_soft_limit as allySoftLimit', 'ally_hard_limit as allyHardLimit'])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
}

/** Whether another network of the municipality already has this name. */
export async function networkNameTaken(
  db: Executor,
  municipalityId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('networks')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const communityColumns = ['id', 'name', 'category', 'traditions', 'archived'] as const;

/** Every community of the municipality, archived ones included. */
export async function readManagedCommunities(db: Executor, municipalityId: string) {
  return (
    db
      .selectFrom(joinableCommunities(db).as('communities'))
      .select(communityColumns)
      .where('municipality_id', '=', municipalityId)
      // Faith communities first: they are the ones whose observances the planner needs.
      .orderBy(sql`array_position(array['religion', 'origin', 'group']::text[], category)`)
      .orderBy('name')
      .execute()
  );
}

/** Whether another community of the municipality already has this name. */
export async function communityNameTaken(
  db: Executor,
  municipalityId: string,
  name: string,
  exceptId: string,
) {
  const row = await db
    .selectFrom(joinableCommunities(db).as('communities'))
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A network's municipality, status and area, if it exists (what a change is checked against). */
export async function readNetworkPlacement(db: Executor, networkId: string) {
  return db
    .selectFrom('networks')
    .select(['municipality_id', 'status', 'area_id'])
    .where('id', '=', networkId)
    .executeTakeFirst();
}

/** Whether a municipality with this id exists. */
export async function municipalityExists(db: Executor, municipalityId: string): Promise<boolean> {
  const row = await db
    .selectFrom(joinableMunicipalities(db).as('municipalities'))
    .select('id')
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return row !== undefined;
}
