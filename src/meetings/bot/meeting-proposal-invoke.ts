import type { Logger } from 'pino';
import { z } from 'zod';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import { findUserIdByEntraIds, loadAccessProfile } from '../../identity/index.js';
import { DomainError } from '../../platform/errors.js';
import { localDate } from '../../platform/time.js';
import {
  type CardAction,
  type CardActionResult,
  type CardVerbFamily,
  cardResult,
} from '../../teams/card-action.js';
import type { BotLocale } from '../../teams/messages.js';
import { createSeries, getMeeting, listMeetings, type MeetingDeps } from '../index.js';
import { canPlanMeetings } from '../policies.js';
import {
  MEETING_PLAN_VERB,
  type MeetingCard,
  renderAlreadyPlannedCard,
  renderPlannedCard,
  renderPlanProblemCard,
} from './cards/meeting-proposal-card.js';
import { claimPlanAction, completePlanAction, releasePlanAction } from './meeting-bot-store.js';
import type { MeetingPlanProblemCode } from './messages-meetings.js';

/** Every Universal Action verb of the meeting cards starts with this. */
export const MEETING_VERB_PREFIX = 'meeting.';

/** What the handler needs; `meetings` is absent where meetings are not wired to the bot. */
export interface MeetingPlanInvokeDeps {
  meetings: MeetingDeps | undefined;
  tabUrl: string;
  logger: Logger;
}

const instant = z.iso.datetime({ offset: true });

// What renderProposalCard puts in the [Plannen] button; the card's own fields pass through unread.
const planData = z.looseObject({
  networkId: z.uuid(),
  start: instant,
  end: instant,
  locationId: z.uuid().nullable().optional(),
  proposalToken: z.string().max(500).optional(),
});

type PlanRequest = z.infer<typeof planData>;

/** How long a press holds the plan key before another may take it over (the calendar call included). */
const PLAN_LEASE_MS = 60_000;
/** How long a second press waits for the first to finish before answering; Teams waits about 15 s. */
const WAIT_FOR_OTHER_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The meeting an earlier press planned, as the "already planned" card shows it. */
async function alreadyPlanned(
  meetings: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  meetingId: string,
  locale: BotLocale,
  tabUrl: string,
): Promise<MeetingCard> {
  // The list, not getMeeting: that one rewrites the attendee responses, which two presses at once would race on.
  const { upcoming } = await listMeetings(meetings, origin, networkId, 'upcoming');
  const meeting =
    upcoming.find((candidate) => candidate.id === meetingId) ??
    (await getMeeting(meetings, origin, networkId, meetingId));
  return renderAlreadyPlannedCard(meeting, locale, { tabUrl });
}

/** Plans under a claim this press holds: a meeting already planned that day (from the tab) counts too. */
async function planClaimed(
  request: PlanRequest,
  meetings: MeetingDeps,
  origin: AuditOrigin,
  claimId: string,
  locale: BotLocale,
  tabUrl: string,
): Promise<MeetingCard> {
  const { networkId } = request;
  const date = localDate(request.start);
  try {
    const { upcoming } = await listMeetings(meetings, origin, networkId, 'upcoming');
    const existing = upcoming.find((meeting) => meeting.status === 'planned' && meeting.date === date);
    if (existing) {
      await completePlanAction(meetings.db, claimId, existing.id);
      return renderAlreadyPlannedCard(existing, locale, { tabUrl });
    }
    const { meetings: created } = await createSeries(meetings, origin, networkId, {
      meetings: [{ start: request.start, end: request.end, locationId: request.locationId ?? null }],
      // The card's date is the planner's own proposal, with its reasons already weighed.
      confirmReasons: true,
    });
    const meeting = created[0];
    if (!meeting) throw new Error('the meetings service created no meeting');
    await completePlanAction(meetings.db, claimId, meeting.id);
    return renderPlannedCard(meeting, locale, { tabUrl, calendarKind: meetings.calendar.kind });
  } catch (error) {
    await releasePlanAction(meetings.db, claimId);
    throw error;
  }
}

/**
 * Plans the proposal once per network and date, whichever instance each press reaches: the database key
 * (`claimPlanAction`) lets one press plan; a press that finds it held waits for that plan and answers with
 * the same meeting. Waiting too long is a failure card: the user can press again.
 */
async function planOnce(
  request: PlanRequest,
  meetings: MeetingDeps,
  origin: AuditOrigin,
  locale: BotLocale,
  tabUrl: string,
): Promise<MeetingCard> {
  const { networkId } = request;
  const date = localDate(request.start);
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (;;) {
    const claim = await claimPlanAction(meetings.db, networkId, date, PLAN_LEASE_MS);
    if (claim.kind === 'mine') return planClaimed(request, meetings, origin, claim.claimId, locale, tabUrl);
    if (claim.kind === 'planned')
      return alreadyPlanned(meetings, origin, networkId, claim.meetingId, locale, tabUrl);
    if (Date.now() > deadline) throw new Error('another press of [Plannen] is still planning');
    await sleep(100);
  }
}

function problemCode(error: unknown): MeetingPlanProblemCode {
  if (!(error instanceof DomainError)) return 'failed';
  if (error.code === 'upstream-failed') return 'calendar-failed';
  if (error.code === 'validation-failed' || error.code === 'rule-violated' || error.code === 'not-found')
    return 'refused';
  return 'failed';
}

/**
 * Answers the proposal card's [Plannen] (`meeting.plan`): checks that the actor plans for the network, then
 * creates the meeting with its calendar event through the meetings service (audited on the bot channel),
 * unless that day already has a planned meeting. Never throws: every outcome is a card.
 */
async function handlePlan(
  action: CardAction<PlanRequest>,
  deps: MeetingPlanInvokeDeps,
): Promise<CardActionResult> {
  const { locale, actor, data: request } = action;
  const problem = (code: MeetingPlanProblemCode, networkId?: string) =>
    cardResult(
      renderPlanProblemCard(code, locale, { tabUrl: deps.tabUrl, ...(networkId ? { networkId } : {}) }),
    );
  if (!actor) return problem('actor');
  if (!deps.meetings) return problem('unavailable', request.networkId);
  const { meetings } = deps;
  try {
    // Who may plan is the named policy, the same rule the meetings API checks.
    const userId = await findUserIdByEntraIds(meetings.db, actor.tenantId, actor.aadObjectId);
    const mayPlan =
      userId !== null && canPlanMeetings(await loadAccessProfile(meetings.db, userId), request.networkId);
    if (!userId || !mayPlan) {
      deps.logger.info({ networkId: request.networkId }, 'meeting plan from card refused: not a planner');
      return problem('not-allowed');
    }
    const origin: AuditOrigin = {
      actorUserId: userId,
      channel: 'bot',
      clientAddress: null,
      requestId: action.activityId,
    };
    const card = await planOnce(request, meetings, origin, locale, deps.tabUrl);
    return cardResult(card);
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

/** The proposal card's verbs as the Teams invoke router takes them: `meeting.plan`, and a card for the rest. */
export function meetingCardVerbs(deps: MeetingPlanInvokeDeps): CardVerbFamily {
  return {
    prefix: MEETING_VERB_PREFIX,
    verbs: [{ verb: MEETING_PLAN_VERB, dataSchema: planData, handle: (action) => handlePlan(action, deps) }],
    refuse: async (refusal) => {
      deps.logger.info({ verb: refusal.verb }, 'meeting card action refused');
      return cardResult(renderPlanProblemCard('invalid', refusal.locale, { tabUrl: deps.tabUrl }));
    },
  };
}
