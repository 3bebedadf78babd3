import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import {
  DEMO_ADMINISTRATOR_KEY,
  DEMO_COMMUNITIES,
  DEMO_DISTRICTS,
  DEMO_MEETINGS,
  DEMO_MUNICIPALITY,
  DEMO_NETWORKS,
  DEMO_ORGANISATIONS,
  DEMO_RELATION_TYPES,
  DEMO_RELATIONS,
  DEMO_STAFF,
  DEMO_TENANT_ID,
  type DemoNetwork,
  type DemoPerson,
} from './demo-data.js';
import { demoMobile } from './demo-phones.js';
import { seedEvaluationDemo } from './seed-evaluation.js';

type Tx = Transaction<Database>;

/** Ids by name of what the networks refer to. */
interface SeedIds {
  municipalityId: string;
  districts: Map<string, string>;
  neighbourhoods: Map<string, string>;
  staff: Map<string, string>;
  communities: Map<string, string>;
}

function id(map: Map<string, string>, name: string): string {
  const value = map.get(name);
  if (!value) throw new Error(`demo data refers to unknown "${name}"`);
  return value;
}

async function insertAreas(tx: Tx, municipalityId: string) {
  const districts = new Map<string, string>();
  const neighbourhoods = new Map<string, string>();
  for (const [district, wijken] of Object.entries(DEMO_DISTRICTS)) {
    const { id: districtId } = await tx
      .insertInto('areas')
      .values({ municipality_id: municipalityId, kind: 'district', name: district, parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    districts.set(district, districtId);
    const rows = await tx
      .insertInto('areas')
      .values(
        wijken.map((name) => ({
          municipality_id: municipalityId,
          kind: 'neighbourhood' as const,
          name,
          parent_id: districtId,
        })),
      )
      .returning(['id', 'name'])
      .execute();
    for (const row of rows) neighbourhoods.set(row.name, row.id);
  }
  return { districts, neighbourhoods };
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
        phone: staff.phone,
      })),
    )
    .returning(['id', 'aad_object_id'])
    .execute();
  const byObjectId = new Map(rows.map((row) => [row.aad_object_id, row.id]));
  return new Map(DEMO_STAFF.map((staff) => [staff.key, byObjectId.get(staff.objectId) as string]));
}

async function insertPerson(
  tx: Tx,
  ids: SeedIds,
  networkId: string,
  person: DemoPerson,
  serial: number,
): Promise<void> {
  const { id: personId } = await tx
    .insertInto('people')
    .values({
      municipality_id: ids.municipalityId,
      display_name: person.name,
      kind: person.kind,
      is_professional: person.professional ?? false,
      // A valid number from a block reserved for fiction: it passes every check and calls no one.
      mobile: demoMobile(serial),
      email: `bondgenoot${serial}@example.org`,
      neighbourhood_id: id(ids.neighbourhoods, person.wijk),
      age_band: person.ageBand,
      gender: person.gender,
      legal_basis: 'consent',
      consent_date: '2025-01-15',
      preferred_channel: serial % 2 === 0 ? 'whatsapp' : 'phone',
      languages: ['Nederlands'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('network_people').values({ network_id: networkId, person_id: personId }).execute();
  await tx
    .insertInto('person_communities')
    .values(
      person.communities.map((name) => ({ person_id: personId, community_id: id(ids.communities, name) })),
    )
    .execute();
}

async function insertNetwork(
  tx: Tx,
  ids: SeedIds,
  network: DemoNetwork,
  serial: { next: number },
): Promise<void> {
  const { id: networkId } = await tx
    .insertInto('networks')
    .values({
      municipality_id: ids.municipalityId,
      area_id: id(ids.districts, network.district),
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
        user_id: id(ids.staff, s.key),
        role: s.role,
        backup_user_id: s.backup ? id(ids.staff, s.backup) : null,
      })),
    )
    .execute();
  for (const person of network.people) {
    serial.next += 1;
    await insertPerson(tx, ids, networkId, person, serial.next);
  }
  for (const [wijk, communities] of Object.entries(network.relevant)) {
    await tx
      .insertInto('neighbourhood_communities')
      .values(
        communities.map((name) => ({
          area_id: id(ids.neighbourhoods, wijk),
          community_id: id(ids.communities, name),
        })),
      )
      .execute();
  }
}

async function insertReferenceData(tx: Tx, municipalityId: string): Promise<Map<string, string>> {
  const communityRows = await tx
    .insertInto('communities')
    .values(
      DEMO_COMMUNITIES.map((c) => ({
        municipality_id: municipalityId,
        ...c,
        traditions: c.traditions ?? [],
      })),
    )
    .returning(['id', 'name'])
    .execute();
  await tx
    .insertInto('organisations')
    .values(DEMO_ORGANISATIONS.map((o) => ({ municipality_id: municipalityId, ...o })))
    .execute();
  await tx
    .insertInto('relation_types')
    .values(
      DEMO_RELATION_TYPES.map((t) => ({
        municipality_id: municipalityId,
        label: t.label,
        inverse_label: t.inverseLabel,
        target_kind: t.targetKind,
      })),
    )
    .execute();
  return new Map(communityRows.map((row) => [row.name, row.id]));
}

async function insertRelations(tx: Tx, municipalityId: string): Promise<void> {
  const [people, organisations, types] = await Promise.all([
    tx
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
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
  const person = new Map(people.map((p) => [p.display_name, p.id]));
  const organisation = new Map(organisations.map((o) => [o.name, o.id]));
  const type = new Map(types.map((t) => [t.label, t.id]));
  await tx
    .insertInto('relations')
    .values(
      DEMO_RELATIONS.map((r) => ({
        relation_type_id: id(type, r.type),
        person_id: id(person, r.from),
        related_person_id: r.toPerson ? id(person, r.toPerson) : null,
        organisation_id: r.toOrganisation ? id(organisation, r.toOrganisation) : null,
        since: r.since,
        until: r.until ?? null,
      })),
    )
    .execute();
}

/** What {@link seedDemoMunicipality} did: seeded, found the demo already there, or refused a real municipality's database. */
export type DemoSeedOutcome = 'seeded' | 'already-seeded' | 'refused';

/**
 * Seeds the fictional demo municipality once; a second call finds it and does nothing. A database that holds
 * any other municipality is a real one, so the fictional people are never mixed into it: the seed refuses.
 */
export async function seedDemoMunicipality(db: Kysely<Database>): Promise<DemoSeedOutcome> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('municipalities').select('cbs_code').execute();
    if (existing.some((row) => row.cbs_code === DEMO_MUNICIPALITY.cbsCode)) return 'already-seeded';
    if (existing.length > 0) return 'refused';

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
    const areas = await insertAreas(tx, municipalityId);
    const communities = await insertReferenceData(tx, municipalityId);
    const staff = await insertStaff(tx);
    await tx
      .insertInto('administrators')
      .values({ user_id: id(staff, DEMO_ADMINISTRATOR_KEY) })
      .execute();
    const ids: SeedIds = { municipalityId, ...areas, staff, communities };
    const serial = { next: 0 };
    for (const network of DEMO_NETWORKS) await insertNetwork(tx, ids, network, serial);
    await insertRelations(tx, municipalityId);
    await insertMeetings(tx, municipalityId, staff);
    await seedEvaluationDemo(tx, municipalityId);
    return 'seeded';
  });
}

/** Haven's meeting settings, locations, chairs and held meetings (see DEMO_MEETINGS). */
async function insertMeetings(tx: Tx, municipalityId: string, staff: Map<string, string>): Promise<void> {
  await sql`update municipalities set school_holiday_region = ${DEMO_MEETINGS.region} where id = ${municipalityId}`.execute(
    tx,
  );
  const { id: networkId } = await tx
    .selectFrom('networks')
    .select('id')
    .where('name', '=', DEMO_MEETINGS.network)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('meeting_settings')
    .values({
      network_id: networkId,
      weekdays: DEMO_MEETINGS.weekdays,
      meal_arrangements: DEMO_MEETINGS.mealArrangements,
    })
    .execute();
  const locations = await tx
    .insertInto('meeting_locations')
    .values(
      DEMO_MEETINGS.locations.map((l, index) => ({ network_id: networkId, ...l, rotation_order: index })),
    )
    .returning('id')
    .execute();
  const people = new Map(
    (
      await tx
        .selectFrom('people')
        .innerJoin('network_people', 'network_people.person_id', 'people.id')
        .select(['people.id', 'people.display_name'])
        .where('network_people.network_id', '=', networkId)
        .execute()
    ).map((p) => [p.display_name, p.id]),
  );
  await tx
    .insertInto('meeting_ally_preferences')
    .values(
      DEMO_MEETINGS.chairs.map((name) => ({
        network_id: networkId,
        person_id: id(people, name),
        willing_to_chair: true,
      })),
    )
    .execute();
  for (const held of DEMO_MEETINGS.held) {
    const { id: meetingId } = await tx
      .insertInto('meetings')
      .values({
        network_id: networkId,
        meeting_date: held.date,
        starts_at: `${held.date}T16:00:00Z`,
        ends_at: `${held.date}T18:00:00Z`,
        location_id: locations[held.location]?.id ?? null,
        chair_person_id: id(people, held.chair),
        status: 'held',
        organiser: 'secretaris@example.org',
        intent_id: crypto.randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('meeting_records')
      .values({
        meeting_id: meetingId,
        themes: held.themes,
        mood: held.mood,
        recorded_by: id(staff, 'secretaris'),
      })
      .execute();
    await tx
      .insertInto('meeting_attendance')
      .values([
        { meeting_id: meetingId, user_id: id(staff, 'secretaris'), present: true },
        ...DEMO_MEETINGS.chairs.map((name) => ({
          meeting_id: meetingId,
          person_id: id(people, name),
          present: true,
        })),
      ])
      .execute();
    if ('action' in held && held.action)
      await tx
        .insertInto('meeting_actions')
        .values({
          meeting_id: meetingId,
          network_id: networkId,
          description: held.action.description,
          owner_user_id: id(staff, held.action.owner),
        })
        .execute();
  }
}
