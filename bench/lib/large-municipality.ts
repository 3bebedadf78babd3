import { type Kysely, sql } from 'kysely';
import type { AgeBand, Database, NetworkRole } from '../../src/platform/db/schema.js';
import { DEMO_COMMUNITIES, DEMO_RELATION_TYPES } from '../../src/server/seed/demo-data.js';

/**
 * "Benchstad": a large, entirely fictional municipality for the network-map suite. Everything is
 * generated from a seeded pseudo-random sequence, so two runs hold the same data: names are built from
 * syllables, phone numbers lie in +31 6 0000 xxxx and mail addresses in example.org (neither reaches anyone).
 * The plan is plain data, built without a database ({@link planLargeMunicipality}); {@link insertLargeMunicipality}
 * then writes it in one transaction with multi-row inserts.
 */
export const LARGE_MUNICIPALITY = {
  name: 'Benchstad',
  cbsCode: 'GM9999',
  latitude: 52.1,
  longitude: 5.1,
} as const;

/** The tenant of Benchstad's staff: a placeholder GUID, never a real Entra tenant. */
export const LARGE_TENANT_ID = '00000000-0000-4000-8000-0000000099a1';

/** The shape asked for; the generator's test checks the plan against it. */
export const LARGE_SHAPE = {
  districts: 6,
  neighbourhoodsPerDistrict: { min: 5, max: 8 },
  communities: 16,
  organisations: 40,
  networks: 50,
  people: 2_000,
  relations: 5_000,
  staff: 100,
  /** The municipality's hard ally limit (the schema's default); no network may exceed it. */
  allyHardLimit: 15,
} as const;

const DEFAULT_SEED = 0x9999;

const AGE_BANDS: readonly AgeBand[] = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const GENDERS = ['female', 'male', 'non-binary'] as const;
const CHANNELS = ['phone', 'sms', 'whatsapp', 'email'] as const;
const DISTRICT_NAMES = [
  'Noorderveld',
  'Oosterkamp',
  'Zuiderhaven',
  'Westerbroek',
  'Middenstad',
  'Buitenwaard',
];
const AREA_SUFFIXES = ['wijk', 'hof', 'veld', 'buurt', 'kwartier', 'park', 'dorp', 'haven'];
const ORGANISATION_KINDS: readonly { kind: string; prefix: string }[] = [
  { kind: 'foundation', prefix: 'Stichting' },
  { kind: 'mosque', prefix: 'Moskee' },
  { kind: 'church', prefix: 'Kerkgemeente' },
  { kind: 'sport_club', prefix: 'Sportvereniging' },
  { kind: 'business_association', prefix: 'Ondernemersvereniging' },
  { kind: 'youth_centre', prefix: 'Jongerencentrum' },
  { kind: 'school', prefix: 'Basisschool' },
  { kind: 'neighbourhood_association', prefix: 'Buurtvereniging' },
];
const SYLLABLES = [
  'ka',
  'ro',
  'bel',
  'mi',
  'tan',
  'vo',
  'se',
  'lin',
  'da',
  'mar',
  'ne',
  'tor',
  'fi',
  'lo',
  'zan',
  'pe',
  'ri',
  'gon',
  'sa',
  'vel',
  'mo',
  'ker',
  'ta',
  'bri',
  'nu',
  'dor',
  'la',
  'wen',
  'jo',
  'stel',
];
const SURNAME_PREFIXES = ['', '', '', 'van ', 'de ', 'van der ', 'ter '];

/** Ids are fixed by entity and index, so the plan is complete without a database. */
const ID_PREFIX = {
  municipality: '01',
  area: '02',
  community: '03',
  organisation: '04',
  relationType: '05',
  network: '06',
  user: '07',
  person: '08',
  relation: '09',
} as const;

function fixedId(entity: keyof typeof ID_PREFIX, index: number): string {
  return `9999${ID_PREFIX[entity]}00-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** mulberry32: a small, fast, seeded generator; good enough to spread fictional data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0)
      chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    return chosen;
  }
  word(syllables: number): string {
    const text = Array.from({ length: syllables }, () => this.pick(SYLLABLES)).join('');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  /** A name no real person is likely to carry: syllables, e.g. "Tanvo van Rimarbel". */
  personName(): string {
    return `${this.word(this.int(2, 3))} ${this.pick(SURNAME_PREFIXES)}${this.word(this.int(2, 3))}`;
  }
}

export interface PlannedArea {
  id: string;
  kind: 'district' | 'neighbourhood';
  name: string;
  parentId: string | null;
}

export interface PlannedNetwork {
  id: string;
  name: string;
  areaId: string;
  /** The district the network's area lies in (its own area for a district network). */
  districtId: string;
  status: 'starting' | 'active' | 'paused';
  foundedOn: string | null;
}

export interface PlannedUser {
  id: string;
  objectId: string;
  displayName: string;
  email: string;
  organisation: 'gemeente' | 'politie';
  jobTitle: string;
}

export interface PlannedRole {
  networkId: string;
  userId: string;
  role: NetworkRole;
  backupUserId: string | null;
}

export interface PlannedPerson {
  id: string;
  displayName: string;
  kind: 'key_figure' | 'ally' | 'former_ally';
  isProfessional: boolean;
  mobile: string;
  email: string;
  neighbourhoodId: string;
  ageBand: AgeBand;
  gender: (typeof GENDERS)[number] | null;
  preferredChannel: (typeof CHANNELS)[number];
  consentDate: string;
  communityIds: string[];
}

export interface PlannedRelation {
  id: string;
  typeId: string;
  personId: string;
  relatedPersonId: string | null;
  organisationId: string | null;
  since: string;
  until: string | null;
}

/** Everything Benchstad holds, as plain rows with their ids. */
export interface LargeMunicipalityPlan {
  municipalityId: string;
  areas: PlannedArea[];
  communities: {
    id: string;
    name: string;
    category: 'religion' | 'origin' | 'group';
    traditions?: string[];
  }[];
  organisations: { id: string; name: string; kind: string }[];
  relationTypes: {
    id: string;
    label: string;
    inverseLabel: string;
    targetKind: 'person' | 'organisation';
  }[];
  networks: PlannedNetwork[];
  users: PlannedUser[];
  roles: PlannedRole[];
  people: PlannedPerson[];
  memberships: { networkId: string; personId: string }[];
  relations: PlannedRelation[];
  relevance: { areaId: string; communityId: string }[];
}

function date(dice: Dice, fromYear: number, toYear: number): string {
  const month = String(dice.int(1, 12)).padStart(2, '0');
  const day = String(dice.int(1, 28)).padStart(2, '0');
  return `${dice.int(fromYear, toYear)}-${month}-${day}`;
}

function uniqueName(taken: Set<string>, make: () => string): string {
  for (;;) {
    const name = make();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function planAreas(dice: Dice) {
  const areas: PlannedArea[] = [];
  const neighbourhoodsOf = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const districtName of DISTRICT_NAMES.slice(0, LARGE_SHAPE.districts)) {
    const district: PlannedArea = {
      id: fixedId('area', areas.length),
      kind: 'district',
      name: districtName,
      parentId: null,
    };
    areas.push(district);
    const wijken: string[] = [];
    const { min, max } = LARGE_SHAPE.neighbourhoodsPerDistrict;
    for (let index = dice.int(min, max); index > 0; index -= 1) {
      const name = uniqueName(taken, () => `${dice.word(2)}${dice.pick(AREA_SUFFIXES)}`);
      const wijk: PlannedArea = {
        id: fixedId('area', areas.length),
        kind: 'neighbourhood',
        name,
        parentId: district.id,
      };
      areas.push(wijk);
      wijken.push(wijk.id);
    }
    neighbourhoodsOf.set(district.id, wijken);
  }
  return { areas, neighbourhoodsOf };
}

function planNetworks(dice: Dice, areas: PlannedArea[]): PlannedNetwork[] {
  const districts = areas.filter((area) => area.kind === 'district');
  const wijken = areas.filter((area) => area.kind === 'neighbourhood');
  const networks: PlannedNetwork[] = [];
  const add = (area: PlannedArea, name: string) =>
    networks.push({
      id: fixedId('network', networks.length),
      name,
      areaId: area.id,
      districtId: area.parentId ?? area.id,
      status: dice.chance(0.8) ? 'active' : dice.chance(0.5) ? 'starting' : 'paused',
      foundedOn: dice.chance(0.9) ? date(dice, 2016, 2025) : null,
    });
  for (const district of districts) add(district, `Bondgenoten ${district.name}`);
  // Then one network per neighbourhood, round after round, until there are 50.
  for (let round = 1; networks.length < LARGE_SHAPE.networks; round += 1) {
    for (const wijk of wijken) {
      if (networks.length >= LARGE_SHAPE.networks) break;
      add(wijk, `Wijknetwerk ${wijk.name}${round > 1 ? ` ${round}` : ''}`);
    }
  }
  return networks;
}

function planStaff(dice: Dice, networks: PlannedNetwork[]) {
  const users: PlannedUser[] = [];
  const taken = new Set<string>();
  const addUser = (organisation: PlannedUser['organisation'], jobTitle: string) => {
    const index = users.length;
    const serial = String(index + 1).padStart(3, '0');
    users.push({
      id: fixedId('user', index),
      objectId: `00000000-9999-4000-8000-${(index + 1).toString(16).padStart(12, '0')}`,
      displayName: uniqueName(taken, () => dice.personName()),
      email: `medewerker${serial}@example.org`,
      organisation,
      jobTitle,
    });
    return users[index] as PlannedUser;
  };
  // 50 coordinators of the municipality (one per network), 40 police officers, 5 secretaries, 5 viewers.
  const coordinators = networks.map((network) => addUser('gemeente', `Coördinator ${network.name}`));
  const officers = Array.from({ length: 40 }, (_, index) => addUser('politie', `Wijkagent ${index + 1}`));
  const secretaries = Array.from({ length: 5 }, () => addUser('gemeente', 'Secretaris bondgenotenoverleg'));
  const viewers = Array.from({ length: 5 }, () => addUser('gemeente', 'Beleidsmedewerker (meelezer)'));
  const roles: PlannedRole[] = [];
  networks.forEach((network, index) => {
    const coordinator = coordinators[index] as PlannedUser;
    const officer = officers[index % officers.length] as PlannedUser;
    // Every seventh network lacks the officer's back-up, so the warning shows up too.
    roles.push({
      networkId: network.id,
      userId: coordinator.id,
      role: 'coordinator',
      backupUserId: officer.id,
    });
    roles.push({
      networkId: network.id,
      userId: officer.id,
      role: 'member',
      backupUserId: index % 7 === 6 ? null : coordinator.id,
    });
    roles.push({
      networkId: network.id,
      userId: (secretaries[index % secretaries.length] as PlannedUser).id,
      role: 'secretary',
      backupUserId: null,
    });
    if (index % 2 === 0)
      roles.push({
        networkId: network.id,
        userId: (viewers[index % viewers.length] as PlannedUser).id,
        role: 'viewer',
        backupUserId: null,
      });
  });
  return { users, roles };
}

function planPeople(
  dice: Dice,
  networks: PlannedNetwork[],
  neighbourhoodsOf: Map<string, string[]>,
  communityIds: string[],
) {
  const people: PlannedPerson[] = [];
  const memberships: { networkId: string; personId: string }[] = [];
  const peopleOf = new Map<string, string[]>();
  const join = (networkId: string, personId: string) => {
    memberships.push({ networkId, personId });
    peopleOf.set(networkId, [...(peopleOf.get(networkId) ?? []), personId]);
  };
  const perNetwork = LARGE_SHAPE.people / networks.length;
  for (const network of networks) {
    const wijken =
      network.areaId === network.districtId
        ? (neighbourhoodsOf.get(network.districtId) ?? [])
        : [network.areaId];
    const allies = dice.int(6, LARGE_SHAPE.allyHardLimit);
    const formerAllies = dice.int(1, 4);
    for (let slot = 0; slot < perNetwork; slot += 1) {
      const kind = slot < allies ? 'ally' : slot < allies + formerAllies ? 'former_ally' : 'key_figure';
      const serial = String(people.length + 1).padStart(4, '0');
      const person: PlannedPerson = {
        id: fixedId('person', people.length),
        displayName: dice.personName(),
        kind,
        // Professionals of the regular network only ever as key figures.
        isProfessional: kind === 'key_figure' && dice.chance(0.1),
        mobile: `+3160000${serial}`,
        email: `persoon${serial}@example.org`,
        neighbourhoodId: dice.pick(wijken),
        ageBand: dice.pick(AGE_BANDS),
        gender: dice.chance(0.05) ? null : dice.pick(GENDERS),
        preferredChannel: dice.pick(CHANNELS),
        consentDate: date(dice, 2019, 2025),
        communityIds: dice.sample(communityIds, dice.int(1, 3)),
      };
      people.push(person);
      join(network.id, person.id);
      // Some key figures of a neighbourhood network also sit in their district's network.
      if (kind === 'key_figure' && network.areaId !== network.districtId && dice.chance(0.1)) {
        const districtNetwork = networks.find((n) => n.areaId === network.districtId);
        if (districtNetwork) join(districtNetwork.id, person.id);
      }
    }
  }
  return { people, memberships, peopleOf };
}

function planRelations(
  dice: Dice,
  plan: Pick<LargeMunicipalityPlan, 'relationTypes' | 'organisations' | 'networks'>,
  peopleOf: Map<string, string[]>,
): PlannedRelation[] {
  const personTypes = plan.relationTypes.filter((type) => type.targetKind === 'person');
  const organisationTypes = plan.relationTypes.filter((type) => type.targetKind === 'organisation');
  const relations: PlannedRelation[] = [];
  const seen = new Set<string>();
  while (relations.length < LARGE_SHAPE.relations) {
    const network = dice.pick(plan.networks);
    const members = peopleOf.get(network.id) ?? [];
    const personId = dice.pick(members);
    const toPerson = dice.chance(0.6);
    const typeId = dice.pick(toPerson ? personTypes : organisationTypes).id;
    const targetId = toPerson ? dice.pick(members) : dice.pick(plan.organisations).id;
    const key = `${personId}/${typeId}/${targetId}`;
    if (targetId === personId || seen.has(key)) continue;
    seen.add(key);
    const since = date(dice, 2008, 2022);
    const ended = dice.chance(0.1);
    relations.push({
      id: fixedId('relation', relations.length),
      typeId,
      personId,
      relatedPersonId: toPerson ? targetId : null,
      organisationId: toPerson ? null : targetId,
      since,
      until: ended ? date(dice, 2023, 2025) : null,
    });
  }
  return relations;
}

/** Builds Benchstad as plain data: the same seed gives the same municipality, ids included. */
export function planLargeMunicipality(seed = DEFAULT_SEED): LargeMunicipalityPlan {
  const dice = new Dice(seededRandom(seed));
  const { areas, neighbourhoodsOf } = planAreas(dice);
  const communities = DEMO_COMMUNITIES.slice(0, LARGE_SHAPE.communities).map((community, index) => ({
    id: fixedId('community', index),
    ...community,
  }));
  const organisationNames = new Set<string>();
  const organisations = Array.from({ length: LARGE_SHAPE.organisations }, (_, index) => {
    const { kind, prefix } = dice.pick(ORGANISATION_KINDS);
    const name = uniqueName(organisationNames, () => `${prefix} ${dice.word(3)} (fictief)`);
    return { id: fixedId('organisation', index), name, kind };
  });
  const relationTypes = DEMO_RELATION_TYPES.map((type, index) => ({
    id: fixedId('relationType', index),
    ...type,
  }));
  const networks = planNetworks(dice, areas);
  const { users, roles } = planStaff(dice, networks);
  const communityIds = communities.map((community) => community.id);
  const { people, memberships, peopleOf } = planPeople(dice, networks, neighbourhoodsOf, communityIds);
  const relations = planRelations(dice, { relationTypes, organisations, networks }, peopleOf);
  const relevance = areas
    .filter((area) => area.kind === 'neighbourhood')
    .flatMap((wijk) =>
      dice.sample(communityIds, dice.int(2, 5)).map((communityId) => ({ areaId: wijk.id, communityId })),
    );
  return {
    municipalityId: fixedId('municipality', 0),
    areas,
    communities,
    organisations,
    relationTypes,
    networks,
    users,
    roles,
    people,
    memberships,
    relations,
    relevance,
  };
}

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters for the widest table (people). */
const BATCH = 500;

async function insertInBatches<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/**
 * Writes the plan in one transaction; when Benchstad (GM9999) is already there it writes nothing and
 * returns false (its ids are fixed, so the plan still describes it).
 */
export async function insertLargeMunicipality(
  db: Kysely<Database>,
  plan: LargeMunicipalityPlan,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('municipalities')
      .select('id')
      .where('cbs_code', '=', LARGE_MUNICIPALITY.cbsCode)
      .executeTakeFirst();
    if (existing) return false;
    const municipality_id = plan.municipalityId;
    await tx
      .insertInto('municipalities')
      .values({
        id: municipality_id,
        name: LARGE_MUNICIPALITY.name,
        cbs_code: LARGE_MUNICIPALITY.cbsCode,
        latitude: LARGE_MUNICIPALITY.latitude,
        longitude: LARGE_MUNICIPALITY.longitude,
      })
      .execute();
    // Districts first: a neighbourhood's parent must exist.
    for (const kind of ['district', 'neighbourhood'] as const) {
      await tx
        .insertInto('areas')
        .values(
          plan.areas
            .filter((area) => area.kind === kind)
            .map((area) => ({
              id: area.id,
              municipality_id,
              kind,
              name: area.name,
              parent_id: area.parentId,
            })),
        )
        .execute();
    }
    await tx
      .insertInto('communities')
      .values(
        plan.communities.map((c) => ({
          id: c.id,
          municipality_id,
          name: c.name,
          category: c.category,
          // The planner reads observances from the traditions, as in the demo data.
          traditions: c.traditions ?? [],
        })),
      )
      .execute();
    await tx
      .insertInto('organisations')
      .values(plan.organisations.map((o) => ({ id: o.id, municipality_id, name: o.name, kind: o.kind })))
      .execute();
    await tx
      .insertInto('relation_types')
      .values(
        plan.relationTypes.map((t) => ({
          id: t.id,
          municipality_id,
          label: t.label,
          inverse_label: t.inverseLabel,
          target_kind: t.targetKind,
        })),
      )
      .execute();
    await tx
      .insertInto('networks')
      .values(
        plan.networks.map((n) => ({
          id: n.id,
          municipality_id,
          area_id: n.areaId,
          name: n.name,
          status: n.status,
          founded_on: n.foundedOn,
        })),
      )
      .execute();
    await tx
      .insertInto('users')
      .values(
        plan.users.map((u) => ({
          id: u.id,
          tenant_id: LARGE_TENANT_ID,
          aad_object_id: u.objectId,
          display_name: u.displayName,
          email: u.email,
          organisation: u.organisation,
          job_title: u.jobTitle,
        })),
      )
      .execute();
    await insertInBatches(plan.roles, (batch) =>
      tx
        .insertInto('network_roles')
        .values(
          batch.map((r) => ({
            network_id: r.networkId,
            user_id: r.userId,
            role: r.role,
            backup_user_id: r.backupUserId,
          })),
        )
        .execute(),
    );
    await insertInBatches(plan.people, (batch) =>
      tx
        .insertInto('people')
        .values(
          batch.map((p) => ({
            id: p.id,
            municipality_id,
            display_name: p.displayName,
            kind: p.kind,
            is_professional: p.isProfessional,
            mobile: p.mobile,
            email: p.email,
            neighbourhood_id: p.neighbourhoodId,
            age_band: p.ageBand,
            gender: p.gender,
            preferred_channel: p.preferredChannel,
            languages: ['Nederlands'],
            legal_basis: 'consent' as const,
            consent_date: p.consentDate,
          })),
        )
        .execute(),
    );
    await insertInBatches(plan.memberships, (batch) =>
      tx
        .insertInto('network_people')
        .values(batch.map((m) => ({ network_id: m.networkId, person_id: m.personId })))
        .execute(),
    );
    await insertInBatches(
      plan.people.flatMap((p) => p.communityIds.map((community_id) => ({ person_id: p.id, community_id }))),
      (batch) => tx.insertInto('person_communities').values(batch).execute(),
    );
    await insertInBatches(plan.relevance, (batch) =>
      tx
        .insertInto('neighbourhood_communities')
        .values(batch.map((r) => ({ area_id: r.areaId, community_id: r.communityId })))
        .execute(),
    );
    await insertInBatches(plan.relations, (batch) =>
      tx
        .insertInto('relations')
        .values(
          batch.map((r) => ({
            id: r.id,
            relation_type_id: r.typeId,
            person_id: r.personId,
            related_person_id: r.relatedPersonId,
            organisation_id: r.organisationId,
            since: r.since,
            until: r.until,
          })),
        )
        .execute(),
    );
    return true;
  });
}

/** Plans and inserts Benchstad, then refreshes the planner's statistics; times both steps in milliseconds. */
export async function generateLargeMunicipality(
  db: Kysely<Database>,
  seed = DEFAULT_SEED,
): Promise<{ plan: LargeMunicipalityPlan; inserted: boolean; planMs: number; insertMs: number }> {
  const planned = performance.now();
  const plan = planLargeMunicipality(seed);
  const inserting = performance.now();
  const inserted = await insertLargeMunicipality(db, plan);
  // PGlite has no autovacuum: without fresh statistics its planner would keep guessing row counts.
  if (inserted) await sql`analyze`.execute(db);
  return { plan, inserted, planMs: inserting - planned, insertMs: performance.now() - inserting };
}

/** How many allies each network of the plan has (the rules allow at most {@link LARGE_SHAPE.allyHardLimit}). */
export function alliesPerNetwork(plan: LargeMunicipalityPlan): Map<string, number> {
  const kinds = new Map(plan.people.map((person) => [person.id, person.kind]));
  const counts = new Map(plan.networks.map((network) => [network.id, 0]));
  for (const { networkId, personId } of plan.memberships)
    if (kinds.get(personId) === 'ally') counts.set(networkId, (counts.get(networkId) ?? 0) + 1);
  return counts;
}
