/**
 * Contract between the call-out domain and the bot for *starting* a call-out from Teams (the form card, the
 * preview and the starter's status card). Like `contract.ts` for the alert card, the bot never touches the
 * call-out tables: it calls `CallOutStarter` with the Teams actor and renders what comes back.
 */
import type { AlertCardView, CallOutKind, CallOutUrgency, CardActor } from './contract.js';

/** What the starter fills in on the form: the fields of `POST /api/v1/call-outs`. */
export interface StarterInput {
  kind: CallOutKind;
  urgency: CallOutUrgency;
  summary: string;
  ask: string;
  /** Wijk (neighbourhood) ids, at least one. */
  placeIds: string[];
  communityIds: string[];
}

/** The choices the form offers this actor: wijken of the networks they may alert for, and communities. */
export interface StarterFormOptions {
  /** Wijken grouped by district (stadsdeel), both sorted by name. */
  districts: Array<{ name: string; wijken: Array<{ id: string; name: string }> }>;
  communities: Array<{ id: string; name: string }>;
}

/** Who a call-out would reach, as the starter sees it before sending. */
export interface StarterPreview {
  networks: string[];
  /** Staff who get the card; `reachable` is false when Teams has no conversation with them (phone them). */
  staff: Array<{ displayName: string; reachable: boolean }>;
  /** Allies on the call list; `displayName` is null outside the starter's own networks (need-to-know). */
  allies: Array<{ displayName: string | null; callerName: string }>;
  /** Distinct staff members asked to phone allies. */
  callers: number;
}

/** What the starter's status card shows: no names, only what happened and how far the alert got. */
export interface StarterStatus {
  callOutId: string;
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
  goalAt: string;
  progress: AlertCardView['progress'];
  tally: AlertCardView['tally'];
}

/** The fields of `StarterInput` an `invalid` error can name. */
export type StarterField = keyof StarterInput;

/** Why the domain refused: the bot turns each code into a readable card; nothing changed. */
export class CallOutStartError extends Error {
  constructor(
    readonly code: 'not-signed-up' | 'forbidden' | 'invalid' | 'no-network' | 'not-found',
    message: string,
    /** For `invalid`: the fields that were refused. */
    readonly fields: StarterField[] = [],
  ) {
    super(message);
    this.name = 'CallOutStartError';
  }
}

/** The call-out domain's side of starting from Teams; every method checks the actor's permission. */
export interface CallOutStarter {
  /** The wijken and communities the actor may choose; `forbidden` for who may not start any call-out. */
  formOptions(actor: CardActor): Promise<StarterFormOptions>;
  /** The recipients; nothing is written. */
  preview(actor: CardActor, input: StarterInput): Promise<StarterPreview>;
  /**
   * Starts the call-out. `formToken` identifies one filled-in form: a second start of the same form (a
   * double press) returns the first call-out with `created: false` instead of starting another.
   */
  start(
    actor: CardActor,
    input: StarterInput,
    formToken: string,
    now: Date,
  ): Promise<{ callOutId: string; created: boolean }>;
  /** The starter's status card; `not-found` for a call-out the actor may not see. */
  status(actor: CardActor, callOutId: string): Promise<StarterStatus>;
}
