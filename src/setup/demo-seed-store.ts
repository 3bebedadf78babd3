import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type {
  AreasTable,
  CommunitiesTable,
  MunicipalitiesTable,
  NeighbourhoodCommunitiesTable,
  OrganisationsTable,
  RelationTypesTable,
} from './db-schema.js';

/**
 * Seed-only writes of setup's tables: the fictional demo municipality (src/server/seed/seed-demo.ts), in the
 * seed's one transaction. The app's own operations go through municipality-store.ts and the other stores.
 */
type Tx = Transaction<Database>;

/** The gemeentecodes of every municipality already in the database. */
export async function readMunicipalityCodes(tx: Tx): Promise<string[]> {
  const rows = await tx.selectFrom('municipalities').select('cbs_code').execute();
  return rows.map((row) => row.cbs_code);
}

export async function insertSeedMunicipality(
  tx: Tx,
  values: Insertable<MunicipalitiesTable>,
): Promise<string> {
  const { id } = await tx
    .insertInto('municipalities')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertSeedArea(tx: Tx, values: Insertable<AreasTable>): Promise<string> {
  const { id } = await tx.insertInto('areas').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertSeedAreas(tx: Tx, rows: Insertable<AreasTable>[]) {
  return tx.insertInto('areas').values(rows).returning(['id', 'name']).execute();
}

export async function insertSeedCommunities(tx: Tx, rows: Insertable<CommunitiesTable>[]) {
  return tx.insertInto('communities').values(rows).returning(['id', 'name']).execute();
}

export async function insertSeedOrganisations(tx: Tx, rows: Insertable<OrganisationsTable>[]): Promise<void> {
  await tx.insertInto('organisations').values(rows).execute();
}

export async function insertSeedRelationTypes(tx: Tx, rows: Insertable<RelationTypesTable>[]): Promise<void> {
  await tx.insertInto('relation_types').values(rows).execute();
}

export async function insertSeedNeighbourhoodCommunities(
  tx: Tx,
  rows: Insertable<NeighbourhoodCommunitiesTable>[],
): Promise<void> {
  await tx.insertInto('neighbourhood_communities').values(rows).execute();
}

/** The municipality's organisations and relation types by name, for the demo relations. */
export async function readSeedCatalogue(tx: Tx, municipalityId: string) {
  const [organisations, relationTypes] = await Promise.all([
    tx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
    tx
      .selectFrom('relation_types')
      .select(['id', 'label'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
  ]);
  return { organisations, relationTypes };
}
