import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A municipality's own retention days per kind (kinds without a row use the default). */
export async function readRetentionOverrides(
  db: Executor,
  municipalityId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('retention_rules')
    .select(['kind', 'days'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  return new Map(rows.map((row) => [row.kind, row.days]));
}

/** Sets a municipality's retention for one kind. */
export async function upsertRetentionRule(
  db: Executor,
  row: { municipalityId: string; kind: string; days: number; updatedBy: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('retention_rules')
    .values({
      municipality_id: row.municipalityId,
      kind: row.kind,
      days: row.days,
      updated_by: row.updatedBy,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'kind']).doUpdateSet({
        days: row.days,
        updated_by: row.updatedBy,
        updated_at: row.now,
      }),
    )
    .execute();
}

/**
 * Claims today's run for one municipality: the id when this caller inserted the row, undefined when another
 * instance (or an earlier run today) already did. The unique (municipality, day) makes the claim atomic.
 */
export async function claimRetentionRun(
  db: Executor,
  municipalityId: string,
  runOn: string,
  now: Date,
): Promise<string | undefined> {
  const row = await db
    .insertInto('retention_runs')
    .values({ municipality_id: municipalityId, run_on: runOn, started_at: now })
    .onConflict((oc) => oc.columns(['municipality_id', 'run_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Records what a run did (numbers per kind) and that it finished. */
export async function finishRetentionRun(
  db: Executor,
  runId: string,
  counts: { kind: string; expired: number }[],
  now: Date,
): Promise<void> {
  if (counts.length > 0)
    await db
      .insertInto('retention_run_counts')
      .values(counts.map((c) => ({ run_id: runId, kind: c.kind, expired: c.expired })))
      .execute();
  await db.updateTable('retention_runs').set({ finished_at: now }).where('id', '=', runId).execute();
}

/** The latest runs of one municipality with their counts, newest first. */
export async function readRecentRetentionRuns(
  db: Executor,
  municipalityId: string,
  limit: number,
): Promise<
  { id: string; runOn: string; startedAt: Date; finishedAt: Date | null; counts: Record<string, number> }[]
> {
  const runs = await db
    .selectFrom('retention_runs')
    .select(['id', 'run_on as runOn', 'started_at as startedAt', 'finished_at as finishedAt'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('run_on', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return [];
  const counts = await db
    .selectFrom('retention_run_counts')
    .select(['run_id', 'kind', 'expired'])
    .where(
      'run_id',
      'in',
      runs.map((r) => r.id),
    )
    .execute();
  return runs.map((run) => ({
    ...run,
    runOn: String(run.runOn),
    counts: Object.fromEntries(counts.filter((c) => c.run_id === run.id).map((c) => [c.kind, c.expired])),
  }));
}
