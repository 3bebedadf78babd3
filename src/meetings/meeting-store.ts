import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, NetworkStatus } from '../platform/db/schema.js';
import type { MeetingsTable, SchoolHolidayRegion } from './db-schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** The network with what planning needs of its municipality. */
export interface NetworkContext {
  id: string;
  name: string;
  status: NetworkStatus;
  municipalityId: string;
  latitude: number;
  longitude: number;
  region: SchoolHolidayRegion | null;
}

export async function readNetworkContext(db: Executor, networkId: string): Promise<NetworkContext | null> {
  const row = await db
    .selectFrom('networks')
    .innerJoin('municipalities', 'municipalities.id', 'networks.municipality_id')
    .select([
      'networks.id',
      'networks.name',
      'networks.status',
      'networks.municipality_id as municipalityId',
      'municipalities.latitude',
      'municipalities.longitude',
      // The column comes with migration 0004; the shared municipality type does not list it.
      sql<SchoolHolidayRegion | null>`municipalities.school_holiday_region`.as('region'),
    ])
    .where('networks.id', '=', networkId)
    .executeTakeFirst();
  return row ?? null;
}

export async function readSettingsRow(db: Executor, networkId: string) {
  return db.selectFrom('meeting_settings').selectAll().where('network_id', '=', networkId).executeTakeFirst();
}

export type SettingsRow = NonNullable<Awaited<ReturnType<typeof readSettingsRow>>>;

/** Staff of the network who attend meetings (viewers do not), with their address. */
export async function readStaff(db: Executor, networkId: string) {
  return db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select(['users.id as userId', 'users.display_name as displayName', 'users.email', 'network_roles.role'])
    .where('network_roles.network_id', '=', networkId)
    .orderBy('users.display_name')
    .execute();
}

export type StaffRow = Awaited<ReturnType<typeof readStaff>>[number];

/** The network's allies with their meeting preferences, in a stable order (name, then id). */
export async function readAllies(db: Executor, networkId: string) {
  return (
    db
      .selectFrom('network_people')
      .innerJoin('people', 'people.id', 'network_people.person_id')
      .leftJoin('meeting_ally_preferences as p', (join) =>
        join.onRef('p.person_id', '=', 'people.id').on('p.network_id', '=', networkId),
      )
      .select([
        'people.id as personId',
        'people.display_name as displayName',
        'people.email',
        'p.willing_to_chair as willingToChair',
        'p.available_weekdays as availableWeekdays',
        'p.absent_from as absentFrom',
        'p.absent_until as absentUntil',
      ])
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

export type AllyRow = Awaited<ReturnType<typeof readAllies>>[number];

/** The communities of a network's people, with the observance traditions set on each. */
export async function readNetworkCommunities(
  db: Executor,
  networkId: string,
): Promise<{ name: string; category: 'religion' | 'origin' | 'group'; traditions: string[] }[]> {
  return db
    .selectFrom('network_people')
    .innerJoin('person_communities', 'person_communities.person_id', 'network_people.person_id')
    .innerJoin('communities', 'communities.id', 'person_communities.community_id')
    .select(['communities.name', 'communities.category', 'communities.traditions'])
    .distinct()
    .where('network_people.network_id', '=', networkId)
    .orderBy('communities.name')
    .execute();
}

export async function readLocations(db: Executor, networkId: string) {
  return db
    .selectFrom('meeting_locations')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('rotation_order')
    .orderBy('name')
    .execute();
}

export type LocationRow = Awaited<ReturnType<typeof readLocations>>[number];

export type MeetingRow = Selectable<MeetingsTable>;

export async function readMeetingRows(
  db: Executor,
  filter: { networkId: string } | { ids: string[] } | { networkIds: string[]; from: Date; to: Date },
): Promise<MeetingRow[]> {
  let query = db.selectFrom('meetings').selectAll();
  if ('ids' in filter) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', filter.ids);
  } else if ('networkId' in filter) {
    query = query.where('network_id', '=', filter.networkId);
  } else {
    if (filter.networkIds.length === 0) return [];
    query = query
      .where('network_id', 'in', filter.networkIds)
      .where('starts_at', '>=', filter.from)
      .where('starts_at', '<', filter.to);
  }
  return query.orderBy('starts_at').orderBy('id').execute();
}

export async function readMeetingRow(db: Executor, networkId: string, meetingId: string) {
  const [row] = await readMeetingRows(db, { ids: [meetingId] });
  return row && row.network_id === networkId ? row : null;
}

export async function readPeopleNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export async function readUserNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export async function readActions(db: Executor, filter: { meetingIds: string[] } | { networkId: string }) {
  let query = db
    .selectFrom('meeting_actions')
    .innerJoin('meetings', 'meetings.id', 'meeting_actions.meeting_id')
    .selectAll('meeting_actions')
    .select('meetings.meeting_date');
  if ('meetingIds' in filter) {
    if (filter.meetingIds.length === 0) return [];
    query = query.where('meeting_actions.meeting_id', 'in', filter.meetingIds);
  } else {
    query = query
      .where('meeting_actions.network_id', '=', filter.networkId)
      .where('meeting_actions.status', '=', 'open');
  }
  return query.orderBy('meeting_actions.due_on').orderBy('meeting_actions.created_at').execute();
}

export type ActionRow = Awaited<ReturnType<typeof readActions>>[number];

export async function readRecords(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('meeting_records').selectAll().where('meeting_id', 'in', meetingIds).execute();
}

export async function readAttendance(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('id')
    .execute();
}

export async function readResponses(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_responses')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('address')
    .execute();
}

export async function readSchoolHolidays(
  db: Executor,
  region: SchoolHolidayRegion,
  from: string,
  to: string,
) {
  return db
    .selectFrom('school_holidays')
    .select(['from_date', 'to_date', 'label'])
    .where('region', '=', region)
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .orderBy('from_date')
    .execute();
}
