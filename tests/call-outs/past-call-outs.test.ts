import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/**
 * Closed call-outs can be found (issue 15 item 5): a paged list under the same visibility rule as reading one
 * call-out, filtered by period, kind and network; bad filters are 400 problem+json; the read is audited.
 */
let server: TestServer;
let sanne: string; // coordinator of Haven
let fleur: string; // coordinator of Stad, no role in Haven
let anouk: string; // administrator
let havenId: string;
let stadId: string;
const ids: Record<string, string> = {};

async function networkId(name: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function startAndClose(
  cookie: string,
  place: string,
  kind: 'incident' | 'tension',
  summary: string,
  startedAt: string | null,
  close = true,
): Promise<string> {
  const started = await callApi(server.url, cookie, 'POST', '/api/v1/call-outs', {
    kind,
    urgency: 'today',
    summary,
    ask: 'Peil de achterban (fictief)',
    placeIds: [await areaId(server.database.db, place)],
    communityIds: [],
  });
  expect(started.status).toBe(201);
  const id: string = started.body.id;
  if (close) {
    const closed = await callApi(server.url, cookie, 'POST', `/api/v1/call-outs/${id}/close`, {
      evaluationNote: 'Fictieve evaluatie',
    });
    expect(closed.status).toBe(200);
  }
  // The period filter reads the start; move it back in time as if it happened then.
  if (startedAt)
    await server.database.db
      .updateTable('call_outs')
      .set({ started_at: new Date(startedAt) })
      .where('id', '=', id)
      .execute();
  return id;
}

const list = (cookie: string, query = '') =>
  callApi(server.url, cookie, 'GET', `/api/v1/call-outs/closed${query}`);
const summaries = (body: { items: { summary: string }[] }) => body.items.map((item) => item.summary);

beforeAll(async () => {
  server = await startTestServer();
  [sanne, fleur, anouk] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Fleur Oosterhout'),
    signInAs(server.url, 'Anouk Terpstra'),
  ]);
  havenId = await networkId('Bondgenoten Haven');
  stadId = await networkId('Bondgenoten Stad');
  // 23:30 UTC on 31 March is 1 April in Amsterdam: the period is of Dutch dates.
  ids.march = await startAndClose(
    sanne,
    'Centrum Haven',
    'tension',
    'Fictief: spanning maart',
    '2026-03-31T23:30:00Z',
  );
  ids.may = await startAndClose(
    sanne,
    'De Werven',
    'incident',
    'Fictief: incident mei',
    '2026-05-10T10:00:00Z',
  );
  ids.stad = await startAndClose(
    fleur,
    'Muziekwijk',
    'incident',
    'Fictief: incident Stad',
    '2026-06-01T10:00:00Z',
  );
  ids.open = await startAndClose(sanne, 'De Velden', 'tension', 'Fictief: nog open', null, false);
});
afterAll(async () => {
  await server?.close();
});

describe('GET /call-outs/closed', () => {
  it('lists the closed call-outs of her networks, newest first, naming her networks only', async () => {
    const result = await list(sanne);
    expect(result.status).toBe(200);
    expect(summaries(result.body)).toEqual(['Fictief: incident mei', 'Fictief: spanning maart']);
    expect(result.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    const may = result.body.items[0];
    expect(may).toMatchObject({ id: ids.may, status: 'closed', kind: 'incident' });
    expect(may.closedAt).not.toBeNull();
    expect(may.networks).toEqual([{ id: havenId, name: 'Bondgenoten Haven' }]);
  });

  it('keeps another network’s call-outs from a user without a role there (need-to-know)', async () => {
    const fleurs = await list(fleur);
    expect(fleurs.status).toBe(200);
    expect(summaries(fleurs.body)).not.toContain('Fictief: spanning maart');
    expect(summaries(fleurs.body)).not.toContain('Fictief: incident mei');
    // The same rule as reading one: she cannot open them either.
    expect((await callApi(server.url, fleur, 'GET', `/api/v1/call-outs/${ids.may}`)).status).toBe(404);
    // And she cannot ask for Haven's by filter.
    const filtered = await list(fleur, `?networkId=${havenId}`);
    expect(filtered.status).toBe(403);
    expect(filtered.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // Sanne does not see Stad's.
    expect(summaries((await list(sanne)).body)).not.toContain('Fictief: incident Stad');
  });

  it('shows an administrator every closed call-out', async () => {
    const all = await list(anouk);
    expect(all.status).toBe(200);
    expect(summaries(all.body)).toEqual([
      'Fictief: incident Stad',
      'Fictief: incident mei',
      'Fictief: spanning maart',
    ]);
  });

  it('filters by period (Dutch dates, both ends included), kind and network', async () => {
    expect(summaries((await list(sanne, '?from=2026-04-01&to=2026-04-01')).body)).toEqual([
      'Fictief: spanning maart',
    ]);
    expect(summaries((await list(sanne, '?to=2026-03-31')).body)).toEqual([]);
    expect(summaries((await list(sanne, '?from=2026-05-10')).body)).toEqual(['Fictief: incident mei']);
    expect(summaries((await list(sanne, '?kind=tension')).body)).toEqual(['Fictief: spanning maart']);
    expect(summaries((await list(anouk, `?networkId=${stadId}`)).body)).toEqual(['Fictief: incident Stad']);
    expect(summaries((await list(sanne, `?networkId=${havenId}&kind=incident`)).body)).toEqual([
      'Fictief: incident mei',
    ]);
  });

  it('pages: the total stays, the items move on', async () => {
    const first = await list(anouk, '?pageSize=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(summaries(first.body)).toEqual(['Fictief: incident Stad', 'Fictief: incident mei']);
    const second = await list(anouk, '?pageSize=2&page=2');
    expect(summaries(second.body)).toEqual(['Fictief: spanning maart']);
    expect(second.body.total).toBe(3);
  });

  it.each([
    ['?from=2026-02-30', 'query.from'],
    ['?from=gisteren', 'query.from'],
    ['?from=2026-05-01&to=2026-04-01', 'query.to'],
    ['?kind=riot', 'query.kind'],
    ['?networkId=haven', 'query.networkId'],
    ['?page=0', 'query.page'],
    ['?pageSize=51', 'query.pageSize'],
    ['?status=open', 'query'],
  ])('refuses %s with 400 problem+json naming %s', async (query, field) => {
    const refused = await list(sanne, query);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('audits the read, with the network filter as its object', async () => {
    await list(sanne, `?networkId=${havenId}`);
    await sealAuditJournal(server.database.db);
    const events = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_type', 'object_id', 'result'])
      .where('action', '=', 'call-out.list-closed')
      .execute();
    expect(events).toContainEqual({
      action: 'call-out.list-closed',
      object_type: 'network',
      object_id: havenId,
      result: 'success',
    });
  });
});
