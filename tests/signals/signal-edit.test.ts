import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let joris: string; // member of Haven: receives the signal
let petra: string; // secretary of Haven and Stad: records signals, but did not receive this one
let mehmet: string; // member of Stad only
let havenId: string;
const people = new Map<string, string>();
const wijken = new Map<string, string>();
const communities = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  [sanne, joris, petra, mehmet] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Joris Amrani'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Mehmet Kaya-de Bruin'),
  ]);
  const db = server.database.db;
  const networks = await db.selectFrom('networks').select(['id', 'name']).execute();
  havenId = networks.find((n) => n.name === 'Bondgenoten Haven')?.id as string;
  for (const row of await db.selectFrom('people').select(['id', 'display_name']).execute())
    people.set(row.display_name, row.id);
  for (const row of await db.selectFrom('areas').select(['id', 'name']).execute())
    wijken.set(row.name, row.id);
  for (const row of await db.selectFrom('communities').select(['id', 'name']).execute())
    communities.set(row.name, row.id);
});
afterAll(async () => {
  await server.close();
});

async function auditRows(action: string) {
  await sealAuditJournal(server.database.db);
  return server.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
}

async function record(cookie: string) {
  const created = await callApi(server.url, cookie, 'POST', `/api/v1/networks/${havenId}/signals`, {
    personId: people.get('Yasmina el Ouali'),
    channel: 'phone',
    urgency: 'information',
    wijkIds: [wijken.get('Centrum Haven')],
    themes: ['armoede'],
    text: 'Fictief: zorgen over de voedselbank',
    assessment: null,
  });
  expect(created.status).toBe(201);
  return created.body;
}

const path = (signalId: string) => `/api/v1/networks/${havenId}/signals/${signalId}`;

describe(`correcting a signal on ${TEST_ENGINE}`, () => {
  it('lets the receiver correct every field, counts the version and audits it without the text', async () => {
    const signal = await record(joris);
    expect(signal).toMatchObject({ version: 1, updatedAt: null, updatedBy: null, canEdit: true });
    const community = [...communities.values()][0] as string;
    const changed = await callApi(server.url, joris, 'PATCH', path(signal.id), {
      version: 1,
      receivedAt: '2026-01-05T09:30:00+01:00',
      personId: null,
      channel: 'visit',
      urgency: 'urgent',
      wijkIds: [wijken.get('Centrum Haven')],
      communityIds: [community],
      themes: ['armoede', 'jongeren'],
      text: 'Fictief: de voedselbank sluit, gezinnen ongerust',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      version: 2,
      person: null,
      channel: 'visit',
      urgency: 'urgent',
      communities: [{ id: community }],
      themes: ['armoede', 'jongeren'],
      text: 'Fictief: de voedselbank sluit, gezinnen ongerust',
      receivedAt: '2026-01-05T08:30:00.000Z',
      updatedBy: { displayName: 'Joris Amrani' },
      receivedBy: { displayName: 'Joris Amrani' },
      followUp: { status: 'open' },
    });
    expect(changed.body.updatedAt).not.toBeNull();
    const rows = await auditRows('signal.update');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('voedselbank');
    const read = await callApi(server.url, joris, 'GET', path(signal.id));
    expect(read.body).toMatchObject({ version: 2, urgency: 'urgent' });
  });

  it('lets the coordinator correct it too, but not other staff of the network nor of another', async () => {
    const signal = await record(joris);
    const byPetra = await callApi(server.url, petra, 'GET', path(signal.id));
    expect(byPetra.body.canEdit).toBe(false);
    const refused = await callApi(server.url, petra, 'PATCH', path(signal.id), {
      version: 1,
      urgency: 'urgent',
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const stranger = await callApi(server.url, mehmet, 'PATCH', path(signal.id), {
      version: 1,
      urgency: 'urgent',
    });
    expect(stranger.status).toBe(403);
    expect((await callApi(server.url, sanne, 'GET', path(signal.id))).body.canEdit).toBe(true);
    const bySanne = await callApi(server.url, sanne, 'PATCH', path(signal.id), {
      version: 1,
      urgency: 'attention',
    });
    expect(bySanne.status).toBe(200);
    expect(bySanne.body).toMatchObject({
      urgency: 'attention',
      version: 2,
      text: 'Fictief: zorgen over de voedselbank',
      updatedBy: { displayName: 'Sanne Verhoef' },
    });
  });

  it('never lets two editors silently overwrite each other: a stale version is 409 changed-meanwhile', async () => {
    const signal = await record(joris);
    const first = await callApi(server.url, sanne, 'PATCH', path(signal.id), {
      version: 1,
      urgency: 'urgent',
    });
    expect(first.status).toBe(200);
    const second = await callApi(server.url, joris, 'PATCH', path(signal.id), {
      version: 1,
      text: 'Fictief: iets anders',
    });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body.reason).toBe('changed-meanwhile');
    const now = (await callApi(server.url, joris, 'GET', path(signal.id))).body;
    expect(now).toMatchObject({ version: 2, urgency: 'urgent', text: 'Fictief: zorgen over de voedselbank' });
  });

  it('refuses bad input field by field as problem+json, writing nothing', async () => {
    const signal = await record(joris);
    const bad = await callApi(server.url, joris, 'PATCH', path(signal.id), {
      version: 1,
      personId: people.get('Abdelkarim Bennani-Vos'),
      wijkIds: [wijken.get('Stedenwijk')],
      themes: ['wereldgebeurtenissen'],
      receivedAt: '2099-01-01T10:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.wijkIds.0', code: 'unknown_reference' }),
        expect.objectContaining({ field: 'body.personId', code: 'unknown_reference' }),
        expect.objectContaining({ field: 'body.themes.0', code: 'unknown_reference' }),
        expect.objectContaining({ field: 'body.receivedAt', code: 'in_future' }),
      ]),
    );
    const shape = await callApi(server.url, joris, 'PATCH', path(signal.id), {
      text: ' ',
      wijkIds: [],
      urgency: 'panic',
      colour: 'red',
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body',
      'body.text',
      'body.urgency',
      'body.version',
      'body.wijkIds',
    ]);
    const huge = await callApi(server.url, joris, 'PATCH', path(signal.id), {
      version: 2 ** 40,
      urgency: 'urgent',
    });
    expect(huge.status).toBe(400);
    expect(huge.body.errors).toEqual([expect.objectContaining({ field: 'body.version', code: 'too_big' })]);
    const nothing = await callApi(server.url, joris, 'PATCH', path(signal.id), { version: 1 });
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors).toEqual([
      expect.objectContaining({ field: 'body', code: 'nothing_to_change' }),
    ]);
    const unchanged = (await callApi(server.url, joris, 'GET', path(signal.id))).body;
    expect(unchanged).toMatchObject({
      version: 1,
      urgency: 'information',
      person: { displayName: 'Yasmina el Ouali' },
    });
    const missing = await callApi(server.url, joris, 'PATCH', path('00000000-0000-4000-8000-000000000000'), {
      version: 1,
      urgency: 'urgent',
    });
    expect(missing.status).toBe(404);
  });
});
