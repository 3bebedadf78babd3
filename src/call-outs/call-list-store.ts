import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Takes a person off the call lists of open call-outs (their call outcomes there go with them); closed
 * call-outs keep their timeline. Returns how many call lists the person left.
 */
export async function deleteFromOpenCallLists(db: Executor, personId: string): Promise<number> {
  const result = await db
    .deleteFrom('call_out_allies')
    .where('person_id', '=', personId)
    .where((eb) =>
      eb('call_out_id', 'in', eb.selectFrom('call_outs').select('id').where('status', '=', 'open')),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
