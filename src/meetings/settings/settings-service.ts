import type { z } from 'zod';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import { transaction } from '../../platform/db/transaction.js';
import type { FieldError } from '../../platform/errors.js';
import { readSettingsRow, type SettingsRow } from '../meeting-store.js';
import { type NetworkContext, readNetworkCommunities, readStaff, type StaffRow } from '../neighbour-reads.js';
import type { ObservanceKey } from '../planner/contract.js';
import { planner } from '../planner-gateway.js';
import { OBSERVANCE_KEYS } from '../schemas.js';
import {
  audit,
  conflict,
  DEFAULT_SETTINGS,
  type EffectiveSettings,
  invalid,
  MAX_MINUTES,
  type MeetingDeps,
  requireNetwork,
} from '../service-kit.js';
import type { MeetingSettings, updateMeetingSettingsSchema } from './settings-schemas.js';
import { insertSettingsRow, updateSettingsRow } from './settings-store.js';

export function effective(row: SettingsRow | undefined): EffectiveSettings {
  if (!row) return { ...DEFAULT_SETTINGS };
  const { network_id: _n, updated_at: _u, ...rest } = row;
  return rest;
}

export function toObservances(values: readonly string[]): ObservanceKey[] {
  return values.filter((v): v is ObservanceKey => (OBSERVANCE_KEYS as readonly string[]).includes(v));
}

/** The calendar the events go in: the chosen staff member or mailbox, else the network's secretary. */
export function organiserOf(settings: EffectiveSettings, staff: StaffRow[]): MeetingSettings['organiser'] {
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

export function meetingsPerYear(cadenceDays: number): number {
  return Math.round((365 / cadenceDays) * 10) / 10;
}

export function settingsWarnings(
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

export type NetworkCommunity = Awaited<ReturnType<typeof readNetworkCommunities>>[number];

/** Observances follow from the traditions set on the network's communities, never from their names. */
export async function derivedObservances(communities: NetworkCommunity[]): Promise<ObservanceKey[]> {
  return (await planner()).observancesForCommunities(communities);
}

/** Faith communities without a tradition derive nothing, so the secretary is told (names only, no people). */
export function untraditionedWarning(communities: NetworkCommunity[]): MeetingSettings['warnings'] {
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

export function effectiveObservances(derived: ObservanceKey[], settings: EffectiveSettings): ObservanceKey[] {
  const removed = new Set(settings.observances_removed);
  const all = new Set([...derived, ...toObservances(settings.observances_added)]);
  return OBSERVANCE_KEYS.filter((key) => all.has(key) && !removed.has(key));
}

export async function settingsView(
  deps: MeetingDeps,
  network: NetworkContext,
  row: SettingsRow | undefined,
): Promise<MeetingSettings> {
  const settings = effective(row);
  const staff = await readStaff(deps.db, network.id);
  const organiser = organiserOf(settings, staff);
  const communities = await readNetworkCommunities(deps, network.id);
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
  const network = await requireNetwork(deps, networkId);
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
  const network = await requireNetwork(deps, networkId);
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
      code: 'too_big',
      kind: 'minutes',
      max: MAX_MINUTES,
      message: 'at most 120 minutes, unless allowLongerThanTwoHours is set',
    });
  if (next.organiser_user_id && next.organiser_mailbox)
    errors.push({
      field: 'body.organiserMailbox',
      code: 'either_or',
      message: 'choose either an organiser or a shared mailbox',
    });
  if (next.organiser_user_id) {
    const staff = await readStaff(deps.db, networkId);
    const user = staff.find((s) => s.userId === next.organiser_user_id);
    if (!user)
      errors.push({
        field: 'body.organiserUserId',
        code: 'unknown_reference',
        kind: 'staff',
        message: 'is not staff of this network',
      });
    else if (!user.email)
      errors.push({ field: 'body.organiserUserId', code: 'no_email', message: 'has no e-mail address' });
  }
  const overlap = next.observances_added.filter((key) => next.observances_removed.includes(key));
  if (overlap.length > 0)
    errors.push({
      field: 'body.observancesRemoved',
      code: 'either_or',
      message: `both added and removed: ${overlap.join(', ')}`,
    });
  if (errors.length > 0) throw invalid(errors);

  await transaction(deps.db, async (tx) => {
    if (current) {
      if (!(await updateSettingsRow(tx, networkId, current.version, next, deps.now()))) throw conflict();
    } else {
      await insertSettingsRow(tx, networkId, next, deps.now());
    }
    await audit(tx, origin, 'meeting-settings.update', { type: 'network', id: networkId }, deps.now());
  });
  return settingsView(deps, network, await readSettingsRow(deps.db, networkId));
}
