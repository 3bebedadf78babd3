import type { Activity } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { localDate } from '../../platform/time.js';
import { type BotLocale, localeOf } from '../../teams/messages.js';
import { createSeries, listMeetings, type MeetingDeps } from '../index.js';
import {
  MEETING_PLAN_VERB,
  type MeetingCard,
  renderAlreadyPlannedCard,
  renderPlannedCard,
  renderPlanProblemCard,
} from './cards/meeting-proposal-card.js';
import type { MeetingPlanProblemCode } from './messages-meetings.js';

/** Every Universal Action verb of the meeting cards starts with this. */
export const MEETING_VERB_PREFIX = 'meeting.';

/** What the handler needs; `meetings` is absent where meetings are not wired to the bot. */
export interface MeetingPlanInvokeDeps {
  meetings: MeetingDeps | undefined;
  tabUrl: string;
  logger: Logger;
}

/** The invoke response body (HTTP 200 always): a card that takes the place of the proposal card. */
export interface MeetingPlanInvokeResponse {
  statusCode: 200;
  type: 'application/vnd.microsoft.card.adaptive';
  value: MeetingCard;
}

/** Staff roles that may plan, as the meetings API's `planNetwork` permission allows. */
const PLANNING_ROLES = ['coordinator', 'secretary'] as const;

const invokeValue = z.looseObject({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string(), data: z.unknown() }),
});

const instant = z.iso.datetime({ offset: true });

// What renderProposalCard puts in the [Plannen] button; the card's own fields pass through unread.
const planData = z.looseObject({
  networkId: z.uuid(),
  start: instant,
  end: instant,
  locationId: z.uuid().nullable().optional(),
  proposalToken: z.string().max(500).optional(),
});

// Both columns are uuids; anything else cannot be a known user and must not reach the query.
const actorIds = z.object({ tenantId: z.uuid(), aadObjectId: z.uuid() });

type PlanRequest = z.infer<typeof planData>;

/** Whether this handler answers an invoke: an `adaptiveCard/action` whose verb is `meeting.…`. */
export function isMeetingProposalInvoke(activity: Activity): boolean {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  const verb = (activity.value as { action?: { verb?: unknown } } | null | undefined)?.action?.verb;
  return typeof verb === 'string' && verb.startsWith(MEETING_VERB_PREFIX);
}

function actorOf(activity: Activity): z.infer<typeof actorIds> | null {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const parsed = actorIds.safeParse({
    tenantId: channelData?.tenant?.id ?? activity.conversation?.tenantId,
    aadObjectId: activity.from?.aadObjectId,
  });
  return parsed.success
    ? { tenantId: parsed.data.tenantId.toLowerCase(), aadObjectId: parsed.data.aadObjectId.toLowerCase() }
    : null;
}

/** The staff member behind the actor, when they plan for this network; null otherwise. */
async function plannerUserId(
  db: Kysely<Database>,
  actor: z.infer<typeof actorIds>,
  networkId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('network_roles', 'network_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.tenant_id', '=', actor.tenantId)
    .where('users.aad_object_id', '=', actor.aadObjectId)
    .where('network_roles.network_id', '=', networkId)
    .where('network_roles.role', 'in', [...PLANNING_ROLES])
    .executeTakeFirst();
  return row?.id ?? null;
}

// One plan at a time per network in this process, so a double press cannot pass the "already planned"
// check twice before either meeting is stored.
const planning = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(networkId: string, work: () => Promise<T>): Promise<T> {
  const before = planning.get(networkId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const tail = run.catch(() => undefined);
  planning.set(networkId, tail);
  try {
    return await run;
  } finally {
    if (planning.get(networkId) === tail) planning.delete(networkId);
  }
}

async function plan(
  request: PlanRequest,
  meetings: MeetingDeps,
  origin: AuditOrigin,
  locale: BotLocale,
  tabUrl: string,
): Promise<MeetingCard> {
  const { networkId } = request;
  const date = localDate(request.start);
  const { upcoming } = await listMeetings(meetings, origin, networkId, 'upcoming');
  const existing = upcoming.find((meeting) => meeting.status === 'planned' && meeting.date === date);
  if (existing) return renderAlreadyPlannedCard(existing, locale, { tabUrl });
  const { meetings: created } = await createSeries(meetings, origin, networkId, {
    meetings: [{ start: request.start, end: request.end, locationId: request.locationId ?? null }],
  });
  const meeting = created[0];
  if (!meeting) throw new Error('the meetings service created no meeting');
  return renderPlannedCard(meeting, locale, { tabUrl, calendarKind: meetings.calendar.kind });
}

function problemCode(error: unknown): MeetingPlanProblemCode {
  if (!(error instanceof DomainError)) return 'failed';
  if (error.code === 'upstream-failed') return 'calendar-failed';
  if (error.code === 'validation-failed' || error.code === 'rule-violated' || error.code === 'not-found')
    return 'refused';
  return 'failed';
}

function respond(value: MeetingCard): MeetingPlanInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value };
}

/**
 * Answers the proposal card's [Plannen] (`meeting.plan`): checks the data and that the actor plans for the
 * network, then creates the meeting with its calendar event through the meetings service (audited on the
 * bot channel), unless that day already has a planned meeting. Never throws: every outcome is a card.
 */
export async function handleMeetingPlanInvoke(
  activity: Activity,
  deps: MeetingPlanInvokeDeps,
): Promise<MeetingPlanInvokeResponse> {
  const locale = localeOf(activity.locale);
  const problem = (code: MeetingPlanProblemCode, networkId?: string) =>
    respond(
      renderPlanProblemCard(code, locale, { tabUrl: deps.tabUrl, ...(networkId ? { networkId } : {}) }),
    );
  const value = invokeValue.safeParse(activity.value);
  const data =
    value.success && value.data.action.verb === MEETING_PLAN_VERB
      ? planData.safeParse(value.data.action.data)
      : null;
  if (!data?.success) {
    deps.logger.info({ verb: value.success ? value.data.action.verb : null }, 'meeting card action refused');
    return problem('invalid');
  }
  const request = data.data;
  const actor = actorOf(activity);
  if (!actor) return problem('actor');
  if (!deps.meetings) return problem('unavailable', request.networkId);
  const { meetings } = deps;
  try {
    const userId = await plannerUserId(meetings.db, actor, request.networkId);
    if (!userId) {
      deps.logger.info({ networkId: request.networkId }, 'meeting plan from card refused: not a planner');
      return problem('not-allowed');
    }
    const origin: AuditOrigin = {
      actorUserId: userId,
      channel: 'bot',
      clientAddress: null,
      requestId: typeof activity.id === 'string' ? activity.id.slice(0, 200) : null,
    };
    const card = await oneAtATime(request.networkId, () =>
      plan(request, meetings, origin, locale, deps.tabUrl),
    );
    return respond(card);
  } catch (error) {
    const code = problemCode(error);
    const log = {
      networkId: request.networkId,
      code,
      err: { type: error instanceof Error ? error.name : typeof error },
    };
    if (code === 'failed') deps.logger.error(log, 'meeting plan from card failed');
    else deps.logger.info(log, 'meeting plan from card refused by the meetings service');
    return problem(code, request.networkId);
  }
}
