import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * How many allies of a network have no mobile number, so nobody can phone them in a crisis. Only a
 * count: the network page shows no contact data.
 */
export async function countAlliesWithoutMobile(db: Executor, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .innerJoin('network_people', 'network_people.person_id', 'people.id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('network_people.network_id', '=', networkId)
    .where('people.kind', '=', 'ally')
    .where('people.mobile', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
