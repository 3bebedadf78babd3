import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { SetupFacts } from './setup-status.js';

/** The counts behind the checklist, over every municipality of the deployment, in one query; archived networks do not count. */
export async function readSetupFacts(db: Kysely<Database>): Promise<SetupFacts> {
  const result = await sql<
    Record<keyof Omit<SetupFacts, 'municipalityId'>, string> & { municipalityId: string | null }
  >`
    select
      (select id from municipalities order by created_at, id limit 1) as "municipalityId",
      (select count(*) from areas w join areas d on d.id = w.parent_id
        where w.kind = 'neighbourhood' and not w.archived and not d.archived) as "activeWijken",
      (select count(*) from communities where not archived) as "activeCommunities",
      (select count(*) from organisations) as organisations,
      (select count(*) from relation_types) as "relationTypes",
      (select count(*) from networks where status <> 'archived') as networks,
      (select count(distinct r.network_id) from network_roles r join networks n on n.id = r.network_id
        where r.role = 'coordinator' and n.status <> 'archived') as "coordinatedNetworks",
      (select count(*) from call_out_crisis_team) as "crisisTeamMembers"`.execute(db);
  const row = result.rows[0];
  const count = (value: string | undefined) => Number(value ?? 0);
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
