import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import {
  claimDeliveries,
  markSent,
  markUndeliverable,
  releaseDelivery,
} from '../../src/call-outs/delivery/delivery-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/*
 * The change stamp reads a call-out's progress from one counter row (call_out_progress, migration 0050) that
 * triggers keep in step with the deliveries, recipients and answers. These tests compare that row with the
 * grouped truth after each kind of change the row must follow: concurrent claims and results of several
 * delivery workers, retries, unreachable recipients, answers, a recipient leaving.
 */
let server: TestServer;
let sanne: string;
let callOutId: string;
let recipientUserIds: string[];
let starterId: string;

const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
  sanne = await signInAs(server.url, 'Sanne Verhoef');
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve brand in een buurthuis',
    ask: 'Kom naar het buurthuis',
    placeIds: [await areaId(server.database.db, 'Centrum Haven')],
    communityIds: [],
  });
  expect(started.status).toBe(201);
  callOutId = started.body.id;
  starterId = started.body.startedBy;
  recipientUserIds = started.body.recipients.map((r: { userId: string }) => r.userId);
  // Every card due in a day, so the server's own delivery worker leaves them to the workers below.
  await server.database.db
    .updateTable('call_out_deliveries')
    .set({ state: 'pending', next_attempt_at: new Date(Date.now() + DAY) })
    .where('call_out_id', '=', callOutId)
    .execute();
  // Starting a server on a migrated database takes long on the shared, loaded test machine.
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const COUNTS = [
  'recipients',
  'answered',
  ...['alert', 'reminder'].flatMap((kind) =>
    ['pending', 'sending', 'sent', 'failed', 'unreachable'].map((state) => `${kind}_${state}`),
  ),
] as const;
type Counts = Record<string, number> & {
  recipients: number;
  answered: number;
  alert_pending: number;
  alert_sending: number;
  alert_sent: number;
  alert_unreachable: number;
  reminder_pending: number;
  reminder_sending: number;
  reminder_sent: number;
  reminder_unreachable: number;
};

/** Every count, as a number (a missing one as NaN, which equals nothing). */
function asCounts(row: Record<string, unknown>): Counts {
  return Object.fromEntries(COUNTS.map((key) => [key, Number(row[key] ?? Number.NaN)])) as Counts;
}

/** The counter row, as numbers. */
async function counted(): Promise<Counts> {
  const row = await server.database.db
    .selectFrom('call_out_progress')
    .selectAll()
    .where('call_out_id', '=', callOutId)
    .executeTakeFirstOrThrow();
  return asCounts(row);
}

/** The same counts grouped from the tables themselves. */
async function truth(): Promise<Counts> {
  const { rows } = await sql<Record<string, string | number>>`
    select (select count(*) from call_out_recipients r where r.call_out_id = ${callOutId}) as recipients,
      (select count(*) from call_out_answers a where a.call_out_id = ${callOutId} and exists (select 1
        from call_out_recipients r where r.call_out_id = a.call_out_id and r.user_id = a.user_id)) as answered,
      ${sql.join(
        ['alert', 'reminder'].flatMap((kind) =>
          ['pending', 'sending', 'sent', 'failed', 'unreachable'].map(
            (state) =>
              sql`(select count(*) from call_out_deliveries d where d.call_out_id = ${callOutId}
                and d.kind = ${kind} and d.state = ${state}) as ${sql.ref(`${kind}_${state}`)}`,
          ),
        ),
      )}`.execute(server.database.db);
  return asCounts(rows[0] ?? {});
}

const stampOf = async () =>
  (await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}/change-stamp`)).body;

describe('the call-out’s counter row', () => {
  it('counts the recipients and their cards from the start', async () => {
    const counts = await counted();
    expect(counts).toEqual(await truth());
    expect(counts.recipients).toBe(recipientUserIds.length);
    expect(counts.alert_pending).toBe(recipientUserIds.length);
  });

  it('equals the grouped truth after concurrent workers send, retry and give up on cards', async () => {
    const db = server.database.db;
    // A reminder per recipient as well, so the workers have more cards than recipients to race over.
    const due = new Date(Date.now() + DAY);
    await sql`insert into call_out_deliveries (call_out_id, recipient_id, kind, next_attempt_at, created_at)
      select call_out_id, id, 'reminder', ${due}, ${new Date()} from call_out_recipients
      where call_out_id = ${callOutId}`.execute(db);
    const later = new Date(Date.now() + 2 * DAY);
    let turn = 0;
    const worker = async (workerId: string) => {
      for (;;) {
        const claimed = await claimDeliveries(db, workerId, 2, 60_000, later);
        if (claimed.length === 0) return;
        await Promise.all(
          claimed.map(async (delivery) => {
            turn += 1;
            // First attempts: a third are retried (Teams said 429), and every fifth card is unreachable.
            if (delivery.attempts === 1 && turn % 3 === 0)
              return releaseDelivery(db, delivery.id, delivery.owner, later, { countAttempt: true });
            if (turn % 5 === 0)
              return markUndeliverable(db, delivery, delivery.owner, 'unreachable', 'no chat', later);
            return markSent(
              db,
              delivery,
              delivery.owner,
              { activityId: `a-${delivery.id}`, shownVersion: 1 },
              later,
            );
          }),
        );
      }
    };
    await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));

    const counts = await counted();
    expect(counts).toEqual(await truth());
    expect(
      counts.alert_pending + counts.alert_sending + counts.reminder_pending + counts.reminder_sending,
    ).toBe(0);
    expect(counts.alert_sent + counts.alert_unreachable).toBe(recipientUserIds.length);
    expect(counts.reminder_sent + counts.reminder_unreachable).toBe(recipientUserIds.length);
    expect(counts.alert_unreachable + counts.reminder_unreachable).toBeGreaterThan(0);
    // The stamp's progress is the counter row's, and equals the full (audited) read's grouped counts.
    const read = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    const polled = await stampOf();
    expect(polled.progress).toEqual(read.body.progress);
    expect(polled.stamp).toBe(read.body.stamp);
    expect(polled.progress).toMatchObject({ sent: counts.alert_sent, unreachable: counts.alert_unreachable });
  });

  it('counts an answer of a recipient once, however often it is given, and no answer of anyone else', async () => {
    const db = server.database.db;
    const before = await counted();
    const recipient = recipientUserIds.find((id) => id !== starterId);
    const user = await db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', recipient ?? '')
      .executeTakeFirstOrThrow();
    const token = await signInAs(server.url, user.display_name);
    for (const answer of ['coming', 'unavailable'] as const) {
      const answered = await callApi(server.url, token, 'POST', `/api/v1/call-outs/${callOutId}/answers`, {
        answer,
        ...(answer === 'coming' ? { etaMinutes: 10 } : {}),
      });
      expect(answered.status).toBe(200);
    }
    // Someone who is no recipient: stored (as by an old import), never counted.
    const outsider = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'not in', recipientUserIds)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('call_out_answers')
      .values({ call_out_id: callOutId, user_id: outsider.id, answer: 'coming', answered_at: new Date() })
      .execute();
    const counts = await counted();
    expect(counts).toEqual(await truth());
    expect(counts.answered).toBe(before.answered + 1);
    expect((await stampOf()).progress.answered).toBe(counts.answered);

    // The recipient leaves the call-out (their cards go with them): recipient, answer and cards uncounted.
    await db
      .deleteFrom('call_out_recipients')
      .where('call_out_id', '=', callOutId)
      .where('user_id', '=', recipient ?? '')
      .execute();
    const after = await counted();
    expect(after).toEqual(await truth());
    expect(after.recipients).toBe(counts.recipients - 1);
    expect(after.answered).toBe(counts.answered - 1);

    // In one transaction: the outsider (who answered) becomes a recipient, and a new recipient answers at
    // once. Each pair counts once.
    const [newcomer] = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'not in', [...recipientUserIds, outsider.id])
      .limit(1)
      .execute();
    await db.transaction().execute(async (tx) => {
      for (const userId of [outsider.id, newcomer?.id ?? ''])
        await tx
          .insertInto('call_out_recipients')
          .values({ call_out_id: callOutId, user_id: userId, reason: 'backup', added_at: new Date() })
          .execute();
      await tx
        .insertInto('call_out_answers')
        .values({
          call_out_id: callOutId,
          user_id: newcomer?.id ?? '',
          answer: 'coming',
          answered_at: new Date(),
        })
        .execute();
    });
    const rejoined = await counted();
    expect(rejoined).toEqual(await truth());
    expect(rejoined.recipients).toBe(after.recipients + 2);
    expect(rejoined.answered).toBe(after.answered + 2);
  });

  it('gives every call-out its own row and goes with the call-out', async () => {
    const db = server.database.db;
    const rows = await db.selectFrom('call_out_progress').select('call_out_id').execute();
    const callOuts = await db.selectFrom('call_outs').select('id').execute();
    expect(rows.map((r) => r.call_out_id).sort()).toEqual(callOuts.map((c) => c.id).sort());
    await db.deleteFrom('call_outs').where('id', '=', callOutId).execute();
    expect(
      await db
        .selectFrom('call_out_progress')
        .select('call_out_id')
        .where('call_out_id', '=', callOutId)
        .execute(),
    ).toEqual([]);
  });
});
