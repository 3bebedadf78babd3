import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas, joinableCommunities } from '../../setup/index.js';
import type { CreatePerson, PersonDetail, PersonSummary, UpdatePerson } from '../schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A person row with what coverage and representativeness need besides the summary. */
export interface PersonRow extends PersonSummary {
  ageBand: PersonDetail['ageBand'];
  gender: PersonDetail['gender'];
}

async function communitiesOf(
  db: Executor,
  personIds: string[],
): Promise<Map<string, PersonSummary['communities']>> {
  const byPerson = new Map<string, PersonSummary['communities']>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('person_communities')
    .innerJoin(joinableCommunities(db).as('communities'), 'communities.id', 'person_communities.community_id')
    .select(['person_communities.person_id', 'communities.id', 'communities.name', 'communities.category'])
    .where('person_communities.person_id', 'in', personIds)
    .orderBy('communities.name')
    .execute();
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push({ id: row.id, name: row.name, category: row.category });
    byPerson.set(row.person_id, list);
  }
  return byPerson;
}

async function readPeople(
  db: Executor,
  filter: { networkId: string } | { personIds: string[] },
): Promise<PersonRow[]> {
  let query = db
    .selectFrom('people')
    .leftJoin(joinableAreas(db).as('areas'), 'areas.id', 'people.neighbourhood_id')
    .select([
      'people.id',
      'people.display_name as displayName',
      'people.kind',
      'people.is_professional as isProfessional',
      'people.age_band as ageBand',
      'people.gender',
      'areas.id as neighbourhoodId',
      'areas.name as neighbourhoodName',
    ]);
  if ('networkId' in filter) {
    const networkId = filter.networkId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('network_people')
          .select('person_id')
          .whereRef('person_id', '=', 'people.id')
          .where('network_id', '=', networkId),
      ),
    );
  } else {
    if (filter.personIds.length === 0) return [];
    query = query.where('people.id', 'in', filter.personIds);
  }
  const rows = await query.orderBy('people.display_name').execute();
  const communities = await communitiesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map(({ neighbourhoodId, neighbourhoodName, ...row }) => ({
    ...row,
    neighbourhood:
      neighbourhoodId && neighbourhoodName ? { id: neighbourhoodId, name: neighbourhoodName } : null,
    communities: communities.get(row.id) ?? [],
  }));
}

/** Everyone in a network, without contact data. */
export function readPeopleOfNetwork(db: Executor, networkId: string): Promise<PersonRow[]> {
  return readPeople(db, { networkId });
}

/** These people, without contact data, by name. */
export function readPeopleByIds(db: Executor, personIds: string[]): Promise<PersonRow[]> {
  return readPeople(db, { personIds });
}

/** For each person, the networks among `networkIds` they belong to. */
export async function readMemberships(db: Executor, personIds: string[], networkIds: string[]) {
  const byPerson = new Map<string, { id: string; name: string }[]>();
  if (personIds.length === 0 || networkIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('network_people')
    .innerJoin('networks', 'networks.id', 'network_people.network_id')
    .select(['network_people.person_id', 'networks.id', 'networks.name'])
    .where('network_people.person_id', 'in', personIds)
    .where('network_people.network_id', 'in', networkIds)
    .orderBy('networks.name')
    .execute();
  for (const row of rows)
    byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), { id: row.id, name: row.name }]);
  return byPerson;
}

/** One person with everything we hold; undefined when there is none. */
export async function readPersonDetail(
  db: Executor,
  personId: string,
): Promise<(PersonDetail & { municipalityId: string }) | undefined> {
  const row = await db
    .selectFrom('people')
    .leftJoin(joinableAreas(db).as('areas'), 'areas.id', 'people.neighbourhood_id')
    .selectAll('people')
    .select(['areas.name as neighbourhoodName'])
    .where('people.id', '=', personId)
    // An erased person is a tombstone without data: no API answer shows it (issue 18).
    .where('people.erased_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const [communities, networks] = await Promise.all([
    communitiesOf(db, [personId]),
    db
      .selectFrom('network_people')
      .innerJoin('networks', 'networks.id', 'network_people.network_id')
      .select(['networks.id', 'networks.name'])
      .where('network_people.person_id', '=', personId)
      .orderBy('networks.name')
      .execute(),
  ]);
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    displayName: row.display_name,
    kind: row.kind,
    isProfessional: row.is_professional,
    neighbourhood:
      row.neighbourhood_id && row.neighbourhoodName
        ? { id: row.neighbourhood_id, name: row.neighbourhoodName }
        : null,
    communities: communities.get(personId) ?? [],
    networks,
    mobile: row.mobile,
    email: row.email,
    following: row.following,
    preferredChannel: row.preferred_channel,
    languages: row.languages,
    availability: row.availability,
    ageBand: row.age_band,
    gender: row.gender,
    legalBasis: row.legal_basis,
    consentDate: row.consent_date,
    consentWithdrawnOn: row.consent_withdrawn_on,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

type PersonColumns = Partial<Omit<CreatePerson, 'communityIds'>>;

function toColumns(fields: PersonColumns) {
  const columns: Record<string, unknown> = {};
  const map: [keyof PersonColumns, string][] = [
    ['displayName', 'display_name'],
    ['kind', 'kind'],
    ['isProfessional', 'is_professional'],
    ['neighbourhoodId', 'neighbourhood_id'],
    ['mobile', 'mobile'],
    ['email', 'email'],
    ['following', 'following'],
    ['preferredChannel', 'preferred_channel'],
    ['languages', 'languages'],
    ['availability', 'availability'],
    ['ageBand', 'age_band'],
    ['gender', 'gender'],
    ['legalBasis', 'legal_basis'],
    ['consentDate', 'consent_date'],
  ];
  for (const [field, column] of map) if (fields[field] !== undefined) columns[column] = fields[field];
  return columns;
}

/** Inserts a person into a network; returns the new id. */
export async function insertPerson(
  tx: Transaction<Database>,
  municipalityId: string,
  networkId: string,
  person: CreatePerson,
): Promise<string> {
  const { communityIds, ...fields } = person;
  const { id } = await tx
    .insertInto('people')
    .values({
      municipality_id: municipalityId,
      display_name: person.displayName,
      kind: person.kind,
      ...toColumns(fields),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('network_people').values({ network_id: networkId, person_id: id }).execute();
  await replacePersonCommunities(tx, id, communityIds);
  return id;
}

/** Applies a change if `version` is still current; returns false when someone else changed the person first. */
export async function updatePersonRow(
  tx: Transaction<Database>,
  personId: string,
  change: UpdatePerson,
  now: Date,
): Promise<boolean> {
  const { version, communityIds, ...fields } = change;
  const result = await tx
    .updateTable('people')
    .set({ ...toColumns(fields), version: version + 1, updated_at: now })
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  if (communityIds !== undefined) await replacePersonCommunities(tx, personId, communityIds);
  return true;
}

async function replacePersonCommunities(
  tx: Transaction<Database>,
  personId: string,
  communityIds: string[],
): Promise<void> {
  await tx.deleteFrom('person_communities').where('person_id', '=', personId).execute();
  if (communityIds.length > 0) {
    await tx
      .insertInto('person_communities')
      .values(
        [...new Set(communityIds)].map((communityId) => ({ person_id: personId, community_id: communityId })),
      )
      .execute();
  }
}

/** The current kind and professional flag of a person, locked for the rest of the transaction. */
export async function lockPerson(
  tx: Transaction<Database>,
  personId: string,
): Promise<{ kind: PersonDetail['kind']; isProfessional: boolean; municipalityId: string } | undefined> {
  return tx
    .selectFrom('people')
    .select(['kind', 'is_professional as isProfessional', 'municipality_id as municipalityId'])
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

/** Adds a person to a network unless they are in it already. */
export async function addPersonToNetwork(
  tx: Transaction<Database>,
  networkId: string,
  personId: string,
): Promise<void> {
  await tx
    .insertInto('network_people')
    .values({ network_id: networkId, person_id: personId })
    .onConflict((oc) => oc.columns(['network_id', 'person_id']).doNothing())
    .execute();
}

/** Makes a person an ally with the consent the home visit recorded; bumps the version. */
export async function markPersonAlly(
  tx: Transaction<Database>,
  personId: string,
  consent: { consentDate: string | null; legalBasis: PersonDetail['legalBasis'] | null },
  now: Date,
): Promise<void> {
  await tx
    .updateTable('people')
    .set((eb) => ({
      kind: 'ally',
      ...(consent.consentDate ? { consent_date: consent.consentDate } : {}),
      ...(consent.legalBasis ? { legal_basis: consent.legalBasis } : {}),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', personId)
    .execute();
}
