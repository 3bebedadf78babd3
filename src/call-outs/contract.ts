/**
 * Contract between the call-out domain (src/call-outs: data, targeting, outbox, escalation) and the
 * bot (src/call-outs/bot: the alert card and its Universal Actions). The bot renders `AlertCardView`s and
 * forwards answers through `CallOutAnswers`; it never touches the call-out tables itself.
 */

export type CallOutKind = 'incident' | 'tension' | 'planned-intervention';
export type CallOutUrgency = 'immediate' | 'today' | 'this-week';
export type StaffAnswer = 'coming' | 'calling-allies' | 'unavailable';

/** What one staff recipient's card shows; only what that recipient may see. */
export interface AlertCardView {
  callOutId: string;
  /** Bumped on every change of the call-out's state; a card older than this is refreshed. */
  version: number;
  status: 'open' | 'closed';
  kind: CallOutKind;
  urgency: CallOutUrgency;
  summary: string;
  ask: string;
  /** Wijk names. */
  places: string[];
  communities: string[];
  startedAt: string;
  /** startedAt + 1 hour: the goal to have the network together. */
  goalAt: string;
  tally: { coming: number; callingAllies: number; unavailable: number; pending: number };
  /** Sent x of N: staff recipients, cards that arrived, recipients Teams cannot reach, answers. */
  progress: { recipients: number; sent: number; unreachable: number; answered: number };
  /** Staff answers the recipient may see (same call-out), newest first. */
  answers: Array<{
    displayName: string;
    answer: StaffAnswer;
    note: string | null;
    etaMinutes: number | null;
  }>;
  /** The viewing recipient's own answer, if any. */
  mine: { answer: StaffAnswer; note: string | null; etaMinutes: number | null; answeredAt: string } | null;
  /** Allies this recipient is asked to phone (call list), with tel: numbers. */
  callList: Array<{ personId: string; displayName: string; mobile: string | null; outcome: string | null }>;
  /** Join link once *Bijeenkomst nu* created the meeting. */
  meeting: { joinUrl: string | null; start: string } | null;
  /** The card's own recipient as Teams user id (`8:orgid:<Entra object id>`) for Adaptive Card `refresh.userIds`; never anyone else. */
  refreshUserIds: string[];
  /** The recipient was absent (continuity) when the call-out started; their back-up got the card first. */
  absent?: boolean;
}

/** Who is acting: the Teams user behind the invoke. */
export interface CardActor {
  tenantId: string;
  aadObjectId: string;
}

export interface AnswerInput {
  callOutId: string;
  answer: StaffAnswer;
  note: string | null;
  etaMinutes: number | null;
}

/** Raised for answers that cannot be taken; `code` picks the card's message. */
export class CallOutAnswerError extends Error {
  constructor(
    readonly code: 'not-found' | 'not-a-recipient' | 'closed' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'CallOutAnswerError';
  }
}

export interface CallOutAnswers {
  /** Records (or changes) the actor's answer; returns the view after it and whether it replaced one. */
  answer(actor: CardActor, input: AnswerInput, now: Date): Promise<{ view: AlertCardView; changed: boolean }>;
  /** The current view for a refresh. */
  view(actor: CardActor, callOutId: string): Promise<AlertCardView>;
}
