import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A network's meetings on or after `fromDate` (local date), earliest first, cancelled ones left out: the id and
 * date only (continuity's introduction checklist links a newcomer's introduction to one of them).
 */
export async function readMeetingDates(
  db: Executor,
  networkId: string,
  fromDate: string,
): Promise<Array<{ id: string; meetingDate: string }>> {
  return db
    .selectFrom('meetings')
    .select(['id', 'meeting_date as meetingDate'])
    .where('network_id', '=', networkId)
    .where('meeting_date', '>=', fromDate)
    .where('status', '!=', 'cancelled')
    .orderBy('meeting_date')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}
