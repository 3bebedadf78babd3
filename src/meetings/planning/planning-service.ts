import type { AuditOrigin } from '../../audit/audit-origin.js';
import { readAbsencePeriods } from '../../continuity/index.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import {
  addDays,
  daysBetween,
  LOCAL_TIME_ZONE,
  localDate,
  startOfLocalDate,
  weekdayOf,
} from '../../platform/time.js';
import { CalendarError, type CalendarPort } from '../calendar-port.js';
import {
  type LocationRow,
  type MeetingRow,
  readLocations,
  readMeetingRows,
  readSchoolHolidays,
  readSettingsRow,
} from '../meeting-store.js';
import {
  type AllyRow,
  type NetworkContext,
  readAllies,
  readNetworkCommunities,
  readStaff,
  type StaffRow,
} from '../neighbour-reads.js';
import type { BusyInterval, ObservanceKey, PlannerInput, PlannerResult } from '../planner/contract.js';
import { planner } from '../planner-gateway.js';
import { type RotationAlly, type RotationHistory, rotate } from '../rotation.js';
import { ensureSchoolHolidays } from '../school-holiday-data.js';
import {
  ATTENDING_ROLES,
  audit,
  type EffectiveSettings,
  invalid,
  type MeetingDeps,
  requireNetwork,
  upstream,
} from '../service-kit.js';
import {
  derivedObservances,
  effective,
  effectiveObservances,
  organiserOf,
  untraditionedWarning,
} from '../settings/settings-service.js';
import type { PlanPreview, Proposal } from './planning-schemas.js';

// ---- Planning ----

export function rotationAllies(allies: AllyRow[]): RotationAlly[] {
  return allies.map((ally) => ({
    personId: ally.personId,
    willingToChair: ally.willingToChair ?? false,
    absentFrom: ally.absentFrom ?? null,
    absentUntil: ally.absentUntil ?? null,
  }));
}

export function historyOf(meetings: MeetingRow[], before?: string): RotationHistory {
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

export function activeLocationIds(locations: LocationRow[]): string[] {
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

export interface PlanContext {
  network: NetworkContext;
  settings: EffectiveSettings;
  staff: StaffRow[];
  allies: AllyRow[];
  locations: LocationRow[];
  meetings: MeetingRow[];
  organiser: string | null;
}

/** An archived network keeps its meetings, but no new ones are planned for it. */
export function requirePlannable(context: PlanContext): PlanContext {
  if (context.network.status === 'archived')
    throw new DomainError(
      'conflict',
      'This network is archived; no new meetings are planned for it.',
    ).because('network-archived');
  return context;
}

export async function planContext(deps: MeetingDeps, networkId: string): Promise<PlanContext> {
  const network = await requireNetwork(deps, networkId);
  const [row, staff, allies, locations, meetings] = await Promise.all([
    readSettingsRow(deps.db, networkId),
    readStaff(deps.db, networkId),
    readAllies(deps, networkId),
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

export async function runPlanner(
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
  // Each address is read in its owner's tenant (the police's staff in the police tenant); an address the calendar
  // cannot read, or a tenant that has not consented, comes back as an error item: "availability unknown".
  const unknownStaff: { userId: string; displayName: string }[] = [];
  if (attending.length > 0 && context.organiser) {
    let schedules: Awaited<ReturnType<CalendarPort['getSchedule']>>;
    try {
      schedules = await deps.calendar.getSchedule(
        context.organiser,
        attending.map((s) => s.email as string),
        startOfLocalDate(range.from),
        startOfLocalDate(addDays(range.to, 1)),
        new Map(attending.map((s) => [(s.email as string).toLowerCase(), s.tenantId])),
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
  // Recorded absences (continuity) count as busy whole days, whether or not the calendar shows them.
  const absences = await readAbsencePeriods(
    deps.db,
    attending.map((s) => s.userId),
    range.from,
    range.to,
  );
  for (const absence of absences)
    busy.push({
      attendeeId: absence.userId,
      start: startOfLocalDate(absence.startsOn),
      end: startOfLocalDate(addDays(absence.endsOn, 1)),
    });

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
  const communities = await readNetworkCommunities(deps, network.id);
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

export function proposalsWithRotation(context: PlanContext, result: PlannerResult): Proposal[] {
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

export function todayLocal(now: Date): string {
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
  if (to < from) errors.push({ field: 'body.to', code: 'before_start', message: 'must not be before from' });
  else if (daysBetween(from, to) > 400)
    errors.push({
      field: 'body.to',
      code: 'range_too_long',
      max: 400,
      message: 'at most 400 days after from',
    });
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
