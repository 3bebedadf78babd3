import type { Kysely, Transaction } from 'kysely';
import {
  insertSeedAdministrator,
  insertSeedNetworkRoles,
  insertSeedUsers,
} from '../../identity/demo-seed-store.js';
import {
  insertSeedAction,
  insertSeedAllyPreferences,
  insertSeedAttendance,
  insertSeedLocations,
  insertSeedMeeting,
  insertSeedMeetingSettings,
  insertSeedRecord,
} from '../../meetings/demo-seed-store.js';
import {
  insertSeedNetwork,
  insertSeedPerson,
  insertSeedPersonCommunities,
  insertSeedRelations,
  readSeedNetworkId,
  readSeedNetworkPeople,
  readSeedPeople,
} from '../../network/demo-seed-store.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import {
  insertSeedArea,
  insertSeedAreas,
  insertSeedCommunities,
  insertSeedMunicipality,
  insertSeedNeighbourhoodCommunities,
  insertSeedOrganisations,
  insertSeedRelationTypes,
  readMunicipalityCodes,
  readSeedCatalogue,
} from '../../setup/demo-seed-store.js';
import { updateSchoolHolidayRegion } from '../../setup/municipality-store.js';
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
import { seedContinuityDemo } from './seed-continuity.js';
import { seedEvaluationDemo } from './seed-evaluation.js';
import { seedSelectionDemo } from './seed-selection.js';
import { seedDemoSignals } from './seed-signals.js';

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
    const districtId = await insertSeedArea(tx, {
      municipality_id: municipalityId,
      kind: 'district',
      name: district,
      parent_id: null,
    });
    districts.set(district, districtId);
    const rows = await insertSeedAreas(
      tx,
      wijken.map((name) => ({
        municipality_id: municipalityId,
        kind: 'neighbourhood' as const,
        name,
        parent_id: districtId,
      })),
    );
    for (const row of rows) neighbourhoods.set(row.name, row.id);
  }
  return { districts, neighbourhoods };
}

async function insertStaff(tx: Tx): Promise<Map<string, string>> {
  const rows = await insertSeedUsers(
    tx,
    DEMO_STAFF.map((staff) => ({
      tenant_id: DEMO_TENANT_ID,
      aad_object_id: staff.objectId,
      display_name: staff.displayName,
      email: `${staff.key}@example.org`,
      organisation: staff.organisation,
      job_title: staff.jobTitle,
      phone: staff.phone,
    })),
  );
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
  const personId = await insertSeedPerson(tx, networkId, {
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
  });
  await insertSeedPersonCommunities(
    tx,
    person.communities.map((name) => ({ person_id: personId, community_id: id(ids.communities, name) })),
  );
}

async function insertNetwork(
  tx: Tx,
  ids: SeedIds,
  network: DemoNetwork,
  serial: { next: number },
): Promise<void> {
  const networkId = await insertSeedNetwork(tx, {
    municipality_id: ids.municipalityId,
    area_id: id(ids.districts, network.district),
    name: network.name,
    status: network.status,
    founded_on: network.foundedOn,
  });
  await insertSeedNetworkRoles(
    tx,
    network.staff.map((s) => ({
      network_id: networkId,
      user_id: id(ids.staff, s.key),
      role: s.role,
      backup_user_id: s.backup ? id(ids.staff, s.backup) : null,
    })),
  );
  for (const person of network.people) {
    serial.next += 1;
    await insertPerson(tx, ids, networkId, person, serial.next);
  }
  for (const [wijk, communities] of Object.entries(network.relevant)) {
    await insertSeedNeighbourhoodCommunities(
      tx,
      communities.map((name) => ({
        area_id: id(ids.neighbourhoods, wijk),
        community_id: id(ids.communities, name),
      })),
    );
  }
}

async function insertReferenceData(tx: Tx, municipalityId: string): Promise<Map<string, string>> {
  const communityRows = await insertSeedCommunities(
    tx,
    DEMO_COMMUNITIES.map((c) => ({
      municipality_id: municipalityId,
      ...c,
      traditions: c.traditions ?? [],
    })),
  );
  await insertSeedOrganisations(
    tx,
    DEMO_ORGANISATIONS.map((o) => ({ municipality_id: municipalityId, ...o })),
  );
  await insertSeedRelationTypes(
    tx,
    DEMO_RELATION_TYPES.map((t) => ({
      municipality_id: municipalityId,
      label: t.label,
      inverse_label: t.inverseLabel,
      target_kind: t.targetKind,
    })),
  );
  return new Map(communityRows.map((row) => [row.name, row.id]));
}

async function insertRelations(tx: Tx, municipalityId: string): Promise<void> {
  const [people, { organisations, relationTypes: types }] = await Promise.all([
    readSeedPeople(tx, municipalityId),
    readSeedCatalogue(tx, municipalityId),
  ]);
  const person = new Map(people.map((p) => [p.display_name, p.id]));
  const organisation = new Map(organisations.map((o) => [o.name, o.id]));
  const type = new Map(types.map((t) => [t.label, t.id]));
  await insertSeedRelations(
    tx,
    DEMO_RELATIONS.map((r) => ({
      relation_type_id: id(type, r.type),
      person_id: id(person, r.from),
      related_person_id: r.toPerson ? id(person, r.toPerson) : null,
      organisation_id: r.toOrganisation ? id(organisation, r.toOrganisation) : null,
      since: r.since,
      until: r.until ?? null,
    })),
  );
}

/** What {@link seedDemoMunicipality} did: seeded, found the demo already there, or refused a real municipality's database. */
export type DemoSeedOutcome = 'seeded' | 'already-seeded' | 'refused';

/**
 * Seeds the fictional demo municipality once; a second call finds it and does nothing. A database that holds
 * any other municipality is a real one, so the fictional people are never mixed into it: the seed refuses.
 */
export async function seedDemoMunicipality(db: Kysely<Database>): Promise<DemoSeedOutcome> {
  return transaction(db, async (tx): Promise<DemoSeedOutcome> => {
    const existing = await readMunicipalityCodes(tx);
    if (existing.includes(DEMO_MUNICIPALITY.cbsCode)) return 'already-seeded';
    if (existing.length > 0) return 'refused';

    const municipalityId = await insertSeedMunicipality(tx, {
      name: DEMO_MUNICIPALITY.name,
      cbs_code: DEMO_MUNICIPALITY.cbsCode,
      latitude: DEMO_MUNICIPALITY.latitude,
      longitude: DEMO_MUNICIPALITY.longitude,
    });
    const areas = await insertAreas(tx, municipalityId);
    const communities = await insertReferenceData(tx, municipalityId);
    const staff = await insertStaff(tx);
    await insertSeedAdministrator(tx, id(staff, DEMO_ADMINISTRATOR_KEY));
    const ids: SeedIds = { municipalityId, ...areas, staff, communities };
    const serial = { next: 0 };
    for (const network of DEMO_NETWORKS) await insertNetwork(tx, ids, network, serial);
    await insertRelations(tx, municipalityId);
    await insertMeetings(tx, municipalityId, staff);
    await seedDemoSignals(tx, new Date());
    await seedEvaluationDemo(tx, municipalityId);
    await seedSelectionDemo(tx, new Date());
    await seedContinuityDemo(tx, new Date());
    return 'seeded';
  });
}

/** Haven's meeting settings, locations, chairs and held meetings (see DEMO_MEETINGS). */
async function insertMeetings(tx: Tx, municipalityId: string, staff: Map<string, string>): Promise<void> {
  await updateSchoolHolidayRegion(tx, municipalityId, DEMO_MEETINGS.region);
  const networkId = await readSeedNetworkId(tx, DEMO_MEETINGS.network);
  await insertSeedMeetingSettings(tx, {
    network_id: networkId,
    weekdays: DEMO_MEETINGS.weekdays,
    meal_arrangements: DEMO_MEETINGS.mealArrangements,
  });
  const locations = await insertSeedLocations(
    tx,
    DEMO_MEETINGS.locations.map((l, index) => ({ network_id: networkId, ...l, rotation_order: index })),
  );
  const people = new Map((await readSeedNetworkPeople(tx, networkId)).map((p) => [p.display_name, p.id]));
  await insertSeedAllyPreferences(
    tx,
    DEMO_MEETINGS.chairs.map((name) => ({
      network_id: networkId,
      person_id: id(people, name),
      willing_to_chair: true,
    })),
  );
  for (const held of DEMO_MEETINGS.held) {
    const meetingId = await insertSeedMeeting(tx, {
      network_id: networkId,
      meeting_date: held.date,
      starts_at: `${held.date}T16:00:00Z`,
      ends_at: `${held.date}T18:00:00Z`,
      location_id: locations[held.location]?.id ?? null,
      chair_person_id: id(people, held.chair),
      status: 'held',
      organiser: 'secretaris@example.org',
      intent_id: crypto.randomUUID(),
    });
    await insertSeedRecord(tx, {
      meeting_id: meetingId,
      themes: held.themes,
      mood: held.mood,
      recorded_by: id(staff, 'secretaris'),
    });
    await insertSeedAttendance(tx, [
      { meeting_id: meetingId, user_id: id(staff, 'secretaris'), present: true },
      ...DEMO_MEETINGS.chairs.map((name) => ({
        meeting_id: meetingId,
        person_id: id(people, name),
        present: true,
      })),
    ]);
    if ('action' in held && held.action)
      await insertSeedAction(tx, {
        meeting_id: meetingId,
        network_id: networkId,
        description: held.action.description,
        owner_user_id: id(staff, held.action.owner),
      });
  }
}
