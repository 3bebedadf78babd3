import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { EvaluationAlliesTable } from './db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The due date a coordinator set for the network's next evaluation, or null. */
export async function readScheduledDueOn(db: Executor, networkId: string): Promise<string | null> {
  const row = await db
    .selectFrom('evaluation_schedules')
    .select('next_due_on')
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  return row?.next_due_on ?? null;
}

/** Sets (or replaces) the network's next due date. */
export async function upsertSchedule(db: Executor, networkId: string, nextDueOn: string, now: Date) {
  await db
    .insertInto('evaluation_schedules')
    .values({ network_id: networkId, next_due_on: nextDueOn, updated_at: now })
    .onConflict((oc) => oc.column('network_id').doUpdateSet({ next_due_on: nextDueOn, updated_at: now }))
    .execute();
}

/** The network's evaluations, newest first, with the count of each decision. */
export async function readEvaluations(db: Executor, networkId: string) {
  const rows = await db
    .selectFrom('evaluations as e')
    .leftJoin('evaluation_allies as a', 'a.evaluation_id', 'e.id')
    .select(['e.id', 'e.held_on', 'e.period_from', 'e.period_to', 'e.recorded_at'])
    .select((eb) => [
      eb.fn.count<string>('a.person_id').filterWhere('a.decision', '=', 'continue').as('continue'),
      eb.fn.count<string>('a.person_id').filterWhere('a.decision', '=', 'talk').as('talk'),
      eb.fn.count<string>('a.person_id').filterWhere('a.decision', '=', 'goodbye').as('goodbye'),
    ])
    .where('e.network_id', '=', networkId)
    .groupBy(['e.id', 'e.held_on', 'e.period_from', 'e.period_to', 'e.recorded_at'])
    .orderBy('e.held_on', 'desc')
    .orderBy('e.recorded_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    heldOn: row.held_on,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    continue: Number(row.continue),
    talk: Number(row.talk),
    goodbye: Number(row.goodbye),
  }));
}

/** The network an evaluation belongs to, or null when there is no such evaluation (the farewell checks it). */
export async function readEvaluationNetworkId(db: Executor, evaluationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('evaluations')
    .select('network_id')
    .where('id', '=', evaluationId)
    .executeTakeFirst();
  return row?.network_id ?? null;
}

/** One evaluation of the network with its ally rows, or undefined. */
export async function readEvaluation(db: Executor, networkId: string, evaluationId: string) {
  const evaluation = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('id', '=', evaluationId)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  if (!evaluation) return undefined;
  const allies = await db
    .selectFrom('evaluation_allies')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .execute();
  return { evaluation, allies };
}

/** Stores an evaluation and its ally rows; returns its id. */
export async function insertEvaluation(
  tx: Transaction<Database>,
  row: {
    networkId: string;
    periodFrom: string;
    periodTo: string;
    heldOn: string;
    mixNote: string | null;
    gapsNote: string | null;
    generalNote: string | null;
    coverageGaps: number;
    recordedBy: string | null;
  },
  allies: Omit<EvaluationAlliesTable, 'evaluation_id'>[],
  now: Date,
): Promise<string> {
  const { id } = await tx
    .insertInto('evaluations')
    .values({
      id: crypto.randomUUID(),
      network_id: row.networkId,
      period_from: row.periodFrom,
      period_to: row.periodTo,
      held_on: row.heldOn,
      mix_note: row.mixNote,
      gaps_note: row.gapsNote,
      general_note: row.generalNote,
      coverage_gaps: row.coverageGaps,
      recorded_by: row.recordedBy,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (allies.length > 0)
    await tx
      .insertInto('evaluation_allies')
      .values(allies.map((ally) => ({ ...ally, evaluation_id: id })))
      .execute();
  return id;
}

/** The latest evaluation's dates, or undefined when the network has none yet. */
export async function readLatestEvaluationDates(db: Executor, networkId: string) {
  return db
    .selectFrom('evaluations')
    .select(['held_on as heldOn', 'period_to as periodTo'])
    .where('network_id', '=', networkId)
    .orderBy('held_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
