import type { Kysely, Transaction } from 'kysely';
import { joinableUsers } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One recorded hand-over with the successor's name. */
export interface HandOverRow {
  id: string;
  toUserId: string;
  toName: string;
  note: string | null;
  handedOverAt: Date;
}

/** Records one hand-over; returns its id. */
export async function insertHandOver(
  db: Executor,
  row: {
    networkId: string;
    fromUserId: string;
    toUserId: string;
    note: string | null;
    counts: { actions: number; followUps: number; calls: number; backups: number };
    byUserId: string;
    now: Date;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('hand_overs')
    .values({
      network_id: row.networkId,
      from_user_id: row.fromUserId,
      to_user_id: row.toUserId,
      note: row.note,
      actions: row.counts.actions,
      follow_ups: row.counts.followUps,
      calls: row.counts.calls,
      backups: row.counts.backups,
      handed_over_by: row.byUserId,
      handed_over_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The latest hand-over of one staff member in a network, or undefined. */
export async function readLatestHandOver(
  db: Executor,
  networkId: string,
  fromUserId: string,
): Promise<HandOverRow | undefined> {
  return db
    .selectFrom('hand_overs as h')
    .innerJoin(joinableUsers(db).as('u'), 'u.id', 'h.to_user_id')
    .select([
      'h.id',
      'h.to_user_id as toUserId',
      'u.display_name as toName',
      'h.note',
      'h.handed_over_at as handedOverAt',
    ])
    .where('h.network_id', '=', networkId)
    .where('h.from_user_id', '=', fromUserId)
    .orderBy('h.handed_over_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
