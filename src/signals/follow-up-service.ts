import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readNetworkStaff, readUserIdentities } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import type { FieldError } from '../platform/errors.js';
import { localDate } from '../platform/time.js';
import type { Signal, UpdateFollowUpInput } from './schemas.js';
import { invalid, notFound, present } from './signal-service.js';
import { readSignal, updateFollowUp } from './signal-store.js';
import { readOpenFollowUps } from './thermometer-store.js';

/*
 * A signal's follow-up, the reciprocity loop: who takes it up, what is done, and the day the reporter heard back.
 */

type Db = Kysely<Database>;

/**
 * Changes a signal's follow-up: owner (staff of the network), status, actions, the reason it is not taken
 * up (required for that status), due date and the day the reporter heard back (not in the future).
 */
export async function changeFollowUp(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  signalId: string,
  change: UpdateFollowUpInput,
  now: Date,
): Promise<Signal> {
  const row = await readSignal(db, networkId, signalId);
  if (!row) throw notFound();
  const next = {
    ownerUserId: change.ownerUserId !== undefined ? change.ownerUserId : row.ownerUserId,
    status: change.status ?? row.status,
    actions: change.actions !== undefined ? change.actions : row.actions,
    notTakenUpReason: change.notTakenUpReason !== undefined ? change.notTakenUpReason : row.notTakenUpReason,
    dueOn: change.dueOn ?? row.dueOn,
    fedBackOn: change.fedBackOn !== undefined ? change.fedBackOn : row.fedBackOn,
  };
  const errors: Omit<FieldError, 'message'>[] = [];
  if (change.ownerUserId !== undefined) {
    const staff = await readNetworkStaff(db, networkId);
    if (!staff.some((s) => s.userId === change.ownerUserId))
      errors.push({ field: 'body.ownerUserId', code: 'unknown_reference', kind: 'staff' });
  }
  if (next.status === 'not_taken_up' && !next.notTakenUpReason)
    errors.push({ field: 'body.notTakenUpReason', code: 'required' });
  if (next.status !== 'not_taken_up') next.notTakenUpReason = null;
  if (next.fedBackOn && next.fedBackOn > localDate(now))
    errors.push({ field: 'body.fedBackOn', code: 'in_future' });
  if (next.fedBackOn && next.fedBackOn < localDate(row.receivedAt))
    errors.push({ field: 'body.fedBackOn', code: 'before_start' });
  if (errors.length > 0) throw invalid(errors, 'The follow-up is not valid.');
  await transaction(db, async (tx) => {
    await updateFollowUp(tx, signalId, next, access.userId, now);
    await appendAuditEvent(tx, auditEvent(origin, 'signal.follow-up', { type: 'signal', id: signalId }), now);
  });
  const updated = await readSignal(db, networkId, signalId);
  if (!updated) throw notFound();
  return (await present(db, networkId, [updated], now, access))[0] as Signal;
}

/** Open and in-progress follow-ups of a network, overdue ones flagged (the network page; audited). */
export async function listOpenFollowUps(db: Db, origin: AuditOrigin, networkId: string, now: Date) {
  const rows = await readOpenFollowUps(db, [networkId]);
  const owners = await readUserIdentities(db, [
    ...new Set(rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : []))),
  ]);
  const ownerName = new Map(owners.map((u) => [u.id, u.displayName]));
  const today = localDate(now);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'signal.follow-up-list', { type: 'network', id: networkId }),
    now,
  );
  return rows.map((r) => ({
    signalId: r.signalId,
    receivedAt: new Date(r.receivedAt).toISOString(),
    urgency: r.urgency,
    themes: r.themes,
    owner: r.ownerUserId ? { id: r.ownerUserId, displayName: ownerName.get(r.ownerUserId) ?? '—' } : null,
    status: r.status,
    dueOn: r.dueOn,
    overdue: r.dueOn < today,
  }));
}
