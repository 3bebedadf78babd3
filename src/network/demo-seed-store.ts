import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { NetworksTable, PeopleTable, PersonCommunitiesTable, RelationsTable } from './db-schema.js';

/**
 * Seed-only writes and reads of network's tables: the demo networks, people and relations
 * (src/server/seed/seed-demo.ts), in the seed's one transaction.
 */
type Tx = Transaction<Database>;

export async function insertSeedNetwork(tx: Tx, values: Insertable<NetworksTable>): Promise<string> {
  const { id } = await tx.insertInto('networks').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Adds a person to a network (a row in `people` and one in `network_people`). */
export async function insertSeedPerson(
  tx: Tx,
  networkId: string,
  values: Insertable<PeopleTable>,
): Promise<string> {
  const { id: personId } = await tx
    .insertInto('people')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('network_people').values({ network_id: networkId, person_id: personId }).execute();
  return personId;
}

export async function insertSeedPersonCommunities(
  tx: Tx,
  rows: Insertable<PersonCommunitiesTable>[],
): Promise<void> {
  await tx.insertInto('person_communities').values(rows).execute();
}

export async function insertSeedRelations(tx: Tx, rows: Insertable<RelationsTable>[]): Promise<void> {
  await tx.insertInto('relations').values(rows).execute();
}

/** The municipality's people by name. */
export async function readSeedPeople(tx: Tx, municipalityId: string) {
  return tx
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('municipality_id', '=', municipalityId)
    .execute();
}

/** The people of one network by name. */
export async function readSeedNetworkPeople(tx: Tx, networkId: string) {
  return tx
    .selectFrom('people')
    .innerJoin('network_people', 'network_people.person_id', 'people.id')
    .select(['people.id', 'people.display_name'])
    .where('network_people.network_id', '=', networkId)
    .execute();
}

/** The id of the network with this name. */
export async function readSeedNetworkId(tx: Tx, name: string): Promise<string> {
  const { id } = await tx
    .selectFrom('networks')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return id;
}
