import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditEventInput } from '../../src/audit/audit-chain.js';
import { appendAuditEvent, sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import type { Database } from '../../src/platform/db/schema.js';
import { judgeChain } from '../lib/chain-check.js';
import { BENCH_ENGINE } from '../lib/database.js';
import { benchServer } from '../lib/server.js';
import { median, ratio } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Suite, SuiteOutcome } from '../lib/types.js';

const WARMUP = 100;

const COLUMNS: Column[] = [
  { key: 'rate', title: 'rows/s (median)', digits: 0 },
  { key: 'ms', title: 'ms per round (median)', digits: 0 },
  { key: 'best', title: 'best rows/s', digits: 0 },
  { key: 'worst', title: 'worst rows/s', digits: 0 },
];

function settings(options: BenchOptions) {
  return { appends: options.appends ?? (options.quick ? 500 : 2_000), rounds: options.quick ? 1 : 3 };
}

/** A fictional event: random ids only, as the real trail holds. */
function buildBenchEvent(index: number): AuditEventInput {
  return {
    actorUserId: randomUUID(),
    action: 'bench.append',
    objectType: 'bench',
    objectId: String(index),
    result: 'success',
    channel: 'job',
    clientAddress: '127.0.0.1',
    requestId: randomUUID(),
  };
}

/** The baseline's table: audit_events' columns, checks and indexes, but no chain, lock or transaction. */
async function createScratchTable(db: Kysely<Database>): Promise<string> {
  const name = `bench_plain_insert_${randomBytes(4).toString('hex')}`;
  await sql`create table ${sql.table(name)} (like audit_events including all)`.execute(db);
  return name;
}

function plainInsert(db: Kysely<Database>, table: string, seq: number): Promise<unknown> {
  const event = buildBenchEvent(seq);
  const hash = createHash('sha256').update(`${table}:${seq}`).digest('hex');
  return sql`insert into ${sql.table(table)}
      (seq, occurred_at, actor_user_id, action, object_type, object_id, result, channel, client_address,
       request_id, prev_hash, hash)
    values (${seq}, ${new Date()}, ${event.actorUserId}, ${event.action}, ${event.objectType},
      ${event.objectId}, ${event.result}, ${event.channel}, ${event.clientAddress}, ${event.requestId},
      ${'0'.repeat(64)}, ${hash})`.execute(db);
}

/** Issues `count` calls at once and returns the milliseconds until the last one settled. */
async function timeConcurrent(count: number, call: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, index) => call(index)));
  return performance.now() - started;
}

function toRow(
  role: MeasurementRow['role'],
  label: string,
  appends: number,
  times: number[],
): MeasurementRow {
  const rates = times.map((ms) => (appends / ms) * 1000);
  return {
    role,
    label,
    values: { rate: median(rates), ms: median(times), best: Math.max(...rates), worst: Math.min(...rates) },
  };
}

async function measure(db: Kysely<Database>, options: BenchOptions) {
  const { appends, rounds } = settings(options);
  const table = await createScratchTable(db);
  let nextSeq = 1;
  const insert = () => plainInsert(db, table, nextSeq++);
  const append = (index: number) => appendAuditEvent(db, buildBenchEvent(index), new Date());
  await timeConcurrent(WARMUP, insert);
  await timeConcurrent(WARMUP, append);
  await sealAuditJournal(db);
  const plain: number[] = [];
  const journalled: number[] = [];
  const chained: number[] = [];
  const appendAndSeal = async () => {
    const started = performance.now();
    await timeConcurrent(appends, append);
    await sealAuditJournal(db);
    return performance.now() - started;
  };
  for (let round = 0; round < rounds; round += 1) {
    // Alternate who goes first, so a machine that slows down or speeds up favours neither.
    const steps = [
      async () => plain.push(await timeConcurrent(appends, insert)),
      async () => journalled.push(await timeConcurrent(appends, append)),
      async () => chained.push(await appendAndSeal()),
    ];
    for (const step of round % 2 === 0 ? steps : steps.toReversed()) await step();
  }
  await sealAuditJournal(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  return {
    rows: [
      toRow('baseline', 'plain single-row insert (same columns)', appends, plain),
      toRow('subject', 'appendAuditEvent (journal insert; what a request waits for)', appends, journalled),
      toRow('subject', 'appendAuditEvent + sealAuditJournal (all N in the chain)', appends, chained),
    ],
    appended: WARMUP + 2 * rounds * appends,
  };
}

/** Throughput of the hash-chained audit append against a plain insert of the same row, then a chain check. */
export const auditAppend: Suite = {
  name: 'audit-append',
  summary:
    'N concurrent audit appends (journal, and journal + seal) vs N plain inserts; then verifies the chain',
  async run(options): Promise<SuiteOutcome> {
    const { appends, rounds } = settings(options);
    // The run's database: opening another PGlite costs seconds, and the rows already there (sign-ins)
    // are chained too, so the check below covers them as well.
    const { db } = (await benchServer()).database;
    await sealAuditJournal(db);
    const before = await verifyAuditChain(db);
    const { rows, appended } = await measure(db, options);
    const chain = judgeChain(await verifyAuditChain(db), before.rowsChecked + appended);
    const [baseline, journal, sealed] = rows;
    return {
      status: chain.ok ? 'ok' : 'failed',
      message: chain.message,
      columns: COLUMNS,
      rows,
      ratios: [
        {
          label: 'journal append ÷ plain insert (rows/s)',
          value: ratio(journal?.values.rate ?? Number.NaN, baseline?.values.rate ?? Number.NaN),
          better: 'higher',
        },
        {
          label: 'append + seal into the chain ÷ plain insert (rows/s)',
          value: ratio(sealed?.values.rate ?? Number.NaN, baseline?.values.rate ?? Number.NaN),
          better: 'higher',
        },
      ],
      facts: {
        engine: BENCH_ENGINE,
        'concurrent calls per round': appends,
        rounds,
        'connections available': BENCH_ENGINE === 'postgres' ? 10 : 1,
        'chain rows before': before.rowsChecked,
      },
    };
  },
};
