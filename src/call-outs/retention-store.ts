import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { addDays, startOfLocalDate } from '../platform/time.js';

/**
 * Call-outs' part in the retention job (issue 18, kind `call-out-records`) and in the measure of activity
 * (kind `key-figures-inactive`). Ids and counts only leave this file.
 */

/** The first instant after the local day `onOrBefore` (Europe/Amsterdam). */
const endOfDay = (onOrBefore: string) => new Date(startOfLocalDate(addDays(onOrBefore, 1)));

/**
 * Expires the personal parts of the closed call-outs of one municipality closed on or before `onOrBefore`
 * (local day) and not expired yet: what was heard in calls and the staff's answer notes are emptied, the
 * Teams addresses of the cards and the answer links' token hashes cleared, and every call list row gets an id
 * no person has. That id is derived from the call-out, the old id and a key made for this call and thrown
 * away, so the row, its calls (which follow by `on update cascade`, migration 0045) and its timeline lines
 * keep matching each other (the call-out's counts stay: cards, answers, calls, reached, coming) while
 * nothing leads back to the person. Staff ids stay (professional data). The call-out's own texts stay; an
 * erased person's name in them is already pseudonymised by the erasure.
 *
 * Marked with `records_expired_at` in the same transaction, so a call-out is expired once even when two
 * callers race. With `dryRun` it only counts. Returns the call-outs expired.
 */
export async function expireCallOutRecords(
  db: Kysely<Database>,
  request: { municipalityId: string; onOrBefore: string; dryRun: boolean; now: Date },
): Promise<number> {
  const due = db
    .selectFrom('call_outs')
    .where('municipality_id', '=', request.municipalityId)
    .where('status', '=', 'closed')
    .where('closed_at', '<', endOfDay(request.onOrBefore))
    .where('records_expired_at', 'is', null);
  if (request.dryRun) {
    const row = await due.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }
  const candidates = (await due.select('id').execute()).map((row) => row.id);
  if (candidates.length === 0) return 0;
  const key = randomUUID();
  const pseudonymous = sql<string>`md5(${key} || call_out_id::text || person_id::text)::uuid`;
  return db.transaction().execute(async (tx) => {
    // The mark comes first: of two racing callers, the second finds the rows marked (or waits for the lock).
    const ids = (
      await tx
        .updateTable('call_outs')
        .set({ records_expired_at: request.now })
        .where('id', 'in', candidates)
        .where('records_expired_at', 'is', null)
        .returning('id')
        .execute()
    ).map((row) => row.id);
    if (ids.length === 0) return 0;
    await tx
      .updateTable('call_out_events')
      .set({ person_id: pseudonymous })
      .where('call_out_id', 'in', ids)
      .where('person_id', 'is not', null)
      .execute();
    await tx
      .updateTable('call_out_allies')
      .set({ person_id: pseudonymous })
      .where('call_out_id', 'in', ids)
      .execute();
    await tx.updateTable('call_out_calls').set({ heard: null }).where('call_out_id', 'in', ids).execute();
    await tx.updateTable('call_out_answers').set({ note: null }).where('call_out_id', 'in', ids).execute();
    await tx
      .updateTable('call_out_deliveries')
      .set({ service_url: null, conversation_id: null, activity_id: null, last_error: null })
      .where('call_out_id', 'in', ids)
      .execute();
    await tx
      .updateTable('call_out_answer_links')
      .set({ token_hash: null, last_error: null })
      .where('call_out_id', 'in', ids)
      .execute();
    return ids.length;
  });
}

/** The people who answered a call (outcome `reached`) on or after the local day `since`: ids only. */
export async function readCallOutActivitySince(db: Kysely<Database>, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_out_calls')
    .select('person_id')
    .distinct()
    .where('outcome', '=', 'reached')
    .where('recorded_at', '>=', new Date(startOfLocalDate(since)))
    .execute();
  return rows.map((row) => row.person_id);
}

/**
 * Inzage (issue 18, AVG art. 15): the call lists the person stood on (the call-out, its start and who was to
 * call) and every call to them (outcome, coming, what was heard), oldest first. Staff are named by id only.
 */
export async function describeCallOutsOfPerson(
  db: Kysely<Database>,
  personId: string,
): Promise<
  { kind: string; rows: { on: string | null; facts: Record<string, string | number | boolean | null> }[] }[]
> {
  const lists = await db
    .selectFrom('call_out_allies as a')
    .innerJoin('call_outs as c', 'c.id', 'a.call_out_id')
    .select(['a.call_out_id', 'c.started_at', 'c.kind', 'c.status'])
    .where('a.person_id', '=', personId)
    .orderBy('c.started_at')
    .execute();
  const calls = await db
    .selectFrom('call_out_calls')
    .select(['call_out_id', 'recorded_at', 'outcome', 'coming', 'heard'])
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .execute();
  return [
    {
      kind: 'call-lists',
      rows: lists.map((row) => ({
        on: new Date(row.started_at).toISOString(),
        facts: { callOutId: row.call_out_id, callOutKind: row.kind, status: row.status },
      })),
    },
    {
      kind: 'call-out-calls',
      rows: calls.map((row) => ({
        on: new Date(row.recorded_at).toISOString(),
        facts: { callOutId: row.call_out_id, outcome: row.outcome, coming: row.coming, text: row.heard },
      })),
    },
  ];
}
