import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/audit-store.js';
import { readFollowUps } from '../call-outs/follow-ups.js';
import type { AccessProfile } from '../identity/access.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import {
  addDays,
  daysBetween,
  isoInstant,
  LOCAL_TIME_ZONE,
  localDate,
  localTime,
  startOfLocalDate,
  weekdayOf,
} from '../platform/time.js';
import {
  CalendarError,
  type CalendarEventInput,
  type CalendarPort,
  type CreatedEvent,
} from './calendar-port.js';
import type { SchoolHolidayRegion } from './db-schema.js';
import { EmbeddedCalendar } from './embedded-calendar.js';
import { eventBodyHtml, eventSubject } from './event-content.js';
import { buildInvitation, htmlToText } from './ics.js';
import type { MeetingNotifier } from './meeting-notifier.js';
import {
  type ActionRow,
  type AllyRow,
  type Executor,
  type LocationRow,
  type MeetingRow,
  type NetworkContext,
  readActions,
  readAllies,
  readAttendance,
  readLocations,
  readMeetingRow,
  readMeetingRows,
  readNetworkCommunities,
  readNetworkContext,
  readPeopleNames,
  readRecords,
  readResponses,
  readSchoolHolidays,
  readSettingsRow,
  readStaff,
  readUserNames,
  type SettingsRow,
  type StaffRow,
} from './meeting-store.js';
import type { BusyInterval, ObservanceKey, PlannerInput, PlannerResult } from './planner/contract.js';
import { planner } from './planner-gateway.js';
import { yearCalendarNetworks } from './policies.js';
import { type RotationAlly, type RotationHistory, rotate } from './rotation.js';
import type {
  createSeriesSchema,
  Meeting,
  MeetingAction,
  MeetingSettings,
  PlanPreview,
  Proposal,
  putRecordSchema,
  updateMeetingSchema,
  updateMeetingSettingsSchema,
} from './schemas.js';
import { OBSERVANCE_KEYS } from './schemas.js';
import { ensureSchoolHolidays } from './school-holiday-data.js';

/** What every meetings operation needs besides its input. */
export interface MeetingDeps {
  db: Kysely<Database>;
  calendar: CalendarPort;
  logger: Logger;
  now: () => Date;
  /** Told after a meeting's first record is stored (the bot's next-meeting card); absent without a bot. */
  notifier?: MeetingNotifier | undefined;
}

const DEFAULT_SETTINGS = {
  cadence_days: 42,
  weekdays: [2, 3, 4],
  start_time: '18:00',
  duration_minutes: 120,
  allow_longer_than_two_hours: false,
  organiser_user_id: null,
  organiser_mailbox: null,
  ramadan_policy: 'iftar' as const,
  observances_added: [] as string[],
  observances_removed: [] as string[],
  meal_arrangements: null,
  online_meeting: false,
  version: 0,
};
type EffectiveSettings = Omit<SettingsRow, 'network_id' | 'updated_at'>;

const MAX_MINUTES = 120;
/** Staff who sit at the table; viewers only read. */
const ATTENDING_ROLES = new Set(['coordinator', 'member', 'secretary']);

const notFound = () => new DomainError('not-found', 'No such record in your networks.');
const invalid = (errors: FieldError[]) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', errors);
const conflict = () =>
  new DomainError('conflict', 'Someone else changed this in the meantime; reload and try again.');

function upstream(error: unknown): DomainError {
  const status = error instanceof CalendarError ? error.status : 0;
  return new DomainError(
    'upstream-failed',
    `The calendar did not accept the change (${status === 0 ? 'no answer' : status}); nothing was changed.`,
  );
}

async function audit(
  db: Executor,
  origin: AuditOrigin,
  action: string,
  object: { type: string; id: string } | null,
  now: Date,
) {
  await appendAuditEvent(db, auditEvent(origin, action, object), now);
}

async function requireNetwork(db: Executor, networkId: string): Promise<NetworkContext> {
  const network = await readNetworkContext(db, networkId);
  if (!network) throw notFound();
  return network;
}

function effective(row: SettingsRow | undefined): EffectiveSettings {
  if (!row) return { ...DEFAULT_SETTINGS };
  const { network_id: _n, updated_at: _u, ...rest } = row;
  return rest;
}

function toObservances(values: readonly string[]): ObservanceKey[] {
  return values.filter((v): v is ObservanceKey => (OBSERVANCE_KEYS as readonly string[]).includes(v));
}

/** The calendar the events go in: the chosen staff member or mailbox, else the network's secretary. */
function organiserOf(settings: EffectiveSettings, staff: StaffRow[]): MeetingSettings['organiser'] {
  if (settings.organiser_mailbox)
    return { kind: 'mailbox', userId: null, address: settings.organiser_mailbox };
  if (settings.organiser_user_id) {
    const user = staff.find((s) => s.userId === settings.organiser_user_id);
    if (user?.email) return { kind: 'user', userId: user.userId, address: user.email };
  }
  const secretary =
    staff.find((s) => s.role === 'secretary' && s.email) ??
    staff.find((s) => s.role === 'coordinator' && s.email);
  return secretary
    ? { kind: 'secretary', userId: secretary.userId, address: secretary.email }
    : { kind: 'none', userId: null, address: null };
}

function meetingsPerYear(cadenceDays: number): number {
  return Math.round((365 / cadenceDays) * 10) / 10;
}

function settingsWarnings(
  settings: EffectiveSettings,
  organiser: MeetingSettings['organiser'],
  network: NetworkContext,
): MeetingSettings['warnings'] {
  const warnings: MeetingSettings['warnings'] = [];
  if (365 / settings.cadence_days < 4)
    warnings.push({
      code: 'fewer-than-four-a-year',
      nl: `Met elke ${settings.cadence_days} dagen komt het netwerk minder dan 4 keer per jaar bijeen; de methode vraagt 4 tot 6 keer.`,
      en: `Every ${settings.cadence_days} days means fewer than 4 meetings a year; the method asks for 4 to 6.`,
    });
  if (settings.duration_minutes > MAX_MINUTES)
    warnings.push({
      code: 'longer-than-two-hours',
      nl: 'Het overleg duurt langer dan twee uur (uitzondering ingesteld).',
      en: 'The meeting lasts longer than two hours (override set).',
    });
  if (!organiser.address)
    warnings.push({
      code: 'no-organiser',
      nl: 'Er is geen organisator met een e-mailadres: wijs een secretaris of gedeelde mailbox aan.',
      en: 'There is no organiser with an e-mail address: name a secretary or a shared mailbox.',
    });
  if (!network.region)
    warnings.push({
      code: 'no-school-holiday-region',
      nl: 'De schoolvakantieregio van de gemeente is niet ingesteld; schoolvakanties worden niet vermeden.',
      en: "The municipality's school holiday region is not set; school holidays are not avoided.",
    });
  return warnings;
}

type NetworkCommunity = Awaited<ReturnType<typeof readNetworkCommunities>>[number];

/** Observances follow from the traditions set on the network's communities, never from their names. */
async function derivedObservances(communities: NetworkCommunity[]): Promise<ObservanceKey[]> {
  return (await planner()).observancesForCommunities(communities);
}

/** Faith communities without a tradition derive nothing, so the secretary is told (names only, no people). */
function untraditionedWarning(communities: NetworkCommunity[]): MeetingSettings['warnings'] {
  const names = communities
    .filter((c) => c.category === 'religion' && c.traditions.length === 0)
    .map((c) => c.name);
  if (names.length === 0) return [];
  return [
    {
      code: 'community-without-tradition',
      nl: `Geen vieringen ingesteld voor ${names.join(', ')}: de planning houdt er geen rekening mee. Een beheerder stelt ze in bij Beheer → Inrichting → Gemeenschappen.`,
      en: `No observances set for ${names.join(', ')}: the planning does not respect any. An administrator sets them under Admin → Setup → Communities.`,
    },
  ];
}

function effectiveObservances(derived: ObservanceKey[], settings: EffectiveSettings): ObservanceKey[] {
  const removed = new Set(settings.observances_removed);
  const all = new Set([...derived, ...toObservances(settings.observances_added)]);
  return OBSERVANCE_KEYS.filter((key) => all.has(key) && !removed.has(key));
}

async function settingsView(
  deps: MeetingDeps,
  network: NetworkContext,
  row: SettingsRow | undefined,
): Promise<MeetingSettings> {
  const settings = effective(row);
  const staff = await readStaff(deps.db, network.id);
  const organiser = organiserOf(settings, staff);
  const communities = await readNetworkCommunities(deps.db, network.id);
  const derived = await derivedObservances(communities);
  return {
    networkId: network.id,
    cadenceDays: settings.cadence_days,
    meetingsPerYear: meetingsPerYear(settings.cadence_days),
    weekdays: settings.weekdays,
    startTime: settings.start_time,
    durationMinutes: settings.duration_minutes,
    allowLongerThanTwoHours: settings.allow_longer_than_two_hours,
    organiser,
    ramadanPolicy: settings.ramadan_policy,
    observances: {
      derived,
      added: toObservances(settings.observances_added),
      removed: toObservances(settings.observances_removed),
      effective: effectiveObservances(derived, settings),
    },
    mealArrangements: settings.meal_arrangements,
    onlineMeeting: settings.online_meeting,
    schoolHolidayRegion: network.region,
    calendar: deps.calendar.kind,
    warnings: [...settingsWarnings(settings, organiser, network), ...untraditionedWarning(communities)],
    version: settings.version,
  };
}

// ---- Settings ----

export async function getMeetingSettings(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
): Promise<MeetingSettings> {
  const network = await requireNetwork(deps.db, networkId);
  const view = await settingsView(deps, network, await readSettingsRow(deps.db, networkId));
  await audit(deps.db, origin, 'meeting-settings.read', { type: 'network', id: networkId }, deps.now());
  return view;
}

export async function putMeetingSettings(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  input: z.output<typeof updateMeetingSettingsSchema>,
): Promise<MeetingSettings> {
  const network = await requireNetwork(deps.db, networkId);
  const current = await readSettingsRow(deps.db, networkId);
  const base = effective(current);
  if (input.version !== undefined && input.version !== base.version) throw conflict();
  const next = {
    cadence_days: input.cadenceDays ?? base.cadence_days,
    weekdays: [...new Set(input.weekdays ?? base.weekdays)].sort((a, b) => a - b),
    start_time: input.startTime ?? base.start_time,
    duration_minutes: input.durationMinutes ?? base.duration_minutes,
    allow_longer_than_two_hours: input.allowLongerThanTwoHours ?? base.allow_longer_than_two_hours,
    organiser_user_id: input.organiserUserId !== undefined ? input.organiserUserId : base.organiser_user_id,
    organiser_mailbox: input.organiserMailbox !== undefined ? input.organiserMailbox : base.organiser_mailbox,
    ramadan_policy: input.ramadanPolicy ?? base.ramadan_policy,
    observances_added: [...new Set(input.observancesAdded ?? base.observances_added)],
    observances_removed: [...new Set(input.observancesRemoved ?? base.observances_removed)],
    meal_arrangements:
      input.mealArrangements !== undefined ? input.mealArrangements || null : base.meal_arrangements,
    online_meeting: input.onlineMeeting ?? base.online_meeting,
  };
  const errors: FieldError[] = [];
  if (next.duration_minutes > MAX_MINUTES && !next.allow_longer_than_two_hours)
    errors.push({
      field: 'body.durationMinutes',
      message: 'at most 120 minutes, unless allowLongerThanTwoHours is set',
    });
  if (next.organiser_user_id && next.organiser_mailbox)
    errors.push({
      field: 'body.organiserMailbox',
      message: 'choose either an organiser or a shared mailbox',
    });
  if (next.organiser_user_id) {
    const staff = await readStaff(deps.db, networkId);
    const user = staff.find((s) => s.userId === next.organiser_user_id);
    if (!user) errors.push({ field: 'body.organiserUserId', message: 'is not staff of this network' });
    else if (!user.email) errors.push({ field: 'body.organiserUserId', message: 'has no e-mail address' });
  }
  const overlap = next.observances_added.filter((key) => next.observances_removed.includes(key));
  if (overlap.length > 0)
    errors.push({
      field: 'body.observancesRemoved',
      message: `both added and removed: ${overlap.join(', ')}`,
    });
  if (errors.length > 0) throw invalid(errors);

  await deps.db.transaction().execute(async (tx) => {
    if (current) {
      const result = await tx
        .updateTable('meeting_settings')
        .set((eb) => ({ ...next, version: eb('version', '+', 1), updated_at: deps.now() }))
        .where('network_id', '=', networkId)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw conflict();
    } else {
      await tx
        .insertInto('meeting_settings')
        .values({ network_id: networkId, ...next, version: 1, updated_at: deps.now() })
        .execute();
    }
    await audit(tx, origin, 'meeting-settings.update', { type: 'network', id: networkId }, deps.now());
  });
  return settingsView(deps, network, await readSettingsRow(deps.db, networkId));
}

// ---- Locations ----

function locationView(row: LocationRow) {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    kind: row.kind,
    active: row.active,
    rotationOrder: row.rotation_order,
    version: row.version,
  };
}

export async function listLocations(deps: MeetingDeps, origin: AuditOrigin, networkId: string) {
  await requireNetwork(deps.db, networkId);
  const locations = (await readLocations(deps.db, networkId)).map(locationView);
  await audit(deps.db, origin, 'meeting-locations.read', { type: 'network', id: networkId }, deps.now());
  return locations;
}

export async function createLocation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  input: {
    name: string;
    address?: string | null | undefined;
    kind: LocationRow['kind'];
    active?: boolean | undefined;
    rotationOrder?: number | undefined;
  },
) {
  await requireNetwork(deps.db, networkId);
  const existing = await readLocations(deps.db, networkId);
  if (existing.some((l) => l.name.toLowerCase() === input.name.toLowerCase()))
    throw invalid([{ field: 'body.name', message: 'this network already has a location with this name' }]);
  const id = await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('meeting_locations')
      .values({
        network_id: networkId,
        name: input.name,
        address: input.address || null,
        kind: input.kind,
        active: input.active ?? true,
        rotation_order: input.rotationOrder ?? Math.max(0, ...existing.map((l) => l.rotation_order + 1)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, origin, 'meeting-location.create', { type: 'meeting-location', id: row.id }, deps.now());
    return row.id;
  });
  const created = (await readLocations(deps.db, networkId)).find((l) => l.id === id);
  if (!created) throw notFound();
  return locationView(created);
}

export async function updateLocation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  locationId: string,
  input: {
    version: number;
    name?: string | undefined;
    address?: string | null | undefined;
    kind?: LocationRow['kind'] | undefined;
    active?: boolean | undefined;
    rotationOrder?: number | undefined;
  },
) {
  const locations = await readLocations(deps.db, networkId);
  const current = locations.find((l) => l.id === locationId);
  if (!current) throw notFound();
  if (current.version !== input.version) throw conflict();
  if (
    input.name &&
    locations.some((l) => l.id !== locationId && l.name.toLowerCase() === input.name?.toLowerCase())
  )
    throw invalid([{ field: 'body.name', message: 'this network already has a location with this name' }]);
  await deps.db.transaction().execute(async (tx) => {
    try {
      await tx
        .updateTable('meeting_locations')
        .set((eb) => ({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.address !== undefined ? { address: input.address || null } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.rotationOrder !== undefined ? { rotation_order: input.rotationOrder } : {}),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', locationId)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
    await audit(
      tx,
      origin,
      'meeting-location.update',
      { type: 'meeting-location', id: locationId },
      deps.now(),
    );
  });
  const updated = (await readLocations(deps.db, networkId)).find((l) => l.id === locationId);
  if (!updated) throw notFound();
  return locationView(updated);
}

/** Deletes a location no meeting used; one with history can only be deactivated. */
export async function deleteLocation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  locationId: string,
) {
  const current = (await readLocations(deps.db, networkId)).find((l) => l.id === locationId);
  if (!current) throw notFound();
  const used = await deps.db
    .selectFrom('meetings')
    .select('id')
    .where('location_id', '=', locationId)
    .limit(1)
    .executeTakeFirst();
  if (used)
    throw new DomainError(
      'conflict',
      'Meetings took place here; deactivate the location instead of deleting it.',
    );
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('meeting_locations').where('id', '=', locationId).execute();
    await audit(
      tx,
      origin,
      'meeting-location.delete',
      { type: 'meeting-location', id: locationId },
      deps.now(),
    );
  });
}

// ---- Allies' meeting preferences ----

async function chairCounts(db: Executor, networkId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meetings')
    .select(['chair_person_id'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('network_id', '=', networkId)
    .where('status', '<>', 'cancelled')
    .where('chair_person_id', 'is not', null)
    .groupBy('chair_person_id')
    .execute();
  return new Map(rows.map((row) => [row.chair_person_id as string, Number(row.n)]));
}

function participantView(ally: AllyRow, counts: Map<string, number>) {
  return {
    personId: ally.personId,
    displayName: ally.displayName,
    hasEmail: Boolean(ally.email),
    willingToChair: ally.willingToChair ?? false,
    availableWeekdays: ally.availableWeekdays ?? null,
    absentFrom: ally.absentFrom ?? null,
    absentUntil: ally.absentUntil ?? null,
    timesChaired: counts.get(ally.personId) ?? 0,
  };
}

export async function listParticipants(deps: MeetingDeps, origin: AuditOrigin, networkId: string) {
  await requireNetwork(deps.db, networkId);
  const [allies, counts] = await Promise.all([
    readAllies(deps.db, networkId),
    chairCounts(deps.db, networkId),
  ]);
  await audit(deps.db, origin, 'meeting-participants.read', { type: 'network', id: networkId }, deps.now());
  return allies.map((ally) => participantView(ally, counts));
}

export async function putParticipant(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  personId: string,
  input: {
    willingToChair: boolean;
    availableWeekdays: number[] | null;
    absentFrom: string | null;
    absentUntil: string | null;
  },
) {
  const allies = await readAllies(deps.db, networkId);
  if (!allies.some((a) => a.personId === personId)) throw notFound();
  if (input.absentFrom && input.absentUntil && input.absentUntil < input.absentFrom)
    throw invalid([{ field: 'body.absentUntil', message: 'must not be before absentFrom' }]);
  const values = {
    willing_to_chair: input.willingToChair,
    available_weekdays: input.availableWeekdays
      ? [...new Set(input.availableWeekdays)].sort((a, b) => a - b)
      : null,
    absent_from: input.absentFrom,
    absent_until: input.absentUntil,
  };
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('meeting_ally_preferences')
      .values({ network_id: networkId, person_id: personId, ...values })
      .onConflict((oc) => oc.columns(['network_id', 'person_id']).doUpdateSet(values))
      .execute();
    await audit(tx, origin, 'meeting-participant.update', { type: 'person', id: personId }, deps.now());
  });
  const [after, counts] = await Promise.all([
    readAllies(deps.db, networkId),
    chairCounts(deps.db, networkId),
  ]);
  const ally = after.find((a) => a.personId === personId);
  if (!ally) throw notFound();
  return participantView(ally, counts);
}

// ---- Planning ----

function rotationAllies(allies: AllyRow[]): RotationAlly[] {
  return allies.map((ally) => ({
    personId: ally.personId,
    willingToChair: ally.willingToChair ?? false,
    absentFrom: ally.absentFrom ?? null,
    absentUntil: ally.absentUntil ?? null,
  }));
}

function historyOf(meetings: MeetingRow[], before?: string): RotationHistory {
  const earlier = meetings.filter(
    (m) => m.status !== 'cancelled' && (before === undefined || m.meeting_date < before),
  );
  return {
    chairs: earlier.map((m) => m.chair_person_id),
    lastLocationId: earlier.at(-1)?.location_id ?? null,
    agendaTurns: earlier.map((m) => m.agenda_turn_person_ids),
    meetingsSoFar: earlier.length,
  };
}

function activeLocationIds(locations: LocationRow[]): string[] {
  return locations.filter((l) => l.active).map((l) => l.id);
}

/** Allies' stated availability as busy intervals (whole local days) for the planner. */
export function allyBusy(allies: AllyRow[], from: string, to: string): BusyInterval[] {
  const busy: BusyInterval[] = [];
  for (const ally of allies) {
    let runStart: string | null = null;
    const flush = (endDate: string) => {
      if (runStart === null) return;
      busy.push({
        attendeeId: ally.personId,
        start: startOfLocalDate(runStart),
        end: startOfLocalDate(endDate),
      });
      runStart = null;
    };
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const unavailableDay =
        ally.availableWeekdays !== null && !ally.availableWeekdays.includes(weekdayOf(date));
      const absent =
        (ally.absentFrom !== null || ally.absentUntil !== null) &&
        (ally.absentFrom ?? '0000-01-01') <= date &&
        date <= (ally.absentUntil ?? '9999-12-31');
      if (unavailableDay || absent) runStart ??= date;
      else flush(date);
    }
    flush(addDays(to, 1));
  }
  return busy;
}

interface PlanContext {
  network: NetworkContext;
  settings: EffectiveSettings;
  staff: StaffRow[];
  allies: AllyRow[];
  locations: LocationRow[];
  meetings: MeetingRow[];
  organiser: string | null;
}

/** An archived network keeps its meetings, but no new ones are planned for it. */
function requirePlannable(context: PlanContext): PlanContext {
  if (context.network.status === 'archived')
    throw new DomainError('conflict', 'This network is archived; no new meetings are planned for it.');
  return context;
}

async function planContext(deps: MeetingDeps, networkId: string): Promise<PlanContext> {
  const network = await requireNetwork(deps.db, networkId);
  const [row, staff, allies, locations, meetings] = await Promise.all([
    readSettingsRow(deps.db, networkId),
    readStaff(deps.db, networkId),
    readAllies(deps.db, networkId),
    readLocations(deps.db, networkId),
    readMeetingRows(deps.db, { networkId }),
  ]);
  const settings = effective(row);
  return {
    network,
    settings,
    staff,
    allies,
    locations,
    meetings,
    organiser: organiserOf(settings, staff).address,
  };
}

async function runPlanner(
  deps: MeetingDeps,
  context: PlanContext,
  range: { from: string; to: string; count: number; overrides: string[] },
): Promise<{
  result: PlannerResult;
  observances: ObservanceKey[];
  staffChecked: number;
  unknownStaff: { userId: string; displayName: string }[];
}> {
  const { network, settings } = context;
  const attending = context.staff.filter((s) => ATTENDING_ROLES.has(s.role) && s.email);
  const busy: BusyInterval[] = [];
  // Graph's getSchedule answers an error item for addresses it cannot read (another tenant's mailbox).
  const unknownStaff: { userId: string; displayName: string }[] = [];
  if (attending.length > 0 && context.organiser) {
    let schedules: Awaited<ReturnType<CalendarPort['getSchedule']>>;
    try {
      schedules = await deps.calendar.getSchedule(
        context.organiser,
        attending.map((s) => s.email as string),
        startOfLocalDate(range.from),
        startOfLocalDate(addDays(range.to, 1)),
      );
    } catch (error) {
      deps.logger.warn(
        { networkId: network.id, status: error instanceof CalendarError ? error.status : 0 },
        'free/busy lookup failed',
      );
      throw upstream(error);
    }
    for (const schedule of schedules) {
      const user = attending.find((s) => s.email?.toLowerCase() === schedule.address.toLowerCase());
      if (!user) continue;
      if (schedule.error) unknownStaff.push({ userId: user.userId, displayName: user.displayName });
      for (const interval of schedule.busy) busy.push({ attendeeId: user.userId, ...interval });
    }
  }
  busy.push(...allyBusy(context.allies, range.from, range.to));

  const blockedPeriods: PlannerInput['blockedPeriods'] = [];
  if (network.region) {
    await ensureSchoolHolidays(deps.db);
    for (const holiday of await readSchoolHolidays(deps.db, network.region, range.from, range.to))
      blockedPeriods.push({
        from: holiday.from_date,
        to: holiday.to_date,
        label: { nl: holiday.label, en: `School holiday: ${holiday.label}` },
      });
  }
  for (const meeting of context.meetings.filter((m) => m.status === 'planned'))
    blockedPeriods.push({
      from: meeting.meeting_date,
      to: meeting.meeting_date,
      label: { nl: 'Er staat al een overleg gepland', en: 'A meeting is already planned' },
    });
  const communities = await readNetworkCommunities(deps.db, network.id);
  const observances = effectiveObservances(await derivedObservances(communities), settings);
  const previous = context.meetings
    .filter((m) => m.status !== 'cancelled' && m.meeting_date < range.from)
    .at(-1)?.meeting_date;
  const input: PlannerInput = {
    from: range.from,
    to: range.to,
    count: range.count,
    cadenceDays: settings.cadence_days,
    weekdays: settings.weekdays,
    startTime: settings.start_time,
    durationMinutes: settings.duration_minutes,
    allowLongerThanTwoHours: settings.allow_longer_than_two_hours,
    timeZone: LOCAL_TIME_ZONE,
    latitude: network.latitude,
    longitude: network.longitude,
    observances,
    ramadan: settings.ramadan_policy,
    blockedPeriods,
    busy,
    requiredAttendeeIds: [...attending.map((s) => s.userId), ...context.allies.map((a) => a.personId)],
    overrides: range.overrides,
    ...(previous ? { previousMeeting: previous } : {}),
  };
  const planned = (await planner()).planSeries(input);
  // The secretary sees in the preview too when a faith community's observances are missing.
  const result = { ...planned, warnings: [...planned.warnings, ...untraditionedWarning(communities)] };
  return { result, observances, staffChecked: attending.length, unknownStaff };
}

function proposalsWithRotation(context: PlanContext, result: PlannerResult): Proposal[] {
  const first = result.meetings[0]?.date;
  const rotation = rotate(
    result.meetings.map((m) => ({ date: m.date })),
    rotationAllies(context.allies),
    activeLocationIds(context.locations),
    historyOf(context.meetings, first),
  );
  const names = new Map(context.allies.map((a) => [a.personId, a.displayName]));
  const ref = (personId: string) => ({ personId, displayName: names.get(personId) ?? '' });
  return result.meetings.map((meeting, index) => {
    const slot = rotation[index];
    const location = context.locations.find((l) => l.id === slot?.locationId);
    return {
      date: meeting.date,
      start: meeting.start,
      end: meeting.end,
      localStartTime: meeting.localStartTime,
      adjustments: meeting.adjustments,
      overridden: meeting.overridden,
      chair: slot?.chairPersonId ? ref(slot.chairPersonId) : null,
      location: location
        ? { id: location.id, name: location.name, address: location.address, kind: location.kind }
        : null,
      agendaTurns: (slot?.agendaTurnPersonIds ?? []).map(ref),
      trustBuilding: slot?.trustBuilding ?? false,
    };
  });
}

function todayLocal(now: Date): string {
  return localDate(now);
}

export async function previewPlan(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  input: {
    from?: string | undefined;
    to?: string | undefined;
    count?: number | undefined;
    overrides?: string[] | undefined;
  },
): Promise<PlanPreview> {
  const context = requirePlannable(await planContext(deps, networkId));
  const from = input.from ?? addDays(todayLocal(deps.now()), 1);
  const to = input.to ?? addDays(addDays(from, 365), -1);
  const errors: FieldError[] = [];
  if (to < from) errors.push({ field: 'body.to', message: 'must not be before from' });
  else if (daysBetween(from, to) > 400)
    errors.push({ field: 'body.to', message: 'at most 400 days after from' });
  if (errors.length > 0) throw invalid(errors);
  const count =
    input.count ??
    Math.min(12, Math.max(1, Math.floor((daysBetween(from, to) + 1) / context.settings.cadence_days)));
  const planned = await runPlanner(deps, context, { from, to, count, overrides: input.overrides ?? [] });
  await audit(deps.db, origin, 'meeting.plan-preview', { type: 'network', id: networkId }, deps.now());
  return {
    from,
    to,
    proposals: proposalsWithRotation(context, planned.result),
    skipped: planned.result.skipped,
    warnings: planned.result.warnings,
    observances: planned.observances,
    freeBusy: {
      source: deps.calendar.kind,
      staffChecked: planned.staffChecked,
      staffUnknown: planned.unknownStaff.length,
      unknownStaff: planned.unknownStaff,
    },
  };
}

export async function nextProposal(deps: MeetingDeps, origin: AuditOrigin, networkId: string) {
  const context = requirePlannable(await planContext(deps, networkId));
  const from = addDays(todayLocal(deps.now()), 1);
  const planned = await runPlanner(deps, context, { from, to: addDays(from, 182), count: 1, overrides: [] });
  await audit(deps.db, origin, 'meeting.next-proposal', { type: 'network', id: networkId }, deps.now());
  return {
    networkId,
    networkName: context.network.name,
    proposal: proposalsWithRotation(context, planned.result)[0] ?? null,
    skipped: planned.result.skipped,
    warnings: planned.result.warnings,
  };
}

// ---- Meetings and their calendar events ----

function validateTimes(
  start: string,
  end: string,
  settings: EffectiveSettings,
  now: Date,
  field: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
  if (!(minutes > 0)) errors.push({ field: `${field}.end`, message: 'must be after start' });
  else if (minutes > MAX_MINUTES && !settings.allow_longer_than_two_hours)
    errors.push({ field: `${field}.end`, message: 'a meeting lasts at most two hours' });
  if (Date.parse(start) <= now.getTime())
    errors.push({ field: `${field}.start`, message: 'must be in the future' });
  return errors;
}

async function eventInput(
  db: Executor,
  meeting: MeetingRow,
  mealArrangements: string | null,
): Promise<CalendarEventInput> {
  const network = await requireNetwork(db, meeting.network_id);
  const [staff, allies, locations] = await Promise.all([
    readStaff(db, meeting.network_id),
    readAllies(db, meeting.network_id),
    readLocations(db, meeting.network_id),
  ]);
  const names = await readPeopleNames(db, [
    ...(meeting.chair_person_id ? [meeting.chair_person_id] : []),
    ...meeting.agenda_turn_person_ids,
  ]);
  const location = locations.find((l) => l.id === meeting.location_id) ?? null;
  const start = isoInstant(meeting.starts_at);
  const content = {
    networkName: network.name,
    trustBuilding: meeting.trust_building,
    mealArrangements,
    chairName: meeting.chair_person_id ? (names.get(meeting.chair_person_id) ?? null) : null,
    agendaTurnNames: meeting.agenda_turn_person_ids.map((id) => names.get(id) ?? '').filter(Boolean),
    locationName: location ? [location.name, location.address].filter(Boolean).join(', ') : null,
    localStartTime: localTime(start),
  };
  const organiser = meeting.organiser.toLowerCase();
  const attendees = [
    ...staff
      .filter((s) => ATTENDING_ROLES.has(s.role) && s.email && s.email.toLowerCase() !== organiser)
      .map((s) => ({ address: s.email as string, name: s.displayName, type: 'required' as const })),
    ...allies
      .filter((a) => a.email && !isAbsentOn(a, meeting.meeting_date))
      .map((a) => ({ address: a.email as string, name: a.displayName, type: 'required' as const })),
  ];
  return {
    subject: eventSubject(content),
    bodyHtml: eventBodyHtml(content),
    location: location ? { displayName: location.name, address: location.address } : null,
    start,
    end: isoInstant(meeting.ends_at),
    timeZone: LOCAL_TIME_ZONE,
    attendees,
    isOnlineMeeting: meeting.online_meeting,
  };
}

function isAbsentOn(ally: AllyRow, date: string): boolean {
  if (ally.absentFrom === null && ally.absentUntil === null) return false;
  return (ally.absentFrom ?? '0000-01-01') <= date && date <= (ally.absentUntil ?? '9999-12-31');
}

async function storeCreated(db: Executor, meetingId: string, created: CreatedEvent) {
  await db
    .updateTable('meetings')
    .set({
      calendar_state: 'created',
      calendar_event_id: created.eventId,
      calendar_web_link: created.webLink,
      join_url: created.joinUrl,
      updated_at: new Date(),
    })
    .where('id', '=', meetingId)
    .execute();
}

/**
 * Makes sure the meeting's event exists, never twice: the intent id (stored with the meeting before
 * any call) is the event's transactionId. After a failed create, or when `reconcileFirst` (a retry),
 * the calendar is asked for an event with that transactionId before anything is created.
 */
async function ensureEvent(deps: MeetingDeps, meetingId: string, reconcileFirst: boolean): Promise<void> {
  const [meeting] = await readMeetingRows(deps.db, { ids: [meetingId] });
  if (meeting?.status !== 'planned' || meeting.calendar_event_id) return;
  const settings = effective(await readSettingsRow(deps.db, meeting.network_id));
  const reconcile = async (): Promise<boolean> => {
    const found = await deps.calendar.findByTransactionId(meeting.organiser, meeting.intent_id);
    if (found) await storeCreated(deps.db, meeting.id, found);
    return found !== null;
  };
  try {
    if (reconcileFirst && (await reconcile())) return;
    const input = await eventInput(deps.db, meeting, settings.meal_arrangements);
    try {
      await storeCreated(
        deps.db,
        meeting.id,
        await deps.calendar.createEvent(meeting.organiser, input, meeting.intent_id),
      );
    } catch (error) {
      // The answer may have been lost after the event was made (a reset connection, a 5xx after the write).
      deps.logger.warn(
        { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
        'calendar event creation failed; reconciling by transaction id',
      );
      if (!(await reconcile())) throw error;
    }
  } catch (error) {
    deps.logger.warn(
      { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
      'calendar event not created',
    );
    await deps.db
      .updateTable('meetings')
      .set({ calendar_state: 'failed' })
      .where('id', '=', meeting.id)
      .where('calendar_event_id', 'is', null)
      .execute();
  }
}

export async function createSeries(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  input: z.output<typeof createSeriesSchema>,
): Promise<{ seriesId: string; meetings: Meeting[] }> {
  const context = requirePlannable(await planContext(deps, networkId));
  const now = deps.now();
  if (!context.organiser)
    throw new DomainError(
      'rule-violated',
      'This network has no organiser with an e-mail address (set one in the meeting settings).',
    );
  const slots = input.meetings
    .map((m, index) => ({ ...m, index, date: localDate(m.start) }))
    .sort((a, b) => a.start.localeCompare(b.start));
  const errors: FieldError[] = [];
  const planned = new Set(context.meetings.filter((m) => m.status === 'planned').map((m) => m.meeting_date));
  const seen = new Set<string>();
  for (const slot of slots) {
    const field = `body.meetings.${slot.index}`;
    errors.push(...validateTimes(slot.start, slot.end, context.settings, now, field));
    if (seen.has(slot.date) || planned.has(slot.date))
      errors.push({ field: `${field}.start`, message: 'there is already a meeting on this date' });
    seen.add(slot.date);
    if (slot.locationId && !context.locations.some((l) => l.id === slot.locationId && l.active))
      errors.push({ field: `${field}.locationId`, message: 'is not an active location of this network' });
  }
  if (errors.length > 0) throw invalid(errors);

  const first = slots[0]?.date;
  const rotation = rotate(
    slots.map((s) => ({ date: s.date, locationId: s.locationId })),
    rotationAllies(context.allies),
    activeLocationIds(context.locations),
    historyOf(context.meetings, first),
  );
  const seriesId = randomUUID();
  const onlineMeeting = input.onlineMeeting ?? context.settings.online_meeting;
  const ids = await deps.db.transaction().execute(async (tx) => {
    const created: string[] = [];
    for (const [index, slot] of slots.entries()) {
      const turn = rotation[index];
      const row = await tx
        .insertInto('meetings')
        .values({
          network_id: networkId,
          series_id: seriesId,
          meeting_date: slot.date,
          starts_at: slot.start,
          ends_at: slot.end,
          location_id: turn?.locationId ?? null,
          chair_person_id: turn?.chairPersonId ?? null,
          agenda_turn_person_ids: turn?.agendaTurnPersonIds ?? [],
          trust_building: turn?.trustBuilding ?? false,
          online_meeting: onlineMeeting,
          organiser: context.organiser as string,
          // The idempotency key of the calendar event, committed before the calendar is called.
          intent_id: randomUUID(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, origin, 'meeting.create', { type: 'meeting', id: row.id }, now);
      created.push(row.id);
    }
    return created;
  });
  for (const id of ids) await ensureEvent(deps, id, false);
  return { seriesId, meetings: await meetingViews(deps.db, await readMeetingRows(deps.db, { ids })) };
}

/** Retries the calendar for a meeting whose event is missing: reconcile first, then create. */
export async function syncMeetingCalendar(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
): Promise<Meeting> {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  await ensureEvent(deps, meetingId, true);
  await audit(deps.db, origin, 'meeting.calendar-sync', { type: 'meeting', id: meetingId }, deps.now());
  return oneMeeting(deps.db, networkId, meetingId);
}

export async function updateMeeting(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  input: z.output<typeof updateMeetingSchema>,
): Promise<Meeting> {
  const context = await planContext(deps, networkId);
  const meeting = context.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw notFound();
  if (meeting.version !== input.version) throw conflict();
  if (meeting.status !== 'planned')
    throw new DomainError('rule-violated', 'Only a planned meeting can be changed.');
  const start = input.start ?? isoInstant(meeting.starts_at);
  const end =
    input.end ??
    (input.start
      ? new Date(
          Date.parse(input.start) + (meeting.ends_at.getTime() - meeting.starts_at.getTime()),
        ).toISOString()
      : isoInstant(meeting.ends_at));
  const errors: FieldError[] = [];
  if (input.start !== undefined || input.end !== undefined)
    errors.push(...validateTimes(start, end, context.settings, deps.now(), 'body'));
  const date = localDate(start);
  if (
    date !== meeting.meeting_date &&
    context.meetings.some((m) => m.id !== meetingId && m.status === 'planned' && m.meeting_date === date)
  )
    errors.push({ field: 'body.start', message: 'there is already a meeting on this date' });
  if (input.locationId && !context.locations.some((l) => l.id === input.locationId))
    errors.push({ field: 'body.locationId', message: 'is not a location of this network' });
  const allyIds = new Set(context.allies.map((a) => a.personId));
  // The chair is always an ally of this network, never an outsider.
  if (input.chairPersonId && !allyIds.has(input.chairPersonId))
    errors.push({ field: 'body.chairPersonId', message: 'is not an ally of this network' });
  (input.agendaTurnPersonIds ?? []).forEach((id, index) => {
    if (!allyIds.has(id))
      errors.push({ field: `body.agendaTurnPersonIds.${index}`, message: 'is not an ally of this network' });
  });
  if (errors.length > 0) throw invalid(errors);

  const next: MeetingRow = {
    ...meeting,
    meeting_date: date,
    starts_at: new Date(start),
    ends_at: new Date(end),
    location_id: input.locationId !== undefined ? input.locationId : meeting.location_id,
    chair_person_id: input.chairPersonId !== undefined ? input.chairPersonId : meeting.chair_person_id,
    agenda_turn_person_ids: input.agendaTurnPersonIds ?? meeting.agenda_turn_person_ids,
    online_meeting: input.onlineMeeting ?? meeting.online_meeting,
  };
  if (meeting.calendar_event_id) {
    try {
      // Outlook sends the attendees the update; the database follows only when the calendar accepted it.
      await deps.calendar.updateEvent(
        meeting.organiser,
        meeting.calendar_event_id,
        await eventInput(deps.db, next, context.settings.meal_arrangements),
      );
    } catch (error) {
      deps.logger.warn(
        { meetingId, status: error instanceof CalendarError ? error.status : 0 },
        'calendar event update failed',
      );
      throw upstream(error);
    }
  }
  await deps.db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('meetings')
      .set((eb) => ({
        meeting_date: next.meeting_date,
        starts_at: next.starts_at,
        ends_at: next.ends_at,
        location_id: next.location_id,
        chair_person_id: next.chair_person_id,
        agenda_turn_person_ids: next.agenda_turn_person_ids,
        online_meeting: next.online_meeting,
        version: eb('version', '+', 1),
        updated_at: deps.now(),
      }))
      .where('id', '=', meetingId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict();
    await audit(tx, origin, 'meeting.update', { type: 'meeting', id: meetingId }, deps.now());
  });
  if (!meeting.calendar_event_id) await ensureEvent(deps, meetingId, true);
  return oneMeeting(deps.db, networkId, meetingId);
}

export async function cancelMeeting(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  input: { version: number; reason: string },
): Promise<Meeting> {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  if (meeting.version !== input.version) throw conflict();
  if (meeting.status !== 'planned')
    throw new DomainError('rule-violated', 'Only a planned meeting can be cancelled.');
  if (!meeting.calendar_event_id && meeting.calendar_state !== 'created') {
    // An event may exist from a create whose answer was lost: find it so it is cancelled too.
    try {
      const found = await deps.calendar.findByTransactionId(meeting.organiser, meeting.intent_id);
      if (found) {
        await storeCreated(deps.db, meetingId, found);
        meeting.calendar_event_id = found.eventId;
      }
    } catch (error) {
      throw upstream(error);
    }
  }
  if (meeting.calendar_event_id) {
    try {
      await deps.calendar.cancelEvent(meeting.organiser, meeting.calendar_event_id, input.reason);
    } catch (error) {
      deps.logger.warn(
        { meetingId, status: error instanceof CalendarError ? error.status : 0 },
        'calendar event cancellation failed',
      );
      throw upstream(error);
    }
  }
  await deps.db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('meetings')
      .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: deps.now() }))
      .where('id', '=', meetingId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict();
    await audit(tx, origin, 'meeting.cancel', { type: 'meeting', id: meetingId }, deps.now());
  });
  return oneMeeting(deps.db, networkId, meetingId);
}

/** Reads responses back from the calendar for a planned meeting with an event; keeps the stored ones on failure. */
async function refreshResponses(deps: MeetingDeps, meeting: MeetingRow): Promise<void> {
  if (meeting.status !== 'planned' || !meeting.calendar_event_id) return;
  let responses: Awaited<ReturnType<CalendarPort['readResponses']>>;
  try {
    responses = await deps.calendar.readResponses(meeting.organiser, meeting.calendar_event_id);
  } catch (error) {
    deps.logger.warn(
      { meetingId: meeting.id, status: error instanceof CalendarError ? error.status : 0 },
      'attendee responses not read',
    );
    return;
  }
  const [staff, allies] = await Promise.all([
    readStaff(deps.db, meeting.network_id),
    readAllies(deps.db, meeting.network_id),
  ]);
  const byAddress = new Map<string, { userId: string | null; personId: string | null }>();
  for (const s of staff)
    if (s.email) byAddress.set(s.email.toLowerCase(), { userId: s.userId, personId: null });
  for (const a of allies)
    if (a.email) byAddress.set(a.email.toLowerCase(), { userId: null, personId: a.personId });
  const unique = new Map(responses.map((r) => [r.address.toLowerCase(), r]));
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('meeting_responses').where('meeting_id', '=', meeting.id).execute();
    if (unique.size === 0) return;
    await tx
      .insertInto('meeting_responses')
      .values(
        [...unique.values()].map((r) => ({
          meeting_id: meeting.id,
          address: r.address,
          user_id: byAddress.get(r.address.toLowerCase())?.userId ?? null,
          person_id: byAddress.get(r.address.toLowerCase())?.personId ?? null,
          response: r.response,
          read_at: deps.now(),
        })),
      )
      .execute();
  });
}

function actionView(row: ActionRow, users: Map<string, string>, people: Map<string, string>): MeetingAction {
  const owner = row.owner_user_id
    ? { kind: 'staff' as const, id: row.owner_user_id, displayName: users.get(row.owner_user_id) ?? '' }
    : row.owner_person_id
      ? { kind: 'ally' as const, id: row.owner_person_id, displayName: people.get(row.owner_person_id) ?? '' }
      : null;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    description: row.description,
    owner,
    dueOn: row.due_on,
    status: row.status,
    version: row.version,
  };
}

async function actionViews(db: Executor, rows: ActionRow[]): Promise<MeetingAction[]> {
  const [users, people] = await Promise.all([
    readUserNames(
      db,
      rows.flatMap((r) => (r.owner_user_id ? [r.owner_user_id] : [])),
    ),
    readPeopleNames(
      db,
      rows.flatMap((r) => (r.owner_person_id ? [r.owner_person_id] : [])),
    ),
  ]);
  return rows.map((row) => actionView(row, users, people));
}

async function meetingViews(db: Executor, rows: MeetingRow[]): Promise<Meeting[]> {
  const ids = rows.map((r) => r.id);
  const [records, attendance, responses, actions] = await Promise.all([
    readRecords(db, ids),
    readAttendance(db, ids),
    readResponses(db, ids),
    readActions(db, { meetingIds: ids }),
  ]);
  const locationRows = new Map<string, LocationRow>();
  for (const networkId of new Set(rows.map((r) => r.network_id)))
    for (const l of await readLocations(db, networkId)) locationRows.set(l.id, l);
  const personIds = new Set<string>();
  const userIds = new Set<string>();
  for (const r of rows) {
    if (r.chair_person_id) personIds.add(r.chair_person_id);
    for (const id of r.agenda_turn_person_ids) personIds.add(id);
  }
  for (const a of attendance) {
    if (a.person_id) personIds.add(a.person_id);
    if (a.user_id) userIds.add(a.user_id);
  }
  for (const r of responses) {
    if (r.person_id) personIds.add(r.person_id);
    if (r.user_id) userIds.add(r.user_id);
  }
  for (const a of actions) {
    if (a.owner_person_id) personIds.add(a.owner_person_id);
    if (a.owner_user_id) userIds.add(a.owner_user_id);
  }
  const [people, users] = await Promise.all([
    readPeopleNames(db, [...personIds]),
    readUserNames(db, [...userIds]),
  ]);
  const ref = (personId: string) => ({ personId, displayName: people.get(personId) ?? '' });
  return rows.map((row) => {
    const location = row.location_id ? locationRows.get(row.location_id) : undefined;
    const record = records.find((r) => r.meeting_id === row.id);
    return {
      id: row.id,
      networkId: row.network_id,
      seriesId: row.series_id,
      date: row.meeting_date,
      start: isoInstant(row.starts_at),
      end: isoInstant(row.ends_at),
      localStartTime: localTime(row.starts_at),
      location: location
        ? { id: location.id, name: location.name, address: location.address, kind: location.kind }
        : null,
      chair: row.chair_person_id ? ref(row.chair_person_id) : null,
      agendaTurns: row.agenda_turn_person_ids.map(ref),
      trustBuilding: row.trust_building,
      onlineMeeting: row.online_meeting,
      status: row.status,
      organiser: row.organiser,
      calendar: {
        state: row.calendar_state,
        eventId: row.calendar_event_id,
        webLink: row.calendar_web_link,
        joinUrl: row.join_url,
      },
      responses: responses
        .filter((r) => r.meeting_id === row.id)
        .map((r) => ({
          kind: r.user_id ? ('staff' as const) : r.person_id ? ('ally' as const) : ('other' as const),
          userId: r.user_id,
          personId: r.person_id,
          displayName: r.user_id
            ? (users.get(r.user_id) ?? r.address)
            : r.person_id
              ? (people.get(r.person_id) ?? r.address)
              : r.address,
          response: r.response,
        })),
      record: record
        ? {
            attendance: attendance
              .filter((a) => a.meeting_id === row.id)
              .map((a) =>
                a.user_id
                  ? {
                      kind: 'staff' as const,
                      id: a.user_id,
                      displayName: users.get(a.user_id) ?? '',
                      present: a.present,
                    }
                  : {
                      kind: 'ally' as const,
                      id: a.person_id as string,
                      displayName: people.get(a.person_id as string) ?? '',
                      present: a.present,
                    },
              ),
            themes: record.themes as NonNullable<Meeting['record']>['themes'],
            themesText: record.themes_text,
            mood: record.mood,
            recordedAt: isoInstant(record.recorded_at),
            version: record.version,
          }
        : null,
      actions: actions.filter((a) => a.meeting_id === row.id).map((a) => actionView(a, users, people)),
      version: row.version,
    };
  });
}

async function oneMeeting(db: Executor, networkId: string, meetingId: string): Promise<Meeting> {
  const row = await readMeetingRow(db, networkId, meetingId);
  if (!row) throw notFound();
  const [view] = await meetingViews(db, [row]);
  if (!view) throw notFound();
  return view;
}

export async function listMeetings(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  scope: 'all' | 'upcoming' | 'past',
) {
  await requireNetwork(deps.db, networkId);
  const now = deps.now().getTime();
  const rows = await readMeetingRows(deps.db, { networkId });
  const upcomingRows = scope === 'past' ? [] : rows.filter((r) => r.ends_at.getTime() >= now);
  const pastRows = scope === 'upcoming' ? [] : rows.filter((r) => r.ends_at.getTime() < now).reverse();
  const [upcoming, past, openActions, followUps] = await Promise.all([
    meetingViews(deps.db, upcomingRows),
    meetingViews(deps.db, pastRows),
    readActions(deps.db, { networkId }).then((rows) => actionViews(deps.db, rows)),
    readFollowUps(deps.db, { networkId }, deps.now()),
  ]);
  await audit(deps.db, origin, 'meeting.list', { type: 'network', id: networkId }, deps.now());
  return { upcoming, past, openActions, followUps: followUps.filter((f) => f.status !== 'held') };
}

export async function getMeeting(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
) {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  await refreshResponses(deps, meeting);
  await audit(deps.db, origin, 'meeting.read', { type: 'meeting', id: meetingId }, deps.now());
  return oneMeeting(deps.db, networkId, meetingId);
}

/** The meeting as an .ics file: the embedded calendar's own latest invitation, else built from the meeting. */
export async function meetingInvitation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
) {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  let ics: string | null = null;
  if (deps.calendar instanceof EmbeddedCalendar && meeting.calendar_event_id)
    ics = await deps.calendar.latestInvitation(meeting.calendar_event_id);
  if (!ics) {
    const settings = effective(await readSettingsRow(deps.db, networkId));
    const input = await eventInput(deps.db, meeting, settings.meal_arrangements);
    ics = buildInvitation({
      uid: `${meeting.intent_id}@bondgenoten`,
      sequence: meeting.version - 1,
      method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      subject: input.subject,
      description: htmlToText(input.bodyHtml),
      html: input.bodyHtml,
      location: input.location
        ? [input.location.displayName, input.location.address].filter(Boolean).join(', ')
        : null,
      start: input.start,
      end: input.end,
      organiser: { address: meeting.organiser, name: meeting.organiser },
      attendees: input.attendees.map((a) => ({ ...a, response: 'notResponded' as const })),
      url: meeting.join_url,
    });
  }
  await audit(deps.db, origin, 'meeting.invitation-download', { type: 'meeting', id: meetingId }, deps.now());
  return {
    fileName: `bondgenotenoverleg-${meeting.meeting_date}.ics`,
    contentType: 'text/calendar' as const,
    ics,
  };
}

// ---- The meeting record and actions ----

export async function putRecord(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  input: z.output<typeof putRecordSchema>,
): Promise<Meeting> {
  const meeting = await readMeetingRow(deps.db, networkId, meetingId);
  if (!meeting) throw notFound();
  if (meeting.status === 'cancelled')
    throw new DomainError('rule-violated', 'A cancelled meeting has no record.');
  if (meeting.starts_at.getTime() > deps.now().getTime())
    throw new DomainError('rule-violated', 'A meeting can be recorded once it has started.');
  const [staff, people, existingActions, record] = await Promise.all([
    readStaff(deps.db, networkId),
    deps.db.selectFrom('network_people').select('person_id').where('network_id', '=', networkId).execute(),
    readActions(deps.db, { meetingIds: [meetingId] }),
    readRecords(deps.db, [meetingId]).then((rows) => rows[0]),
  ]);
  if (input.version !== undefined && input.version !== (record?.version ?? 0)) throw conflict();
  const staffIds = new Set(staff.map((s) => s.userId));
  const personIds = new Set(people.map((p) => p.person_id));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.attendance.forEach((entry, index) => {
    const field = `body.attendance.${index}`;
    if ((entry.userId === undefined) === (entry.personId === undefined))
      errors.push({ field, message: 'give either userId or personId' });
    else if (entry.userId && !staffIds.has(entry.userId))
      errors.push({ field: `${field}.userId`, message: 'is not staff of this network' });
    else if (entry.personId && !personIds.has(entry.personId))
      errors.push({ field: `${field}.personId`, message: 'is not a person of this network' });
    const key = entry.userId ?? entry.personId ?? '';
    if (seen.has(key)) errors.push({ field, message: 'listed twice' });
    seen.add(key);
  });
  (input.actions ?? []).forEach((action, index) => {
    const field = `body.actions.${index}`;
    if (action.id && !existingActions.some((a) => a.id === action.id))
      errors.push({ field: `${field}.id`, message: 'is not an action of this meeting' });
    if (action.ownerUserId && action.ownerPersonId)
      errors.push({ field: `${field}.ownerPersonId`, message: 'an action has one owner' });
    if (action.ownerUserId && !staffIds.has(action.ownerUserId))
      errors.push({ field: `${field}.ownerUserId`, message: 'is not staff of this network' });
    if (action.ownerPersonId && !personIds.has(action.ownerPersonId))
      errors.push({ field: `${field}.ownerPersonId`, message: 'is not a person of this network' });
  });
  if (errors.length > 0) throw invalid(errors);

  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const values = {
      themes: [...new Set(input.themes)],
      themes_text: input.themesText || null,
      mood: input.mood ?? null,
      recorded_by: origin.actorUserId,
      recorded_at: now,
    };
    if (record) {
      const result = await tx
        .updateTable('meeting_records')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('meeting_id', '=', meetingId)
        .where('version', '=', record.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw conflict();
    } else {
      await tx
        .insertInto('meeting_records')
        .values({ meeting_id: meetingId, ...values, version: 1 })
        .execute();
    }
    await tx.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
    if (input.attendance.length > 0)
      await tx
        .insertInto('meeting_attendance')
        .values(
          input.attendance.map((entry) => ({
            meeting_id: meetingId,
            user_id: entry.userId ?? null,
            person_id: entry.personId ?? null,
            present: entry.present,
          })),
        )
        .execute();
    for (const action of input.actions ?? []) {
      const values = {
        description: action.description,
        owner_user_id: action.ownerUserId ?? null,
        owner_person_id: action.ownerPersonId ?? null,
        due_on: action.dueOn ?? null,
        status: action.status ?? 'open',
      };
      if (action.id)
        await tx
          .updateTable('meeting_actions')
          .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', action.id)
          .execute();
      else
        await tx
          .insertInto('meeting_actions')
          .values({ meeting_id: meetingId, network_id: networkId, ...values })
          .execute();
    }
    await tx
      .updateTable('meetings')
      .set((eb) => ({ status: 'held', version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', meetingId)
      .execute();
    await audit(tx, origin, 'meeting.record', { type: 'meeting', id: meetingId }, now);
  });
  // Only the first record: correcting it later must not send the next-meeting proposal again.
  if (!record) notifyRecorded(deps, { networkId, meetingId, recordedByUserId: origin.actorUserId });
  return oneMeeting(deps.db, networkId, meetingId);
}

/** Hands the stored record to the notifier without waiting: the record stands whatever the notifier does. */
function notifyRecorded(deps: MeetingDeps, event: Parameters<MeetingNotifier['meetingRecorded']>[0]): void {
  const { notifier } = deps;
  if (!notifier) return;
  const failed = (error: unknown) =>
    deps.logger.error(
      { networkId: event.networkId, meetingId: event.meetingId, err: { type: errorType(error) } },
      'meeting-recorded notification failed',
    );
  try {
    notifier.meetingRecorded(event).catch(failed);
  } catch (error) {
    failed(error);
  }
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export async function updateAction(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  actionId: string,
  input: { version: number; status: 'open' | 'done' | 'dropped' },
): Promise<MeetingAction> {
  const row = await deps.db
    .selectFrom('meeting_actions')
    .select(['id', 'version'])
    .where('id', '=', actionId)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.version !== input.version) throw conflict();
  await deps.db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('meeting_actions')
      .set((eb) => ({ status: input.status, version: eb('version', '+', 1), updated_at: deps.now() }))
      .where('id', '=', actionId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict();
    await audit(tx, origin, 'meeting-action.update', { type: 'meeting-action', id: actionId }, deps.now());
  });
  const [updated] = await readActions(deps.db, {
    meetingIds: [
      (
        await deps.db
          .selectFrom('meeting_actions')
          .select('meeting_id')
          .where('id', '=', actionId)
          .executeTakeFirstOrThrow()
      ).meeting_id,
    ],
  }).then((rows) => rows.filter((r) => r.id === actionId));
  if (!updated) throw notFound();
  const [view] = await actionViews(deps.db, [updated]);
  if (!view) throw notFound();
  return view;
}

// ---- Across networks ----

export async function yearCalendar(
  deps: MeetingDeps,
  origin: AuditOrigin,
  access: AccessProfile,
  year: number | undefined,
) {
  const theYear = year ?? Number(localDate(deps.now()).slice(0, 4));
  let networksQuery = deps.db.selectFrom('networks').select(['id', 'name']).orderBy('name');
  const visible = yearCalendarNetworks(access);
  if (visible !== 'all') {
    if (visible.length === 0) return { year: theYear, networks: [], meetings: [] };
    networksQuery = networksQuery.where('id', 'in', visible);
  }
  const networks = await networksQuery.execute();
  const rows = await readMeetingRows(deps.db, {
    networkIds: networks.map((n) => n.id),
    from: new Date(startOfLocalDate(`${theYear}-01-01`)),
    to: new Date(startOfLocalDate(`${theYear + 1}-01-01`)),
  });
  const locations = new Map<string, string>();
  for (const networkId of new Set(rows.map((r) => r.network_id)))
    for (const l of await readLocations(deps.db, networkId)) locations.set(l.id, l.name);
  await audit(deps.db, origin, 'meeting.year-calendar', null, deps.now());
  return {
    year: theYear,
    networks,
    meetings: rows.map((row) => ({
      id: row.id,
      networkId: row.network_id,
      date: row.meeting_date,
      start: isoInstant(row.starts_at),
      end: isoInstant(row.ends_at),
      status: row.status,
      locationName: row.location_id ? (locations.get(row.location_id) ?? null) : null,
      trustBuilding: row.trust_building,
    })),
  };
}

// ---- School holidays (administrators) ----

export async function getSchoolHolidays(deps: MeetingDeps, origin: AuditOrigin, region: SchoolHolidayRegion) {
  await ensureSchoolHolidays(deps.db);
  await audit(deps.db, origin, 'school-holidays.read', null, deps.now());
  const rows = await deps.db
    .selectFrom('school_holidays')
    .select(['from_date', 'to_date', 'label'])
    .where('region', '=', region)
    .orderBy('from_date')
    .execute();
  return { region, periods: rows.map((r) => ({ from: r.from_date, to: r.to_date, label: r.label })) };
}

export async function putSchoolHolidays(
  deps: MeetingDeps,
  origin: AuditOrigin,
  region: SchoolHolidayRegion,
  periods: { from: string; to: string; label: string }[],
) {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  periods.forEach((p, index) => {
    if (p.to < p.from) errors.push({ field: `body.periods.${index}.to`, message: 'must not be before from' });
    const key = `${p.from}|${p.label}`;
    if (keys.has(key)) errors.push({ field: `body.periods.${index}`, message: 'listed twice' });
    keys.add(key);
  });
  if (errors.length > 0) throw invalid(errors);
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('school_holidays').where('region', '=', region).execute();
    if (periods.length > 0)
      await tx
        .insertInto('school_holidays')
        .values(periods.map((p) => ({ region, from_date: p.from, to_date: p.to, label: p.label })))
        .execute();
    await audit(tx, origin, 'school-holidays.update', null, deps.now());
  });
  return getSchoolHolidays(deps, origin, region);
}

export async function putSchoolHolidayRegion(
  deps: MeetingDeps,
  origin: AuditOrigin,
  municipalityId: string,
  region: SchoolHolidayRegion | null,
) {
  await deps.db.transaction().execute(async (tx) => {
    // The column comes with migration 0004; the shared municipality type does not list it.
    const result =
      await sql`update municipalities set school_holiday_region = ${region} where id = ${municipalityId}`.execute(
        tx,
      );
    if (Number(result.numAffectedRows ?? 0) === 0) throw notFound();
    await audit(
      tx,
      origin,
      'municipality.school-holiday-region',
      { type: 'municipality', id: municipalityId },
      deps.now(),
    );
  });
  return { region };
}
