import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/**
 * Closing a call-out plans its follow-up (seed 002: processing and reconciliation): each network it
 * reached is to meet before a due date, and the network's meetings page shows it until that meeting
 * is planned and held.
 */
let server: TestServer;
let sanne: string;
let centrumHaven: string;

const amsterdamDate = (days: number) =>
  DateTime.now().setZone('Europe/Amsterdam').startOf('day').plus({ days }).toISODate() as string;

async function startOne(summary: string): Promise<string> {
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'tension',
    urgency: 'today',
    summary,
    ask: 'Peil de achterban (fictief)',
    placeIds: [centrumHaven],
    communityIds: [],
  });
  expect(started.status).toBe(201);
  return started.body.id;
}

beforeAll(async () => {
  server = await startTestServer();
  sanne = await signInAs(server.url, 'Sanne Verhoef');
  centrumHaven = await areaId(server.database.db, 'Centrum Haven');
});
afterAll(async () => {
  await server?.close();
});

describe('closing a call-out plans its follow-up', () => {
  it('refuses a due date outside today … 90 days, naming the field, and leaves the call-out open', async () => {
    const id = await startOne('Fictieve spanning na een demonstratie');
    for (const followUpBy of [amsterdamDate(-1), amsterdamDate(91), '2026-02-30', 'volgende week']) {
      const refused = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/close`, {
        evaluationNote: 'Fictieve evaluatie',
        followUpBy,
      });
      expectSaying(refused.status, followUpBy).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.followUpBy']);
    }
    const after = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}`);
    expect(after.body.status).toBe('open');
    expect(after.body.followUps).toEqual([]);
    const rows = await server.database.db
      .selectFrom('call_out_follow_ups')
      .select('network_id')
      .where('call_out_id', '=', id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('plans one follow-up per network reached, due in 14 days by default, shown until a meeting is planned', async () => {
    const id = await startOne('Fictieve vechtpartij bij de haven');
    const closed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/close`, {
      evaluationNote: 'Fictieve evaluatie: binnen het uur bijeen',
    });
    expect(closed.status).toBe(200);
    const reached = await server.database.db
      .selectFrom('call_out_recipients')
      .select('network_id')
      .distinct()
      .where('call_out_id', '=', id)
      .where('network_id', 'is not', null)
      .execute();
    expect(reached.length).toBeGreaterThan(0);
    expect(closed.body.followUps.map((f: { networkId: string }) => f.networkId).sort()).toEqual(
      reached.map((r) => r.network_id).sort(),
    );
    for (const followUp of closed.body.followUps)
      expect(followUp).toMatchObject({
        callOutId: id,
        dueOn: amsterdamDate(14),
        status: 'to-plan',
        meeting: null,
      });

    const networkId: string = closed.body.followUps[0].networkId;
    const before = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${networkId}/meetings`);
    expect(before.status).toBe(200);
    expect(before.body.followUps).toContainEqual(
      expect.objectContaining({ callOutId: id, status: 'to-plan', dueOn: amsterdamDate(14) }),
    );

    // A meeting after the due date does not count; one before it plans the follow-up.
    const evening = (days: number) => {
      const start = DateTime.now().setZone('Europe/Amsterdam').startOf('day').plus({ days, hours: 19 });
      return { start: start.toUTC().toISO(), end: start.plus({ hours: 2 }).toUTC().toISO() };
    };
    const late = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${networkId}/meetings/series`, {
      meetings: [evening(20)],
      confirmReasons: true, // a date relative to today may fall on a holiday; not what this test is about
    });
    expect(late.status).toBe(201);
    const stillOpen = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${networkId}/meetings`);
    expect(stillOpen.body.followUps.find((f: { callOutId: string }) => f.callOutId === id)?.status).toBe(
      'to-plan',
    );
    const inTime = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${networkId}/meetings/series`, {
      meetings: [evening(6)],
      confirmReasons: true, // a date relative to today may fall on a holiday; not what this test is about
    });
    expect(inTime.status).toBe(201);
    const planned = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}`);
    const mine = planned.body.followUps.find((f: { networkId: string }) => f.networkId === networkId);
    expect(mine).toMatchObject({ status: 'planned', meeting: { id: inTime.body.meetings[0].id } });

    const timeline = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}/timeline`);
    expect(timeline.body.map((e: { kind: string }) => e.kind).slice(-2)).toEqual([
      'closed',
      'follow-up-planned',
    ]);
  });

  it('takes a chosen due date and reports overdue once it has passed without a meeting', async () => {
    const id = await startOne('Fictieve onrust rond een moskee-evenement');
    const closed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/close`, {
      evaluationNote: 'Fictieve evaluatie',
      followUpBy: amsterdamDate(3),
    });
    expect(closed.status).toBe(200);
    expect(closed.body.followUps.every((f: { dueOn: string }) => f.dueOn === amsterdamDate(3))).toBe(true);
    // Move the due date into the past, as time would.
    await server.database.db
      .updateTable('call_out_follow_ups')
      .set({ due_on: amsterdamDate(-1) })
      .where('call_out_id', '=', id)
      .execute();
    const later = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}`);
    expect(later.body.followUps.map((f: { status: string }) => f.status)).toEqual(
      later.body.followUps.map(() => 'overdue'),
    );
  });
});
