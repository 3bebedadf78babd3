import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { readNetworkStaffInRoles } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';

/**
 * The SQL of the meetings' Teams side: the plan action's idempotency key; and who gets the proposal card (the
 * staff through identity's public API).
 */

/** A staff member to send the card to, as the conversation store looks them up. */
export interface Recipient {
  userId: string;
  tenantId: string;
  aadObjectId: string;
}

/**
 * Who gets the proposal: the network's secretaries, or its coordinators when it has no secretary (the
 * secretary plans meetings in the method, and a network without one still needs its next meeting).
 */
export async function proposalRecipients(db: Kysely<Database>, networkId: string): Promise<Recipient[]> {
  const rows = await readNetworkStaffInRoles(db, networkId, ['secretary', 'coordinator']);
  const secretaries = rows.filter((row) => row.role === 'secretary');
  const chosen = secretaries.length > 0 ? secretaries : rows.filter((row) => row.role === 'coordinator');
  return chosen.map(({ userId, tenantId, aadObjectId }) => ({ userId, tenantId, aadObjectId }));
}

/** The outcome of claiming [Plannen] for a network and date (`meeting_plan_actions`, migration 0018). */
export type PlanClaim =
  /** This press holds the key: plan, then `completePlanAction` (or `releasePlanAction` on failure). */
  | { kind: 'mine'; claimId: string }
  /** An earlier press planned this meeting, which is still planned. */
  | { kind: 'planned'; meetingId: string }
  /** Another press is planning right now (on this or another instance). */
  | { kind: 'busy' };

/**
 * Claims the plan action for a network's meeting date. One transaction: insert the key if absent, then lock
 * the row (a concurrent press waits here for the first to commit) and read who holds it. A claim is taken
 * over when its press died before planning (lease expired) or when the meeting it planned was cancelled.
 */
export async function claimPlanAction(
  db: Kysely<Database>,
  networkId: string,
  meetingDate: string,
  leaseMs: number,
): Promise<PlanClaim> {
  const claimId = randomUUID();
  const until = sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`;
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('meeting_plan_actions')
      .values({ network_id: networkId, meeting_date: meetingDate, claim_id: claimId, claimed_until: until })
      .onConflict((conflict) => conflict.columns(['network_id', 'meeting_date']).doNothing())
      .execute();
    const row = await tx
      .selectFrom('meeting_plan_actions')
      .select(['claim_id', 'meeting_id', sql<boolean>`claimed_until < now()`.as('expired')])
      .where('network_id', '=', networkId)
      .where('meeting_date', '=', meetingDate)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.claim_id === claimId) return { kind: 'mine', claimId };
    if (row.meeting_id) {
      const meeting = await tx
        .selectFrom('meetings')
        .select('status')
        .where('id', '=', row.meeting_id)
        .executeTakeFirst();
      if (meeting?.status === 'planned') return { kind: 'planned', meetingId: row.meeting_id };
    } else if (!row.expired) {
      return { kind: 'busy' };
    }
    await tx
      .updateTable('meeting_plan_actions')
      .set({ claim_id: claimId, claimed_until: until, meeting_id: null })
      .where('network_id', '=', networkId)
      .where('meeting_date', '=', meetingDate)
      .execute();
    return { kind: 'mine', claimId };
  });
}

/** Records the meeting the claim planned (or found planned), so later presses answer with it. */
export async function completePlanAction(
  db: Kysely<Database>,
  claimId: string,
  meetingId: string,
): Promise<void> {
  await db
    .updateTable('meeting_plan_actions')
    .set({ meeting_id: meetingId })
    .where('claim_id', '=', claimId)
    .execute();
}

/** Gives the key up after a failed plan, so the next press tries again at once. */
export async function releasePlanAction(db: Kysely<Database>, claimId: string): Promise<void> {
  await db
    .deleteFrom('meeting_plan_actions')
    .where('claim_id', '=', claimId)
    .where('meeting_id', 'is', null)
    .execute();
}
