import type { Kysely, Transaction } from 'kysely';
import { joinableUsers } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import type { AbsenceSource } from './db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One stored absence period with the staff member's name. */
export interface AbsenceRow {
  id: string;
  userId: string;
  displayName: string;
  startsOn: string;
  endsOn: string;
  source: AbsenceSource;
  note: string | null;
}

/** The absence periods of these staff members that have not ended before `from`, earliest first. */
export async function readAbsences(
  db: Executor,
  userIds: readonly string[],
  from: string,
): Promise<AbsenceRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('staff_absences as a')
    .innerJoin(joinableUsers(db).as('u'), 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.user_id as userId',
      'u.display_name as displayName',
      'a.starts_on as startsOn',
      'a.ends_on as endsOn',
      'a.source',
      'a.note',
    ])
    .where('a.user_id', 'in', [...userIds])
    .where('a.ends_on', '>=', from)
    .orderBy('a.starts_on')
    .orderBy('a.id')
    .execute();
}

/** The periods of these staff members that overlap [from, to] (local dates, inclusive). */
export async function readAbsencesBetween(
  db: Executor,
  userIds: readonly string[],
  from: string,
  to: string,
): Promise<Array<{ userId: string; startsOn: string; endsOn: string }>> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('staff_absences')
    .select(['user_id as userId', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where('user_id', 'in', [...userIds])
    .where('ends_on', '>=', from)
    .where('starts_on', '<=', to)
    .orderBy('starts_on')
    .execute();
}

/** Stores one period; returns its id. */
export async function insertAbsence(
  db: Executor,
  row: {
    userId: string;
    startsOn: string;
    endsOn: string;
    source: AbsenceSource;
    note: string | null;
    recordedBy: string;
    now: Date;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('staff_absences')
    .values({
      user_id: row.userId,
      starts_on: row.startsOn,
      ends_on: row.endsOn,
      source: row.source,
      note: row.note,
      recorded_by: row.recordedBy,
      recorded_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** One period by id, or undefined. */
export async function findAbsence(
  db: Executor,
  id: string,
): Promise<{ id: string; userId: string } | undefined> {
  return db
    .selectFrom('staff_absences')
    .select(['id', 'user_id as userId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Deletes one period; true when it existed. */
export async function deleteAbsence(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('staff_absences').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
