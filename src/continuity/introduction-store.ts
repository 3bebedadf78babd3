import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One ticked checklist item of a newcomer. */
export interface IntroductionItemRow {
  userId: string;
  itemKey: string;
  doneOn: string;
  meetingId: string | null;
}

/** Starts a newcomer's introduction in a network; an existing one (a role granted before) is kept as it is. */
export async function insertIntroduction(
  db: Executor,
  row: { networkId: string; userId: string; startedOn: string },
): Promise<void> {
  await db
    .insertInto('introductions')
    .values({ network_id: row.networkId, user_id: row.userId, started_on: row.startedOn })
    .onConflict((oc) => oc.columns(['network_id', 'user_id']).doNothing())
    .execute();
}

/** The introductions in a network, of these users only when given, oldest first. */
export async function readIntroductions(
  db: Executor,
  networkId: string,
  userIds?: readonly string[],
): Promise<Array<{ userId: string; startedOn: string }>> {
  if (userIds && userIds.length === 0) return [];
  let query = db
    .selectFrom('introductions')
    .select(['user_id as userId', 'started_on as startedOn'])
    .where('network_id', '=', networkId);
  if (userIds) query = query.where('user_id', 'in', [...userIds]);
  return query.orderBy('started_on').orderBy('user_id').execute();
}

/** The ticked items of these newcomers' introductions in a network. */
export async function readIntroductionItems(
  db: Executor,
  networkId: string,
  userIds: readonly string[],
): Promise<IntroductionItemRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('introduction_items')
    .select(['user_id as userId', 'item_key as itemKey', 'done_on as doneOn', 'meeting_id as meetingId'])
    .where('network_id', '=', networkId)
    .where('user_id', 'in', [...userIds])
    .orderBy('item_key')
    .execute();
}

/** Ticks an item (or changes its date or meeting). */
export async function upsertIntroductionItem(
  db: Executor,
  row: {
    networkId: string;
    userId: string;
    itemKey: string;
    doneOn: string;
    meetingId: string | null;
    tickedBy: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('introduction_items')
    .values({
      network_id: row.networkId,
      user_id: row.userId,
      item_key: row.itemKey,
      done_on: row.doneOn,
      meeting_id: row.meetingId,
      ticked_by: row.tickedBy,
      ticked_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['network_id', 'user_id', 'item_key']).doUpdateSet({
        done_on: row.doneOn,
        meeting_id: row.meetingId,
        ticked_by: row.tickedBy,
        ticked_at: row.now,
      }),
    )
    .execute();
}

/** Unticks an item; true when it was ticked. */
export async function deleteIntroductionItem(
  db: Executor,
  key: { networkId: string; userId: string; itemKey: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('introduction_items')
    .where('network_id', '=', key.networkId)
    .where('user_id', '=', key.userId)
    .where('item_key', '=', key.itemKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The introductions started on or after `fromDate` (local date), in every network: whom to welcome. */
export async function readIntroductionsStartedSince(
  db: Executor,
  fromDate: string,
): Promise<Array<{ networkId: string; userId: string; startedOn: string }>> {
  return db
    .selectFrom('introductions')
    .select(['network_id as networkId', 'user_id as userId', 'started_on as startedOn'])
    .where('started_on', '>=', fromDate)
    .orderBy('started_on')
    .orderBy('network_id')
    .orderBy('user_id')
    .execute();
}
