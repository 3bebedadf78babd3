import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { AccessProfile } from '../../identity/access.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { recordAnswerIn } from '../answers.js';
import { visibleCallOut } from '../call-out-read.js';
import { answerProblem } from '../call-out-service.js';
import { appendEvent, transaction } from '../call-out-store.js';
import { readCallOutDetail } from '../call-out-views.js';
import { CallOutAnswerError } from '../contract.js';
import type { CallOutDetail } from '../schemas.js';
import type { AnswerLinkState, AnswerThroughLinkInput } from './answer-link-schemas.js';
import { findAnswerLink, useAnswerLink } from './answer-link-store.js';
import { hashAnswerLinkToken, isAnswerLinkToken } from './answer-link-token.js';

/**
 * The caller's own link, or a refusal: unknown (404) or someone else's (403, audited at the edge as
 * `access.denied`). A token never signs anyone in: it only counts for the staff member it was mailed to,
 * signed in as themselves.
 */
async function ownLink(db: Kysely<Database>, access: AccessProfile, token: string) {
  const unknown = new DomainError('not-found', 'This answer link is not known.');
  if (!isAnswerLinkToken(token)) throw unknown;
  const hash = hashAnswerLinkToken(token);
  const link = await findAnswerLink(db, hash);
  if (!link) throw unknown;
  if (link.userId !== access.userId)
    throw new DomainError('forbidden', 'This answer link is for someone else.');
  return { ...link, hash };
}

function stateOf(link: { usedAt: Date | null; expiresAt: Date | null }, now: Date): AnswerLinkState['state'] {
  if (link.usedAt) return 'used';
  if (!link.expiresAt || new Date(link.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'usable';
}

/** What the tab shows when the link is opened: its call-out and whether it still works; the read is audited. */
export async function openAnswerLink(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  token: string,
  now: Date,
): Promise<AnswerLinkState> {
  const link = await ownLink(db, access, token);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'call-out.answer-link-open', { type: 'call-out', id: link.callOutId }),
    now,
  );
  return { callOutId: link.callOutId, state: stateOf(link, now) };
}

/**
 * Answers through the link: the same rule as the card and the tab (`recordAnswerIn`: one answer per
 * recipient, replaced when given again, tallied once, on the timeline and audited), and the link used in
 * the same transaction, so it works once and a refused answer leaves it usable.
 */
export async function answerThroughLink(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: AnswerThroughLinkInput,
  now: Date,
): Promise<CallOutDetail> {
  const { token, ...answer } = input;
  const link = await ownLink(db, access, token);
  const state = stateOf(link, now);
  if (state !== 'usable')
    throw new DomainError(
      'conflict',
      state === 'used' ? 'This answer link has been used already.' : 'This answer link has expired.',
    );
  await visibleCallOut(db, access, link.callOutId);
  try {
    await transaction(db, async (tx) => {
      if (!(await useAnswerLink(tx, link.hash, access.userId, now)))
        throw new DomainError('conflict', 'This answer link has been used already.');
      await recordAnswerIn(tx, origin, access.userId, { callOutId: link.callOutId, ...answer }, now);
      await appendEvent(tx, link.callOutId, 'answer-link-used', now, { userId: access.userId });
    });
  } catch (error) {
    if (error instanceof CallOutAnswerError) throw answerProblem(error);
    throw error;
  }
  const networks = new Set(access.networkRoles.keys());
  return (await readCallOutDetail(db, link.callOutId, networks, now)) as CallOutDetail;
}
