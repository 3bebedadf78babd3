import type { Kysely, Transaction } from 'kysely';
import { joinablePeople } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The allies of a network that one staff member is to call in the call-outs still open (continuity's
 * hand-over): call-out, ally and name, in the order of the call list.
 */
export async function readOpenCallsOwnedBy(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<Array<{ callOutId: string; personId: string; displayName: string }>> {
  return db
    .selectFrom('call_out_allies as a')
    .innerJoin('call_outs as c', 'c.id', 'a.call_out_id')
    .innerJoin(joinablePeople(db).as('p'), 'p.id', 'a.person_id')
    .select(['a.call_out_id as callOutId', 'a.person_id as personId', 'p.display_name as displayName'])
    .where('a.network_id', '=', networkId)
    .where('a.caller_user_id', '=', userId)
    .where('c.status', '=', 'open')
    .orderBy('a.call_out_id')
    .orderBy('p.display_name')
    .execute();
}

/** Makes another staff member the caller of those allies, in the caller's transaction; returns how many. */
export async function reassignOpenCalls(
  db: Executor,
  networkId: string,
  fromUserId: string,
  toUserId: string,
): Promise<number> {
  const result = await db
    .updateTable('call_out_allies')
    .set({ caller_user_id: toUserId })
    .where('network_id', '=', networkId)
    .where('caller_user_id', '=', fromUserId)
    .where('call_out_id', 'in', db.selectFrom('call_outs').select('id').where('status', '=', 'open'))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
