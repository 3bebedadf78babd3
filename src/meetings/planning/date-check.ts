import { DomainError, type FieldError } from '../../platform/errors.js';
import { localDate, localTime, weekdayOf } from '../../platform/time.js';
import { validateTimes } from '../calendar-sync/calendar-sync-service.js';
import type { PlannerReason } from '../planner/contract.js';
import { invalid, type MeetingDeps } from '../service-kit.js';
import { type PlanContext, planContext, runPlanner } from './planning-service.js';

/**
 * Why a manually chosen date and time would be skipped by the planner: the same checks (public and
 * school holidays, the communities' observances, busy staff and allies, 4 and 5 May). The planner is
 * asked about that one day, at that time and length, on that weekday, with `excludeMeetingId` (the
 * meeting being moved) left out of the planned meetings. Empty when nothing stands in the way.
 */
export async function manualDateReasons(
  deps: MeetingDeps,
  context: PlanContext,
  start: string,
  end: string,
  excludeMeetingId: string | null,
): Promise<PlannerReason[]> {
  const date = localDate(start);
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  const single: PlanContext = {
    ...context,
    settings: {
      ...context.settings,
      weekdays: [weekdayOf(date)],
      start_time: localTime(start),
      duration_minutes: Math.max(1, minutes),
      allow_longer_than_two_hours: true,
    },
    // Earlier meetings would push the day out by the cadence; the one being moved is no obstacle.
    meetings: context.meetings.filter((m) => m.id !== excludeMeetingId && m.meeting_date >= date),
  };
  const { result } = await runPlanner(deps, single, { from: date, to: date, count: 1, overrides: [] });
  return result.skipped.find((entry) => entry.date === date)?.reasons ?? [];
}

/** The reasons of `manualDateReasons` for a network, for the check route. */
export async function checkMeetingDate(
  deps: MeetingDeps,
  networkId: string,
  input: { start: string; end: string; meetingId?: string | undefined },
): Promise<{ date: string; reasons: PlannerReason[] }> {
  const context = await planContext(deps, networkId);
  // The same time rules as saving: end after start, at most two hours unless allowed, in the future.
  const errors = validateTimes(input.start, input.end, context.settings, deps.now(), 'body');
  if (errors.length > 0) throw invalid(errors);
  if (input.meetingId && !context.meetings.some((m) => m.id === input.meetingId))
    throw new DomainError('not-found', 'There is no such meeting in this network.');
  const reasons = await manualDateReasons(deps, context, input.start, input.end, input.meetingId ?? null);
  return { date: localDate(input.start), reasons };
}

/**
 * Refuses a manual date the planner would skip unless the caller confirmed it (`confirmReasons`):
 * 409 with the reasons as errors on `body.start` (the check route gives them in Dutch and English).
 */
export async function requireConfirmedDate(
  deps: MeetingDeps,
  context: PlanContext,
  times: { start: string; end: string },
  excludeMeetingId: string | null,
  confirmed: boolean,
): Promise<void> {
  await requireConfirmedDates(
    deps,
    context,
    [{ ...times, field: 'body.start' }],
    excludeMeetingId,
    confirmed,
  );
}

/**
 * The same for several new dates at once (adding meetings by hand): every date the planner would skip
 * names its reasons on its own field (`body.meetings.0.start`), and nothing is saved until confirmed.
 */
export async function requireConfirmedDates(
  deps: MeetingDeps,
  context: PlanContext,
  slots: { start: string; end: string; field: string }[],
  excludeMeetingId: string | null,
  confirmed: boolean,
): Promise<void> {
  if (confirmed) return;
  const errors: FieldError[] = [];
  for (const slot of slots) {
    const reasons = await manualDateReasons(deps, context, slot.start, slot.end, excludeMeetingId);
    errors.push(
      ...reasons.map((reason) => ({
        field: slot.field,
        code: 'date_conflict' as const,
        reason: reason.code,
        message: `${reason.code}: ${reason.en}`,
      })),
    );
  }
  if (errors.length === 0) return;
  throw new DomainError(
    'conflict',
    'The planner would skip this date; send confirmReasons: true to plan it anyway.',
    errors,
  );
}
