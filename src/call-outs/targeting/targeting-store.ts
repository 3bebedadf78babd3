import type { Kysely, Transaction } from 'kysely';
import { joinableNetworkRoles } from '../../identity/index.js';
import {
  joinableNetworkPeople,
  joinableNetworks,
  joinablePeople,
  joinablePersonCommunities,
} from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { joinableAreas, joinableCommunities } from '../../setup/index.js';
import type { AllyFact, StaffFact } from './targeting.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** What targeting reads: the covering networks with their staff and allies. */
export interface TargetingFacts {
  municipalityId: string;
  networks: Array<{ id: string; name: string }>;
  staff: StaffFact[];
  allies: AllyFact[];
}

const invalid = (field: string, reason: Omit<FieldError, 'field' | 'message'>, message: string) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [{ field, ...reason, message }]);

/**
 * Loads the networks whose area covers one of the wijken (the wijk itself or its district), their staff
 * and their allies. Unknown wijken or communities, or ones of another municipality, are refused by field.
 */
export async function loadTargetingFacts(
  db: Executor,
  placeIds: readonly string[],
  communityIds: readonly string[],
): Promise<TargetingFacts> {
  const places = await db
    .selectFrom(joinableAreas(db).as('areas'))
    .select(['id', 'parent_id', 'municipality_id', 'kind'])
    .where('id', 'in', [...placeIds])
    .execute();
  placeIds.forEach((id, index) => {
    const place = places.find((p) => p.id === id);
    if (place?.kind !== 'neighbourhood')
      throw invalid(`body.placeIds.${index}`, { code: 'unknown_reference', kind: 'wijk' }, 'is not a wijk');
  });
  const municipalityId = places[0]?.municipality_id as string;
  if (places.some((p) => p.municipality_id !== municipalityId))
    throw invalid('body.placeIds', { code: 'one_municipality' }, 'the wijken must lie in one municipality');
  if (communityIds.length > 0) {
    const communities = await db
      .selectFrom(joinableCommunities(db).as('communities'))
      .select('id')
      .where('id', 'in', [...communityIds])
      .where('municipality_id', '=', municipalityId)
      .execute();
    communityIds.forEach((id, index) => {
      if (!communities.some((c) => c.id === id))
        throw invalid(
          `body.communityIds.${index}`,
          { code: 'unknown_reference', kind: 'community' },
          'is not a community of this municipality',
        );
    });
  }
  const areaIds = [...new Set(places.flatMap((p) => [p.id, ...(p.parent_id ? [p.parent_id] : [])]))];
  const networks = await db
    .selectFrom(joinableNetworks(db).as('networks'))
    .select(['id', 'name'])
    .where('area_id', 'in', areaIds)
    .where('municipality_id', '=', municipalityId)
    // An archived network keeps its records but is never called out again.
    .where('status', '<>', 'archived')
    .orderBy('name')
    .execute();
  if (networks.length === 0) return { municipalityId, networks, staff: [], allies: [] };
  const networkIds = networks.map((n) => n.id);
  const staff = await db
    .selectFrom(joinableNetworkRoles(db).as('network_roles'))
    .select(['network_id as networkId', 'user_id as userId', 'role', 'backup_user_id as backupUserId'])
    .where('network_id', 'in', networkIds)
    .execute();
  const allyRows = await db
    .selectFrom(joinableNetworkPeople(db).as('network_people'))
    .innerJoin(joinablePeople(db).as('people'), 'people.id', 'network_people.person_id')
    .leftJoin(
      joinablePersonCommunities(db).as('person_communities'),
      'person_communities.person_id',
      'people.id',
    )
    .select([
      'network_people.network_id as networkId',
      'people.id as personId',
      'person_communities.community_id',
    ])
    .where('network_people.network_id', 'in', networkIds)
    .where('people.kind', '=', 'ally')
    // Withdrawn consent or an erasure takes a person off call lists and invitations at once (issue 18).
    .where('people.consent_withdrawn_on', 'is', null)
    .where('people.erased_at', 'is', null)
    .execute();
  const allies = new Map<string, AllyFact & { communityIds: string[] }>();
  for (const row of allyRows) {
    const key = `${row.networkId}|${row.personId}`;
    const ally = allies.get(key) ?? { personId: row.personId, networkId: row.networkId, communityIds: [] };
    if (row.community_id) ally.communityIds.push(row.community_id);
    allies.set(key, ally);
  }
  return { municipalityId, networks, staff, allies: [...allies.values()] };
}
