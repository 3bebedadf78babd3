import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { findUserById, readNetworkStaff } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import { localDate } from '../platform/time.js';
import type { HandOverHoldings, HeldItems, MovedCounts } from './hand-over-port.js';
import type { HandOver, HandOverResult, PerformHandOver } from './hand-over-schemas.js';
import { insertHandOver, readLatestHandOver } from './hand-over-store.js';

const notFound = () => new DomainError('not-found', 'This staff member holds nothing in this network.');

/** A short digest of every item's id: it changes when an item is added, done or moved by someone else. */
function fingerprintOf(items: HeldItems): string {
  const ids = [
    ...items.actions.map((a) => `a:${a.id}`),
    ...items.followUps.map((f) => `f:${f.signalId}`),
    ...items.calls.map((c) => `c:${c.callOutId}/${c.personId}`),
    ...items.backups.map((b) => `b:${b.userId}`),
  ].sort();
  return createHash('sha256').update(ids.join('\n')).digest('base64url').slice(0, 22);
}

const itemCount = (items: HeldItems) =>
  items.actions.length + items.followUps.length + items.calls.length + items.backups.length;

/**
 * What a staff member holds in a network (open meeting actions, running signal follow-ups, allies to call in
 * open call-outs, back-up duties), the colleagues who may take it over and the last hand-over. A staff member
 * without a role who still holds items (their role was removed first) is listed too; someone unknown to the
 * network is 404. Reading it is audited (`hand-over.read`, ids only).
 */
export async function getHandOver(
  db: Kysely<Database>,
  holdings: HandOverHoldings,
  origin: AuditOrigin,
  networkId: string,
  userId: string,
  now: Date,
): Promise<HandOver> {
  const user = await findUserById(db, userId);
  if (!user) throw new DomainError('not-found', 'No staff member with this id exists.');
  const staff = await readNetworkStaff(db, networkId);
  const items = await holdings.read(db, networkId, userId);
  const last = await readLatestHandOver(db, networkId, userId);
  const hasRole = staff.some((s) => s.userId === userId);
  if (!hasRole && itemCount(items) === 0 && !last) throw notFound();
  await appendAuditEvent(db, auditEvent(origin, 'hand-over.read', { type: 'user', id: userId }), now);
  return {
    userId,
    displayName: user.displayName,
    hasRole,
    actions: items.actions,
    followUps: items.followUps.map((f) => ({
      signalId: f.signalId,
      receivedOn: localDate(f.receivedAt),
      dueOn: f.dueOn,
    })),
    calls: items.calls,
    backups: items.backups,
    successors: staff
      .filter((s) => s.userId !== userId)
      .map((s) => ({ userId: s.userId, displayName: s.displayName })),
    fingerprint: fingerprintOf(items),
    lastHandOver: last
      ? {
          toUserId: last.toUserId,
          toName: last.toName,
          note: last.note,
          handedOverAt: new Date(last.handedOverAt).toISOString(),
        }
      : null,
  };
}

/**
 * Moves everything a staff member holds in a network to one colleague of that network, all in one
 * transaction with the record of the hand-over and its audit row (ids only): either every item moves or
 * none. The successor must hold a role in the network and not be the leaver (400); with a fingerprint from
 * the read, items that changed meanwhile give 409 and nothing moves.
 */
export async function performHandOver(
  db: Kysely<Database>,
  holdings: HandOverHoldings,
  origin: AuditOrigin,
  byUserId: string,
  networkId: string,
  userId: string,
  input: PerformHandOver,
  now: Date,
): Promise<HandOverResult> {
  if (!(await findUserById(db, userId)))
    throw new DomainError('not-found', 'No staff member with this id exists.');
  if (input.toUserId === userId)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      { field: 'body.toUserId', code: 'self_reference', message: 'the successor must be someone else' },
    ]);
  return transaction(db, async (tx) => {
    const staff = await readNetworkStaff(tx, networkId);
    if (!staff.some((s) => s.userId === input.toUserId))
      throw new DomainError('validation-failed', 'One or more fields are not valid.', [
        {
          field: 'body.toUserId',
          code: 'unknown_reference',
          kind: 'staff',
          message: 'does not hold a role in this network',
        },
      ]);
    const items = await holdings.read(tx, networkId, userId);
    if (!staff.some((s) => s.userId === userId) && itemCount(items) === 0) throw notFound();
    if (input.fingerprint !== undefined && input.fingerprint !== fingerprintOf(items))
      throw new DomainError(
        'conflict',
        'What this staff member holds changed since it was read; read the hand-over again.',
      ).because('changed-meanwhile');
    const { id, moved } = await handOverInTransaction(tx, holdings, origin, {
      networkId,
      fromUserId: userId,
      toUserId: input.toUserId,
      byUserId,
      note: input.note ?? null,
      now,
    });
    return { id, toUserId: input.toUserId, moved };
  });
}

/**
 * Moves everything and records the hand-over with its audit row (ids only), in the caller's transaction: the
 * hand-over route's, or identity's role removal that names a successor (through its port, from compose.ts).
 */
export async function handOverInTransaction(
  tx: Transaction<Database>,
  holdings: HandOverHoldings,
  origin: AuditOrigin,
  change: {
    networkId: string;
    fromUserId: string;
    toUserId: string;
    byUserId: string;
    note: string | null;
    now: Date;
  },
): Promise<{ id: string; moved: MovedCounts }> {
  const moved = await holdings.move(tx, change);
  const id = await insertHandOver(tx, { ...change, counts: moved });
  await appendAuditEvent(tx, auditEvent(origin, 'hand-over.perform', { type: 'hand-over', id }), change.now);
  return { id, moved };
}
