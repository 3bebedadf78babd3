import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Per ally of a network, over call-outs started between `from` and `to` (instants, `to` exclusive): on how many
 * call lists they stood, and in how many they answered the phone (a call with outcome 'reached'). Ids and
 * counts only. Read by the half-yearly evaluation through call-outs' index.ts.
 */
export async function readAllyCallOutTally(
  db: Executor,
  networkId: string,
  from: Date,
  to: Date,
): Promise<Map<string, { callOuts: number; reached: number }>> {
  const listed = await db
    .selectFrom('call_out_allies as a')
    .innerJoin('call_outs as c', 'c.id', 'a.call_out_id')
    .select(['a.person_id'])
    .select((eb) => eb.fn.count<string>('a.call_out_id').distinct().as('n'))
    .where('a.network_id', '=', networkId)
    .where('c.started_at', '>=', from)
    .where('c.started_at', '<', to)
    .groupBy('a.person_id')
    .execute();
  const reached = await db
    .selectFrom('call_out_calls as k')
    .innerJoin('call_out_allies as a', (join) =>
      join.onRef('a.call_out_id', '=', 'k.call_out_id').onRef('a.person_id', '=', 'k.person_id'),
    )
    .innerJoin('call_outs as c', 'c.id', 'k.call_out_id')
    .select(['k.person_id'])
    .select((eb) => eb.fn.count<string>('k.call_out_id').distinct().as('n'))
    .where('a.network_id', '=', networkId)
    .where('k.outcome', '=', 'reached')
    .where('c.started_at', '>=', from)
    .where('c.started_at', '<', to)
    .groupBy('k.person_id')
    .execute();
  const tally = new Map<string, { callOuts: number; reached: number }>();
  for (const row of listed) tally.set(row.person_id, { callOuts: Number(row.n), reached: 0 });
  for (const row of reached) {
    const entry = tally.get(row.person_id) ?? { callOuts: 0, reached: 0 };
    entry.reached = Number(row.n);
    tally.set(row.person_id, entry);
  }
  return tally;
}
