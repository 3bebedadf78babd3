import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/**
 * The call-out page polls a change stamp instead of reading the whole call-out every few seconds: the
 * stamp changes with every change the page shows, holds no personal data, and is not an audited read.
 */
let server: TestServer;
let sanne: string;
let joris: string;
let outsider: string;
let callOutId: string;

async function auditedReads(): Promise<number> {
  await sealAuditJournal(server.database.db);
  const rows = await server.database.db
    .selectFrom('audit_events')
    .select('action')
    .where('object_id', '=', callOutId)
    .execute();
  return rows.length;
}

const stampOf = async (token: string) =>
  callApi(server.url, token, 'GET', `/api/v1/call-outs/${callOutId}/change-stamp`);

beforeAll(async () => {
  server = await startTestServer();
  [sanne, outsider] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
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
  const recipient = started.body.recipients.find(
    (r: { userId: string }) => r.userId !== started.body.startedBy,
  );
  const user = await server.database.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', recipient.userId)
    .executeTakeFirstOrThrow();
  joris = await signInAs(server.url, user.display_name);
});
afterAll(async () => {
  await server?.close();
});

describe('the call-out change stamp', () => {
  it('equals the stamp of the last read until something changes, without an audited read', async () => {
    const read = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    const before = await auditedReads();
    const polled = await stampOf(sanne);
    expect(polled.status).toBe(200);
    expect(polled.body).toEqual({ stamp: read.body.stamp, progress: read.body.progress });
    expect((await stampOf(sanne)).body.stamp).toBe(read.body.stamp);
    expect(await auditedReads()).toBe(before);
  });

  it('changes with an answer and with a delivery state, and matches the next read', async () => {
    const first = (await stampOf(sanne)).body.stamp;
    const answered = await callApi(server.url, joris, 'POST', `/api/v1/call-outs/${callOutId}/answers`, {
      answer: 'coming',
      etaMinutes: 10,
    });
    expect(answered.status).toBe(200);
    const second = (await stampOf(sanne)).body.stamp;
    expect(second).not.toBe(first);

    // A card that arrives changes no version, only a delivery's state.
    await server.database.db
      .updateTable('call_out_deliveries')
      .set({ state: 'unreachable' })
      .where('call_out_id', '=', callOutId)
      .where('state', '<>', 'unreachable')
      .execute();
    const third = (await stampOf(sanne)).body.stamp;
    expect(third).not.toBe(second);
    const read = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    expect(read.body.stamp).toBe(third);
  });

  it('does not change with single deliveries while the call-out is being sent out, but its progress does', async () => {
    const deliveries = () =>
      server.database.db.updateTable('call_out_deliveries').where('call_out_id', '=', callOutId);
    // Pending, and due in a day so the delivery worker leaves them alone.
    await deliveries()
      .set({ state: 'pending', next_attempt_at: new Date(Date.now() + 86_400_000) })
      .execute();
    const alerts = await server.database.db
      .selectFrom('call_out_deliveries')
      .select('id')
      .where('call_out_id', '=', callOutId)
      .where('kind', '=', 'alert')
      .orderBy('id')
      .execute();
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    const sending = await stampOf(sanne);
    expect(sending.body.progress).toMatchObject({ sent: 0, unreachable: 0 });
    const read = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    expect(read.body.stamp).toBe(sending.body.stamp);

    // One card arrives, another fails for good: the stamp stays, the progress counts them.
    await deliveries()
      .set({ state: 'sent' })
      .where('id', '=', alerts[0]?.id ?? '')
      .execute();
    await deliveries()
      .set({ state: 'unreachable' })
      .where('id', '=', alerts[1]?.id ?? '')
      .execute();
    const during = await stampOf(sanne);
    expect(during.body.stamp).toBe(sending.body.stamp);
    expect(during.body.progress).toMatchObject({ sent: 1, unreachable: 1 });

    // The last delivery settles: the stamp changes, so open pages read the delivery column again.
    await deliveries().set({ state: 'sent' }).where('state', '=', 'pending').execute();
    const settled = await stampOf(sanne);
    expect(settled.body.stamp).not.toBe(sending.body.stamp);
    expect(settled.body.progress).toMatchObject({ sent: alerts.length - 1, unreachable: 1 });
    const reread = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    expect(reread.body.stamp).toBe(settled.body.stamp);
    expect(reread.body.progress).toEqual(settled.body.progress);

    // A settled call-out: every delivery state change shows again.
    await deliveries()
      .set({ state: 'failed' })
      .where('id', '=', alerts[0]?.id ?? '')
      .execute();
    expect((await stampOf(sanne)).body.stamp).not.toBe(settled.body.stamp);
  });

  it('changes with an answer even while the call-out is being sent out', async () => {
    await server.database.db
      .updateTable('call_out_deliveries')
      .set({ state: 'pending', next_attempt_at: new Date(Date.now() + 86_400_000) })
      .where('call_out_id', '=', callOutId)
      .execute();
    const before = (await stampOf(sanne)).body;
    const answered = await callApi(server.url, joris, 'POST', `/api/v1/call-outs/${callOutId}/answers`, {
      answer: 'unavailable',
    });
    expect(answered.status).toBe(200);
    const after = (await stampOf(sanne)).body;
    expect(after.stamp).not.toBe(before.stamp);
    expect(after.stamp).toMatch(/;sending$/);
  });

  it('is refused like a read to someone who may not see the call-out', async () => {
    const refused = await stampOf(outsider);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const malformed = await callApi(server.url, sanne, 'GET', '/api/v1/call-outs/not-an-id/change-stamp');
    expect(malformed.status).toBe(400);
  });
});
