import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Attendance over a period, from the meeting records: how many meetings of the network were held (status
 * 'held', local date within `from`..`to`, both inclusive) and, per person, at how many they were marked present.
 * Ids and counts only. Read by the half-yearly evaluation through meetings' index.ts.
 */
export async function readAttendanceTally(
  db: Executor,
  networkId: string,
  from: string,
  to: string,
): Promise<{ held: number; presentByPerson: Map<string, number> }> {
  const held = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('network_id', '=', networkId)
    .where('status', '=', 'held')
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .executeTakeFirstOrThrow();
  const present = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.person_id'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.network_id', '=', networkId)
    .where('m.status', '=', 'held')
    .where('m.meeting_date', '>=', from)
    .where('m.meeting_date', '<=', to)
    .where('a.present', '=', true)
    .where('a.person_id', 'is not', null)
    .groupBy('a.person_id')
    .execute();
  return {
    held: Number(held.n),
    presentByPerson: new Map(present.map((row) => [row.person_id as string, Number(row.n)])),
  };
}
