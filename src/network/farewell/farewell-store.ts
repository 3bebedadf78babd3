import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PersonFarewellsTable } from '../db-schema.js';
import type { Farewell, RecordFarewell } from './farewell-schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

function toFarewell(row: Selectable<PersonFarewellsTable>): Farewell {
  return {
    id: row.id,
    personId: row.person_id,
    kindBefore: row.kind_before,
    endedOn: row.ended_on,
    reason: row.reason,
    reasonNote: row.reason_note,
    thanked: row.thanked,
    evaluationId: row.evaluation_id,
    backfilled: row.backfilled,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** Stores a farewell and ends the membership: the person's kind becomes the former one, their version bumps. */
export async function insertFarewell(
  tx: Transaction<Database>,
  input: {
    personId: string;
    kindBefore: 'ally' | 'key_figure';
    kindAfter: 'former_ally' | 'former_key_figure';
    recordedBy: string | null;
    farewell: Omit<RecordFarewell, 'version'>;
  },
  now: Date,
): Promise<Farewell> {
  const { farewell } = input;
  const row = await tx
    .insertInto('person_farewells')
    .values({
      person_id: input.personId,
      kind_before: input.kindBefore,
      ended_on: farewell.endedOn,
      reason: farewell.reason,
      reason_note: farewell.reasonNote,
      thanked: farewell.thanked,
      evaluation_id: farewell.evaluationId,
      recorded_by: input.recordedBy,
      recorded_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('people')
    .set((eb) => ({ kind: input.kindAfter, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', input.personId)
    .execute();
  return toFarewell(row);
}

/** The person's kind and version, locked for the rest of the transaction. */
export async function lockPersonForFarewell(tx: Transaction<Database>, personId: string) {
  return tx
    .selectFrom('people')
    .select(['kind', 'version'])
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

/** The latest farewell of each of these people (a person who returned and left again has several). */
export async function readLatestFarewells(db: Executor, personIds: string[]): Promise<Map<string, Farewell>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_farewells')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('ended_on')
    .orderBy('recorded_at')
    .execute();
  return new Map(rows.map((row) => [row.person_id, toFarewell(row)]));
}

/**
 * The retention hook: people whose membership ended on or before `endedOnOrBefore` and who have not returned
 * (their kind is still a former one) and are not erased yet, with the date the retention clock started. The privacy capability's
 * retention rules read this through network's index.ts.
 */
export async function readEndedMemberships(
  db: Executor,
  endedOnOrBefore: string,
): Promise<{ personId: string; municipalityId: string; endedOn: string }[]> {
  const rows = await db
    .selectFrom('person_farewells as f')
    .innerJoin('people', 'people.id', 'f.person_id')
    .select(['f.person_id as personId', 'people.municipality_id as municipalityId'])
    .select((eb) => eb.fn.max('f.ended_on').as('endedOn'))
    .where('people.kind', 'in', ['former_ally', 'former_key_figure'])
    .where('people.erased_at', 'is', null)
    .groupBy(['f.person_id', 'people.municipality_id'])
    .having((eb) => eb.fn.max('f.ended_on'), '<=', endedOnOrBefore)
    .orderBy('f.person_id')
    .execute();
  return rows.map((row) => ({ ...row, endedOn: String(row.endedOn) }));
}
