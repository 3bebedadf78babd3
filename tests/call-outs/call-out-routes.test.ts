import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { DEMO_MOBILE_PATTERN } from '../../src/server/seed/demo-phones.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId, communityId } from './fixtures.js';

let server: TestServer;
let sanne: string;
let petra: string;
let dewi: string;
let centrumHaven: string;
let marokkaans: string;

const body = () => ({
  kind: 'incident',
  urgency: 'immediate',
  summary: 'Fictieve vechtpartij bij het winkelcentrum',
  ask: 'Kom naar het buurthuis; peil de achterban',
  placeIds: [centrumHaven],
  communityIds: [marokkaans],
});

async function counts() {
  const db = server.database.db;
  const one = async (
    table:
      | 'call_outs'
      | 'call_out_deliveries'
      | 'call_out_events'
      | 'call_out_timers'
      | 'call_out_recipients',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  await sealAuditJournal(db);
  const audit = Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'like', 'call-out.%')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    callOuts: await one('call_outs'),
    deliveries: await one('call_out_deliveries'),
    events: await one('call_out_events'),
    timers: await one('call_out_timers'),
    recipients: await one('call_out_recipients'),
    audit,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  [sanne, petra, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  centrumHaven = await areaId(db, 'Centrum Haven');
  marokkaans = await communityId(db, 'Marokkaans');
});
afterAll(async () => {
  await server?.close();
});

describe('the call-out API', () => {
  it('previews the recipients without writing anything', async () => {
    const before = await counts();
    const preview = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs/preview', body());
    expect(preview.status).toBe(200);
    expect(preview.body.networks.map((n: { name: string }) => n.name)).toEqual(['Bondgenoten Haven']);
    expect(preview.body.staff.map((s: { displayName: string }) => s.displayName).sort()).toEqual([
      'Joris Amrani',
      'Petra Lindeboom',
      'Sanne Verhoef',
    ]);
    // Only Yasmina is an ally of the Moroccan community in Haven; a coordinator phones her.
    expect(preview.body.allies).toEqual([
      expect.objectContaining({
        displayName: 'Yasmina el Ouali',
        callerName: expect.stringMatching(/Sanne Verhoef|Joris Amrani/),
      }),
    ]);
    // Nothing of a call-out is written; reading the names is audited.
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    await sealAuditJournal(server.database.db);
    const last = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'call-out.preview', object_id: null });
  });

  it('refuses bad input and wrong roles with problem+json and writes nothing', async () => {
    const before = await counts();
    const district = await areaId(server.database.db, 'Haven');
    const cases = [
      { who: sanne, input: { ...body(), placeIds: [district] }, status: 400, field: 'body.placeIds.0' },
      { who: sanne, input: { ...body(), placeIds: [] }, status: 400, field: 'body.placeIds' },
      { who: sanne, input: { ...body(), summary: '  ' }, status: 400, field: 'body.summary' },
      {
        who: sanne,
        input: { ...body(), communityIds: ['00000000-0000-4000-8000-000000000000'] },
        status: 400,
        field: 'body.communityIds.0',
      },
      { who: sanne, input: { ...body(), kind: 'riot' }, status: 400, field: 'body.kind' },
      // Petra is secretary in Haven: she supports the network but does not start call-outs.
      { who: petra, input: body(), status: 403, field: null },
      // Dewi has a role in Buiten only, not in a network covering Centrum Haven.
      { who: dewi, input: body(), status: 403, field: null },
    ];
    for (const c of cases) {
      const response = await callApi(server.url, c.who, 'POST', '/api/v1/call-outs', c.input);
      expect({ field: c.field, status: response.status }).toEqual({ field: c.field, status: c.status });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      if (c.field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    }
    expect(await counts()).toEqual(before);
  });

  it('starts a call-out in one transaction and follows it through answers, calls and close', async () => {
    const before = await counts();
    const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', body());
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    expect(started.body.progress).toEqual({ recipients: 3, sent: 0, unreachable: 0, answered: 0 });
    expect(new Date(started.body.goalAt).getTime() - new Date(started.body.startedAt).getTime()).toBe(
      3_600_000,
    );
    const after = await counts();
    expect(after).toMatchObject({
      callOuts: before.callOuts + 1,
      deliveries: before.deliveries + 3,
      recipients: before.recipients + 3,
      events: before.events + 1,
      audit: before.audit + 1,
    });
    // Sanne and Joris have each other as back-up (already recipients), Petra none; plus next group and reminder.
    expect(after.timers).toBe(before.timers + 4);

    const list = await callApi(server.url, sanne, 'GET', '/api/v1/call-outs');
    expect(list.body.map((c: { id: string }) => c.id)).toContain(id);
    const detail = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}`);
    expect(detail.body.recipients.map((r: { delivery: string }) => r.delivery)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect((await callApi(server.url, dewi, 'GET', `/api/v1/call-outs/${id}`)).status).toBe(404);
    expect((await callApi(server.url, dewi, 'GET', '/api/v1/call-outs')).body).toEqual([]);

    const answered = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/answers`, {
      answer: 'coming',
      etaMinutes: 20,
    });
    expect(answered.status).toBe(200);
    expect(answered.body.tally).toEqual({ coming: 1, callingAllies: 0, unavailable: 0, pending: 2 });
    const changed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/answers`, {
      answer: 'calling-allies',
    });
    expect(changed.body.tally).toEqual({ coming: 0, callingAllies: 1, unavailable: 0, pending: 2 });
    expect(changed.body.version).toBe(3);
    expect(
      (await callApi(server.url, dewi, 'POST', `/api/v1/call-outs/${id}/answers`, { answer: 'coming' }))
        .status,
    ).toBe(404);

    const ally = changed.body.callList[0];
    expect(ally).toMatchObject({
      displayName: 'Yasmina el Ouali',
      mobile: expect.stringMatching(DEMO_MOBILE_PATTERN),
    });
    const call = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/calls`, {
      personId: ally.personId,
      outcome: 'reached',
      heard: 'Onrust onder jongeren (fictief)',
      coming: true,
    });
    expect(call.status).toBe(201);
    expect(call.body.callList[0]).toMatchObject({ outcome: 'reached', coming: true });
    const notOnList = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/calls`, {
      personId: '00000000-0000-4000-8000-000000000000',
      outcome: 'reached',
    });
    expect(notOnList.status).toBe(400);

    expect(
      (await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/close`, { evaluationNote: '' }))
        .status,
    ).toBe(400);
    const closed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/close`, {
      evaluationNote: 'Fictieve evaluatie: netwerk binnen 40 min bijeen',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(
      (await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${id}/answers`, { answer: 'coming' }))
        .status,
    ).toBe(422);
    const timers = await server.database.db
      .selectFrom('call_out_timers')
      .select('id')
      .where('call_out_id', '=', id)
      .where('fired_at', 'is', null)
      .execute();
    expect(timers).toEqual([]);

    const timeline = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}/timeline`);
    expect(timeline.body.map((e: { kind: string }) => e.kind)).toEqual([
      'started',
      'answered',
      'answer-changed',
      'call-recorded',
      'closed',
      'follow-up-planned',
    ]);
    const csv = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${id}/timeline.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/VERTROUWELIJK/);
    expect(csv.body.split('\r\n')[1]).toBe('Tijd (Nederlandse tijd);Gebeurtenis;Wie;Code');
    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', id)
      .orderBy('seq')
      .execute();
    // Dewi's two refusals (read, answer) are audited with the call-out as object (issue 13).
    expect(audit.map((a) => a.action)).toEqual([
      'call-out.start',
      'call-out.read',
      'access.denied',
      'call-out.answer',
      'call-out.answer-change',
      'access.denied',
      'call-out.close',
      'call-out.timeline-read',
      // The CSV names people as the detail view does, so it reads the call-out as that view does.
      'call-out.timeline-read',
      'call-out.read',
    ]);
  });
});
