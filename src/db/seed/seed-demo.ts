import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import {
  DEMO_ADMINISTRATOR_KEY,
  DEMO_COMMUNITIES,
  DEMO_DISTRICTS,
  DEMO_MUNICIPALITY,
  DEMO_NETWORKS,
  DEMO_ORGANISATIONS,
  DEMO_STAFF,
  DEMO_TENANT_ID,
  type DemoNetwork,
} from './demo-data.js';

type Tx = Transaction<Database>;

async function insertAreas(tx: Tx, municipalityId: string): Promise<Map<string, string>> {
  const districtIds = new Map<string, string>();
  for (const [district, neighbourhoods] of Object.entries(DEMO_DISTRICTS)) {
    const { id } = await tx
      .insertInto('areas')
      .values({ municipality_id: municipalityId, kind: 'district', name: district, parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    districtIds.set(district, id);
    await tx
      .insertInto('areas')
      .values(
        neighbourhoods.map((name) => ({
          municipality_id: municipalityId,
          kind: 'neighbourhood' as const,
          name,
          parent_id: id,
        })),
      )
      .execute();
  }
  return districtIds;
}

async function insertStaff(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx
    .insertInto('users')
    .values(
      DEMO_STAFF.map((staff) => ({
        tenant_id: DEMO_TENANT_ID,
        aad_object_id: staff.objectId,
        display_name: staff.displayName,
        email: `${staff.key}@example.org`,
        organisation: staff.organisation,
        job_title: staff.jobTitle,
      })),
    )
    .returning(['id', 'aad_object_id'])
    .execute();
  const byObjectId = new Map(rows.map((row) => [row.aad_object_id, row.id]));
  return new Map(DEMO_STAFF.map((staff) => [staff.key, byObjectId.get(staff.objectId) as string]));
}

async function insertNetwork(
  tx: Tx,
  ids: {
    municipalityId: string;
    districtId: string;
    staff: Map<string, string>;
    communities: Map<string, string>;
  },
  network: DemoNetwork,
  phoneCounter: { next: number },
): Promise<void> {
  const { id: networkId } = await tx
    .insertInto('networks')
    .values({
      municipality_id: ids.municipalityId,
      area_id: ids.districtId,
      name: network.name,
      status: network.status,
      founded_on: network.foundedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('network_roles')
    .values(
      network.staff.map((s) => ({
        network_id: networkId,
        user_id: ids.staff.get(s.key) as string,
        role: s.role,
      })),
    )
    .execute();
  for (const person of network.people) {
    phoneCounter.next += 1;
    const { id: personId } = await tx
      .insertInto('people')
      .values({
        municipality_id: ids.municipalityId,
        display_name: person.name,
        kind: person.kind,
        is_professional: person.professional ?? false,
        mobile: `+3160000${String(phoneCounter.next).padStart(4, '0')}`,
        email: `bondgenoot${phoneCounter.next}@example.org`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('network_people').values({ network_id: networkId, person_id: personId }).execute();
    await tx
      .insertInto('person_communities')
      .values(
        person.communities.map((name) => ({
          person_id: personId,
          community_id: ids.communities.get(name) as string,
        })),
      )
      .execute();
  }
}

/**
 * Seeds the fictional demo municipality once; a second call finds it and does nothing.
 * Returns whether it seeded.
 */
export async function seedDemoMunicipality(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('municipalities')
      .select('id')
      .where('cbs_code', '=', DEMO_MUNICIPALITY.cbsCode)
      .executeTakeFirst();
    if (existing) return false;

    const { id: municipalityId } = await tx
      .insertInto('municipalities')
      .values({
        name: DEMO_MUNICIPALITY.name,
        cbs_code: DEMO_MUNICIPALITY.cbsCode,
        latitude: DEMO_MUNICIPALITY.latitude,
        longitude: DEMO_MUNICIPALITY.longitude,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const districtIds = await insertAreas(tx, municipalityId);
    const communityRows = await tx
      .insertInto('communities')
      .values(DEMO_COMMUNITIES.map((c) => ({ municipality_id: municipalityId, ...c })))
      .returning(['id', 'name'])
      .execute();
    await tx
      .insertInto('organisations')
      .values(DEMO_ORGANISATIONS.map((o) => ({ municipality_id: municipalityId, ...o })))
      .execute();
    const staff = await insertStaff(tx);
    await tx
      .insertInto('administrators')
      .values({ user_id: staff.get(DEMO_ADMINISTRATOR_KEY) as string })
      .execute();
    const communities = new Map(communityRows.map((row) => [row.name, row.id]));
    const phoneCounter = { next: 0 };
    for (const network of DEMO_NETWORKS) {
      const districtId = districtIds.get(network.district) as string;
      await insertNetwork(tx, { municipalityId, districtId, staff, communities }, network, phoneCounter);
    }
    return true;
  });
}
