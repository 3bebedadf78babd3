import type { Kysely, Transaction } from 'kysely';
import type { AuditOrigin } from '../audit/audit-origin.js';
import { auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { findUserIdByEntraIds } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { isUuid } from '../platform/uuid.js';
import {
  appendEvent,
  bumpVersion,
  callOutExists,
  findRecipient,
  lockCallOut,
  transaction,
  upsertAnswer,
} from './call-out-store.js';
import { readAlertCardView } from './call-out-views.js';
import { ETA_MAX_MINUTES, NOTE_MAX_LENGTH } from './constants.js';
import {
  type AlertCardView,
  type AnswerInput,
  CallOutAnswerError,
  type CallOutAnswers,
  type CardActor,
} from './contract.js';

const NOTE_LIMIT = NOTE_MAX_LENGTH;
const ETA_LIMIT = ETA_MAX_MINUTES;

function checkId(callOutId: string): void {
  // A card's data comes from the client; an id that is not one must not reach SQL as a cast error.
  if (!isUuid(callOutId)) throw new CallOutAnswerError('not-found', 'There is no such call-out.');
}

function checkInput(input: AnswerInput): void {
  checkId(input.callOutId);
  if (!['coming', 'calling-allies', 'unavailable'].includes(input.answer))
    throw new CallOutAnswerError('invalid', 'The answer is not one of the card’s choices.');
  if (input.note !== null && input.note.length > NOTE_LIMIT)
    throw new CallOutAnswerError('invalid', `The note is longer than ${NOTE_LIMIT} characters.`);
  if (
    input.etaMinutes !== null &&
    (!Number.isInteger(input.etaMinutes) || input.etaMinutes < 0 || input.etaMinutes > ETA_LIMIT)
  )
    throw new CallOutAnswerError('invalid', `The ETA must be 0 to ${ETA_LIMIT} minutes.`);
}

/**
 * Records (or replaces) a staff recipient's answer: the one rule the card and the tab share. Bumps the
 * version so every sent copy gets refreshed, lands on the timeline and in the audit trail (ids only).
 */
export async function recordAnswer(
  db: Kysely<Database>,
  origin: AuditOrigin,
  userId: string,
  input: AnswerInput,
  now: Date,
): Promise<{ changed: boolean; version: number }> {
  checkInput(input);
  return transaction(db, (tx) => recordAnswerIn(tx, origin, userId, input, now));
}

/**
 * {@link recordAnswer} inside the caller's transaction: the answer link uses its token in the same one, so a
 * refused answer leaves the link usable.
 */
export async function recordAnswerIn(
  tx: Transaction<Database>,
  origin: AuditOrigin,
  userId: string,
  input: AnswerInput,
  now: Date,
): Promise<{ changed: boolean; version: number }> {
  checkInput(input);
  const callOut = await lockCallOut(tx, input.callOutId);
  if (!callOut) throw new CallOutAnswerError('not-found', 'There is no such call-out.');
  if (callOut.status === 'closed') throw new CallOutAnswerError('closed', 'The call-out is closed.');
  if (!(await findRecipient(tx, input.callOutId, userId)))
    throw new CallOutAnswerError('not-a-recipient', 'You are not a recipient of this call-out.');
  const { replaced } = await upsertAnswer(tx, input.callOutId, userId, input, now);
  const version = await bumpVersion(tx, input.callOutId, now);
  await appendEvent(tx, input.callOutId, replaced ? 'answer-changed' : 'answered', now, { userId });
  await appendAuditEvent(
    tx,
    auditEvent(origin, replaced ? 'call-out.answer-change' : 'call-out.answer', {
      type: 'call-out',
      id: input.callOutId,
    }),
    now,
  );
  return { changed: replaced, version };
}

/** The call-out side of the bot's contract, over the database. */
export class DbCallOutAnswers implements CallOutAnswers {
  constructor(private readonly db: Kysely<Database>) {}

  private async userOf(actor: CardActor): Promise<string> {
    const userId = await findUserIdByEntraIds(this.db, actor.tenantId, actor.aadObjectId);
    if (!userId) throw new CallOutAnswerError('not-a-recipient', 'You are not a recipient of this call-out.');
    return userId;
  }

  async answer(
    actor: CardActor,
    input: AnswerInput,
    now: Date,
  ): Promise<{ view: AlertCardView; changed: boolean }> {
    const userId = await this.userOf(actor);
    const origin: AuditOrigin = { actorUserId: userId, channel: 'bot', clientAddress: null, requestId: null };
    const { changed } = await recordAnswer(this.db, origin, userId, input, now);
    return { view: await this.viewFor(userId, input.callOutId), changed };
  }

  async view(actor: CardActor, callOutId: string): Promise<AlertCardView> {
    return this.viewFor(await this.userOf(actor), callOutId);
  }

  private async viewFor(userId: string, callOutId: string): Promise<AlertCardView> {
    checkId(callOutId);
    if (!(await findRecipient(this.db, callOutId, userId))) {
      if (!(await callOutExists(this.db, callOutId)))
        throw new CallOutAnswerError('not-found', 'There is no such call-out.');
      throw new CallOutAnswerError('not-a-recipient', 'You are not a recipient of this call-out.');
    }
    const view = await readAlertCardView(this.db, callOutId, userId);
    if (!view) throw new CallOutAnswerError('not-found', 'There is no such call-out.');
    return view;
  }
}
