import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PersonDetail } from '../schemas.js';

/*
 * Look-ups of people by id, network or municipality: the small reads other capabilities and network's own
 * services need (names, memberships, states, who may be invited), apart from the person records and their
 * changes in people-store.ts.
 */

type Executor = Kysely<Database> | Transaction<Database>;

/** How many allies each of these networks has now. */
export async function countAllies(db: Executor, networkIds: string[]): Promise<Map<string, number>> {
  if (networkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('network_people')
    .innerJoin('people', 'people.id', 'network_people.person_id')
    .select((eb) => ['network_people.network_id', eb.fn.countAll<string>().as('allies')])
    .where('network_people.network_id', 'in', networkIds)
    .where('people.kind', '=', 'ally')
    .groupBy('network_people.network_id')
    .execute();
  return new Map(rows.map((row) => [row.network_id, Number(row.allies)]));
}

/** The names of these people, for other capabilities (a call-out's preview); no contact data. */
export async function readPersonNames(
  db: Executor,
  personIds: readonly string[],
): Promise<{ id: string; displayName: string }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'display_name as displayName'])
    .where('id', 'in', [...personIds])
    .execute();
}

/** The networks a person belongs to, for identity's permission check on a person (no personal data). */
export async function readPersonNetworkIds(db: Executor, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('network_people')
    .select('network_id')
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => row.network_id);
}

/** The people in any of these networks, by id. */
export async function readPersonIdsInNetworks(db: Executor, networkIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('network_people')
    .select('person_id')
    .where('network_id', 'in', networkIds)
    .execute();
  return rows.map((row) => row.person_id);
}

/** The municipality a person is recorded in, if the person exists. */
export async function readPersonMunicipality(db: Executor, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('municipality_id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.municipality_id;
}

/** The people of a network, by id (meetings: who may attend or own an action). */
export async function readNetworkPersonIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('network_people')
    .select('person_id')
    .where('network_id', '=', networkId)
    .execute();
  return rows.map((row) => row.person_id);
}

/** Name, kind and version of these people (the evaluation links a "goodbye" to the farewell with the version). */
export async function readPeopleStates(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'display_name as displayName', 'kind', 'version'])
    .where('id', 'in', personIds)
    .execute();
}

/** Every person of a municipality with what matching compares (name, wijk, contact data); for selection. */
export async function readMatchablePeople(
  db: Executor,
  municipalityId: string,
): Promise<
  {
    id: string;
    displayName: string;
    kind: PersonDetail['kind'];
    neighbourhoodId: string | null;
    mobile: string | null;
    email: string | null;
  }[]
> {
  return db
    .selectFrom('people')
    .select([
      'id',
      'display_name as displayName',
      'kind',
      'neighbourhood_id as neighbourhoodId',
      'mobile',
      'email',
    ])
    .where('municipality_id', '=', municipalityId)
    .orderBy('display_name')
    .execute();
}

/**
 * The allies of a network who may be invited (meetings): no withdrawn consent, not erased; in a stable order
 * (name, then id).
 */
export async function readInvitableAllies(
  db: Executor,
  networkId: string,
): Promise<{ personId: string; displayName: string; email: string | null }[]> {
  return (
    db
      .selectFrom('network_people')
      .innerJoin('people', 'people.id', 'network_people.person_id')
      .select(['people.id as personId', 'people.display_name as displayName', 'people.email'])
      .where('network_people.network_id', '=', networkId)
      .where('people.kind', '=', 'ally')
      // Withdrawn consent or an erasure takes a person off call lists and invitations at once (issue 18).
      .where('people.consent_withdrawn_on', 'is', null)
      .where('people.erased_at', 'is', null)
      .orderBy('people.display_name')
      .orderBy('people.id')
      .execute()
  );
}

/** The communities the people of a network belong to, by id, once each. */
export async function readNetworkCommunityIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('network_people')
    .innerJoin('person_communities', 'person_communities.person_id', 'network_people.person_id')
    .select('person_communities.community_id')
    .distinct()
    .where('network_people.network_id', '=', networkId)
    .execute();
  return rows.map((row) => row.community_id);
}
