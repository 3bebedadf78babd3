import type { Kysely } from 'kysely';
import { joinableNetworkRoles } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import type { SetupUsageTables } from './deps.js';
import type { SetupFacts } from './setup-status.js';

/**
 * The counts behind the checklist, over every municipality of the deployment, in one query; archived networks
 * do not count. Networks, staff roles and the crisis team are other capabilities' tables, joined as their
 * owners' sub-queries (`tables` from compose.ts, identity's roles directly).
 */
export async function readSetupFacts(db: Kysely<Database>, tables: SetupUsageTables): Promise<SetupFacts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('municipalities')
        .select('id')
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .as('municipalityId'),
      eb
        .selectFrom('areas as w')
        .innerJoin('areas as d', 'd.id', 'w.parent_id')
        .select((c) => c.fn.countAll().as('n'))
        .where('w.kind', '=', 'neighbourhood')
        .where('w.archived', '=', false)
        .where('d.archived', '=', false)
        .as('activeWijken'),
      eb
        .selectFrom('communities')
        .select((c) => c.fn.countAll().as('n'))
        .where('archived', '=', false)
        .as('activeCommunities'),
      eb
        .selectFrom('organisations')
        .select((c) => c.fn.countAll().as('n'))
        .as('organisations'),
      eb
        .selectFrom('relation_types')
        .select((c) => c.fn.countAll().as('n'))
        .as('relationTypes'),
      eb
        .selectFrom(tables.networks(db).as('n'))
        .select((c) => c.fn.countAll().as('n'))
        .where('n.status', '<>', 'archived')
        .as('networks'),
      eb
        .selectFrom(joinableNetworkRoles(db).as('r'))
        .innerJoin(tables.networks(db).as('n'), 'n.id', 'r.network_id')
        .select((c) => c.fn.count('r.network_id').distinct().as('n'))
        .where('r.role', '=', 'coordinator')
        .where('n.status', '<>', 'archived')
        .as('coordinatedNetworks'),
      eb
        .selectFrom(tables.callOutCrisisTeam(db).as('t'))
        .select((c) => c.fn.countAll().as('n'))
        .as('crisisTeamMembers'),
    ])
    .executeTakeFirst();
  const count = (value: string | number | bigint | null | undefined) => Number(value ?? 0);
  return {
    municipalityId: row?.municipalityId ?? null,
    activeWijken: count(row?.activeWijken),
    activeCommunities: count(row?.activeCommunities),
    organisations: count(row?.organisations),
    relationTypes: count(row?.relationTypes),
    networks: count(row?.networks),
    coordinatedNetworks: count(row?.coordinatedNetworks),
    crisisTeamMembers: count(row?.crisisTeamMembers),
  };
}
