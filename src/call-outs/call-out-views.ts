import type { Kysely, Transaction } from 'kysely';
import { readUserIdentities } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import {
  readAnswerCounts,
  readCallList,
  readCallOutRow,
  readDeliveryCounts,
  readDetailCounts,
  readPlaceAndCommunityNames,
  readRecipientAbsent,
  readRecipientRows,
  readStaffAnswers,
  readStampParts,
  readStampWithVisibility,
  type StampParts,
} from './call-out-view-store.js';
import type { AlertCardView, StaffAnswer } from './contract.js';
import { readCardMeeting } from './convene/convene-store.js';
import { readFollowUps } from './follow-ups.js';
import type { CallOutDetail, CallOutSummary } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Teams' user id for `refresh.userIds`: the MRI `8:orgid:<Entra object id>` (Teams also accepts the bot
 * framework's `29:` id, which is only known once the user has talked to the bot). Each 1:1 card names its own
 * recipient and nobody else: the card is personal (own call list), so no one else's id belongs on it, and
 * Teams' limit of 60 ids per card then never cuts anyone off.
 */
export const refreshUserId = (aadObjectId: string) => `8:orgid:${aadObjectId}`;

type Tally = AlertCardView['tally'];

export async function readTally(db: Executor, callOutId: string): Promise<Tally> {
  return tallyOf(await readAnswerCounts(db, callOutId));
}

type Count = string | number;

function tallyOf(
  r: { recipients: Count; coming: Count; calling: Count; unavailable: Count } | undefined,
): Tally {
  const coming = Number(r?.coming ?? 0);
  const callingAllies = Number(r?.calling ?? 0);
  const unavailable = Number(r?.unavailable ?? 0);
  const pending = Math.max(0, Number(r?.recipients ?? 0) - coming - callingAllies - unavailable);
  return { coming, callingAllies, unavailable, pending };
}

/** Sent x of N, unreachable, answered y: a recipient counts once, by their alert card. */
export async function readProgress(db: Executor, callOutId: string): Promise<CallOutSummary['progress']> {
  return deliveryProgressOf(await readDeliveryCounts(db, callOutId));
}

function deliveryProgressOf(
  r: { recipients: Count; sent: Count; unreachable: Count; answered: Count } | undefined,
): CallOutSummary['progress'] {
  return {
    recipients: Number(r?.recipients ?? 0),
    sent: Number(r?.sent ?? 0),
    unreachable: Number(r?.unreachable ?? 0),
    answered: Number(r?.answered ?? 0),
  };
}

/**
 * A short token that changes whenever the call-out page must read the call-out again: the version (answers,
 * calls, escalations, meeting, close) and, once no delivery is pending any more, the delivery states by
 * count. While the call-out is being sent out (some delivery pending) single deliveries do not change it:
 * with 1,000 pages open during a 1,000-recipient fan-out every delivery would make every page re-read the
 * whole call-out (issue 21). The progress counts travel with the stamp instead ({@link readChangeStampFor}),
 * and the recipients' delivery column catches up when the fan-out settles or the version changes.
 * It carries no personal data, so the page can poll it without an audited read.
 */
export async function readChangeStamp(db: Executor, callOutId: string): Promise<string | null> {
  const r = await readStampParts(db, callOutId);
  return r ? stampOf(r) : null;
}

function stampOf(parts: Pick<StampParts, 'version' | 'states' | 'sending'>): string {
  return `${parts.version};${parts.sending ? 'sending' : (parts.states ?? '')}`;
}

function progressOf(parts: StampParts): CallOutSummary['progress'] {
  return {
    recipients: Number(parts.recipients),
    sent: Number(parts.sent),
    unreachable: Number(parts.unreachable),
    answered: Number(parts.answered),
  };
}

/**
 * {@link readChangeStamp} with the progress counts and the first steps of the visibility check in the same
 * statement: undefined when there is no such call-out, else the stamp, the progress, and whether the caller
 * is its starter or one of its recipients (who may always see it; everyone else needs a network covering
 * it, which the caller checks).
 */
export async function readChangeStampFor(db: Executor, callOutId: string, userId: string) {
  const r = await readStampWithVisibility(db, callOutId, userId);
  return r
    ? {
        stamp: stampOf(r),
        progress: progressOf(r),
        starterOrRecipient: r.startedBy === userId || Boolean(r.recipient),
      }
    : undefined;
}

/** The part of a card every recipient of the call-out shares; {@link personalView} adds the rest. */
export interface SharedCardView {
  base: Omit<AlertCardView, 'mine' | 'callList' | 'refreshUserIds'>;
  answers: Array<{
    userId: string;
    answer: StaffAnswer;
    note: string | null;
    etaMinutes: number | null;
    answeredAt: string;
  }>;
}

export async function readSharedCardView(db: Executor, callOutId: string): Promise<SharedCardView | null> {
  const callOut = await readCallOutRow(db, callOutId);
  if (!callOut) return null;
  const [{ places, communities }, tally, progress, answers, meeting] = await Promise.all([
    readPlaceAndCommunityNames(db, callOutId),
    readTally(db, callOutId),
    readProgress(db, callOutId),
    readStaffAnswers(db, callOutId),
    // Bijeenkomst nu (convene-store.ts): the join link once the meeting exists.
    readCardMeeting(db, callOutId),
  ]);
  return {
    base: {
      callOutId,
      version: callOut.version,
      status: callOut.status,
      kind: callOut.kind,
      urgency: callOut.urgency,
      summary: callOut.summary,
      ask: callOut.ask,
      places: places.map((p) => p.name),
      communities: communities.map((c) => c.name),
      startedAt: new Date(callOut.started_at).toISOString(),
      goalAt: new Date(callOut.goal_at).toISOString(),
      tally,
      progress,
      answers: answers.map((a) => ({
        displayName: a.display_name,
        answer: a.answer as StaffAnswer,
        note: a.note,
        etaMinutes: a.eta_minutes,
      })),
      meeting,
    },
    answers: answers.map((a) => ({
      userId: a.user_id,
      answer: a.answer as StaffAnswer,
      note: a.note,
      etaMinutes: a.eta_minutes,
      answeredAt: new Date(a.answered_at).toISOString(),
    })),
  };
}

/**
 * One recipient's card: the shared part plus their own answer, the allies they are asked to phone, and
 * their own id for the card's refresh. `viewer.aadObjectId` saves a query where the caller has it.
 */
export async function personalView(
  db: Executor,
  shared: SharedCardView,
  viewerUserId: string,
  viewerAadObjectId?: string,
): Promise<AlertCardView> {
  const [callList, aadObjectId, absent] = await Promise.all([
    readCallList(db, shared.base.callOutId, viewerUserId),
    viewerAadObjectId ?? readUserIdentities(db, [viewerUserId]).then((rows) => rows[0]?.aadObjectId ?? null),
    readRecipientAbsent(db, shared.base.callOutId, viewerUserId),
  ]);
  const own = shared.answers.find((a) => a.userId === viewerUserId);
  return {
    ...shared.base,
    refreshUserIds: aadObjectId ? [refreshUserId(aadObjectId)] : [],
    ...(absent ? { absent: true } : {}),
    mine: own
      ? { answer: own.answer, note: own.note, etaMinutes: own.etaMinutes, answeredAt: own.answeredAt }
      : null,
    callList: callList.map((c) => ({
      personId: c.personId,
      displayName: c.displayName,
      mobile: c.mobile,
      outcome: c.outcome,
    })),
  };
}

/** What one recipient's card shows: their own call list only, and staff answers of this call-out. */
export async function readAlertCardView(
  db: Executor,
  callOutId: string,
  viewerUserId: string,
): Promise<AlertCardView | null> {
  const shared = await readSharedCardView(db, callOutId);
  return shared ? personalView(db, shared, viewerUserId) : null;
}

type CallOutRow = {
  id: string;
  status: 'open' | 'closed';
  kind: CallOutSummary['kind'];
  urgency: CallOutSummary['urgency'];
  summary: string;
  started_at: Date;
  goal_at: Date;
  version: number;
};

/** A call-out's row as {@link readCallOutRow} reads it. */
export type CallOutDetailRow = NonNullable<Awaited<ReturnType<typeof readCallOutRow>>>;

export async function summaryOf(db: Executor, row: CallOutRow): Promise<CallOutSummary> {
  const [progress, tally] = await Promise.all([readProgress(db, row.id), readTally(db, row.id)]);
  return summaryFrom(row, progress, tally);
}

function summaryFrom(row: CallOutRow, progress: CallOutSummary['progress'], tally: Tally): CallOutSummary {
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    urgency: row.urgency,
    summary: row.summary,
    startedAt: new Date(row.started_at).toISOString(),
    goalAt: new Date(row.goal_at).toISOString(),
    version: row.version,
    progress,
    tally,
  };
}

/**
 * The tab's view. Ally names and numbers only for allies of networks where the viewer holds a role
 * (need-to-know); staff names are visible to everyone who may see the call-out.
 */
export async function readCallOutDetail(
  db: Executor,
  callOutId: string,
  viewerNetworkIds: ReadonlySet<string>,
  now: Date,
  /** The call-out's row when the caller has just read it (the visibility check), saving a statement. */
  row?: CallOutDetailRow,
): Promise<CallOutDetail | null> {
  const callOut = row ?? (await readCallOutRow(db, callOutId));
  if (!callOut) return null;
  // The counts, the stamp and the names in one statement (issue 21: the call-out page's first read).
  const [counts, followUps, recipients, callList] = await Promise.all([
    readDetailCounts(db, callOutId),
    readFollowUps(db, { callOutId }, now),
    readRecipientRows(db, callOutId),
    readCallList(db, callOutId, null),
  ]);
  const tally = counts && { ...counts, recipients: counts.tally_recipients };
  return {
    ...summaryFrom(callOut, deliveryProgressOf(counts), tallyOf(tally)),
    ask: callOut.ask,
    startedBy: callOut.started_by,
    places: counts?.places ?? [],
    communities: counts?.communities ?? [],
    evaluationNote: callOut.evaluation_note,
    followUps,
    stamp: counts ? stampOf(counts) : '',
    closedAt: callOut.closed_at ? new Date(callOut.closed_at).toISOString() : null,
    recipients: recipients.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      reason: r.reason,
      delivery: r.state,
      answer:
        r.answer && r.answered_at
          ? {
              answer: r.answer as StaffAnswer,
              note: r.note,
              etaMinutes: r.eta_minutes,
              answeredAt: new Date(r.answered_at).toISOString(),
            }
          : null,
    })),
    callList: callList.map((c) => {
      const known = viewerNetworkIds.has(c.networkId);
      return {
        personId: c.personId,
        displayName: known ? c.displayName : null,
        mobile: known ? c.mobile : null,
        callerUserId: c.callerUserId,
        callerName: c.callerName,
        outcome: c.outcome,
        heard: known ? c.heard : null,
        coming: c.coming,
      };
    }),
  };
}
