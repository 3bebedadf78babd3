import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableAreas, joinableCommunities } from '../../setup/index.js';
import type { PersonDetail } from '../schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A person of a network with everything the export and the crisis sheet show, names instead of ids. */
export interface PersonWithContacts
  extends Pick<
    PersonDetail,
    | 'displayName'
    | 'kind'
    | 'isProfessional'
    | 'mobile'
    | 'email'
    | 'following'
    | 'preferredChannel'
    | 'languages'
    | 'availability'
    | 'ageBand'
    | 'gender'
    | 'legalBasis'
    | 'consentDate'
  > {
  id: string;
  neighbourhood: string | null;
  communities: string[];
}

async function communityNames(db: Executor, personIds: string[]): Promise<Map<string, string[]>> {
  const byPerson = new Map<string, string[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('person_communities')
    .innerJoin(joinableCommunities(db).as('communities'), 'communities.id', 'person_communities.community_id')
    .select(['person_communities.person_id', 'communities.name'])
    .where('person_communities.person_id', 'in', personIds)
    .orderBy('communities.name')
    .execute();
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row.name]);
  return byPerson;
}

/** Everyone in a network with contact data and communities by name, ordered by name. */
export async function readPeopleWithContacts(db: Executor, networkId: string): Promise<PersonWithContacts[]> {
  const rows = await db
    .selectFrom('network_people')
    .innerJoin('people', 'people.id', 'network_people.person_id')
    .leftJoin(joinableAreas(db).as('areas'), 'areas.id', 'people.neighbourhood_id')
    .select([
      'people.id',
      'people.display_name as displayName',
      'people.kind',
      'people.is_professional as isProfessional',
      'areas.name as neighbourhood',
      'people.mobile',
      'people.email',
      'people.following',
      'people.preferred_channel as preferredChannel',
      'people.languages',
      'people.availability',
      'people.age_band as ageBand',
      'people.gender',
      'people.legal_basis as legalBasis',
      'people.consent_date as consentDate',
    ])
    .where('network_people.network_id', '=', networkId)
    .orderBy('people.display_name')
    .execute();
  const communities = await communityNames(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, communities: communities.get(row.id) ?? [] }));
}
