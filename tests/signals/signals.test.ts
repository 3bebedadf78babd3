import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { localDate } from '../../src/platform/time.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven and Stad
let mehmet: string; // member of Stad only
let anouk: string; // administrator, no network role
let havenId: string;
let stadId: string;
const people = new Map<string, string>();
const wijken = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  [sanne, petra, mehmet, anouk] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Mehmet Kaya-de Bruin'),
    signInAs(server.url, 'Anouk Terpstra'),
  ]);
  const db = server.database.db;
  const networks = await db.selectFrom('networks').select(['id', 'name']).execute();
  havenId = networks.find((n) => n.name === 'Bondgenoten Haven')?.id as string;
  stadId = networks.find((n) => n.name === 'Bondgenoten Stad')?.id as string;
  for (const row of await db.selectFrom('people').select(['id', 'display_name']).execute())
    people.set(row.display_name, row.id);
  for (const row of await db.selectFrom('areas').select(['id', 'name']).execute())
    wijken.set(row.name, row.id);
});
afterAll(async () => {
  await server.close();
});

async function auditRows(action: string) {
  await sealAuditJournal(server.database.db);
  return server.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
}

const signal = (overrides: Record<string, unknown> = {}) => ({
  personId: people.get('Yasmina el Ouali'),
  channel: 'phone',
  urgency: 'attention',
  wijkIds: [wijken.get('Centrum Haven')],
  communityIds: [],
  themes: ['armoede'],
  text: 'Fictief: gezinnen in de flat kunnen de energierekening niet betalen',
  assessment: 'Fictief: doorzetten naar schuldhulp',
  ...overrides,
});

describe(`signals on ${TEST_ENGINE}`, () => {
  it('offers the network’s wijken, people and themes, without wereldgebeurtenissen', async () => {
    const choices = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/signal-choices`);
    expect(choices.status).toBe(200);
    expect(choices.body.wijken.map((w: { name: string }) => w.name)).toContain('Centrum Haven');
    expect(choices.body.people.map((p: { displayName: string }) => p.displayName)).toContain(
      'Yasmina el Ouali',
    );
    const codes = choices.body.themes.map((t: { code: string }) => t.code);
    expect(codes).toContain('armoede');
    expect(codes).not.toContain('wereldgebeurtenissen');
    expect(await auditRows('signal.choices')).toHaveLength(1);
  });

  it('records a signal with an open follow-up, audited without its text', async () => {
    const created = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/signals`, signal());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      person: { displayName: 'Yasmina el Ouali' },
      receivedBy: { displayName: 'Sanne Verhoef' },
      wijken: [{ name: 'Centrum Haven' }],
      themes: ['armoede'],
      followUp: { status: 'open', owner: { displayName: 'Sanne Verhoef' }, overdue: false, fedBackOn: null },
    });
    const rows = await auditRows('signal.create');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ object_type: 'signal', object_id: created.body.id });
    expect(JSON.stringify(rows)).not.toContain('energierekening');
    const anonymous = await callApi(
      server.url,
      petra,
      'POST',
      `/api/v1/networks/${havenId}/signals`,
      signal({ personId: null, urgency: 'urgent', themes: ['overlast', 'jongeren'] }),
    );
    expect(anonymous.status).toBe(201);
    expect(anonymous.body.person).toBeNull();
  });

  it('refuses references outside the network with field codes, as problem+json', async () => {
    const bad = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/networks/${havenId}/signals`,
      signal({
        personId: people.get('Abdelkarim Bennani-Vos'),
        wijkIds: [wijken.get('Stedenwijk')],
        themes: ['wereldgebeurtenissen'],
        receivedAt: '2099-01-01T10:00:00Z',
      }),
    );
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
    const empty = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/signals`, {
      ...signal(),
      text: '  ',
      wijkIds: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.text',
      'body.wijkIds',
    ]);
  });

  it('keeps signals with the network’s staff: administrators and other networks are refused', async () => {
    expect((await callApi(server.url, anouk, 'GET', `/api/v1/networks/${havenId}/signals`)).status).toBe(403);
    expect((await callApi(server.url, mehmet, 'GET', `/api/v1/networks/${havenId}/signals`)).status).toBe(
      403,
    );
    const list = await callApi(server.url, petra, 'GET', `/api/v1/networks/${havenId}/signals`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect((await callApi(server.url, mehmet, 'GET', `/api/v1/networks/${stadId}/signals`)).body).toEqual([]);
  });

  it('follows a signal up to the feedback, and needs a reason to not take it up', async () => {
    const [first] = (
      await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/signals?status=open`)
    ).body as { id: string; receivedAt: string }[];
    const path = `/api/v1/networks/${havenId}/signals/${first?.id}/follow-up`;
    const noReason = await callApi(server.url, sanne, 'PATCH', path, { status: 'not_taken_up' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([
      expect.objectContaining({ field: 'body.notTakenUpReason', code: 'required' }),
    ]);
    const future = await callApi(server.url, sanne, 'PATCH', path, { fedBackOn: '2099-01-01' });
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'body.fedBackOn', code: 'in_future' }),
    ]);
    const today = localDate(new Date());
    const done = await callApi(server.url, sanne, 'PATCH', path, {
      status: 'done',
      actions: 'Fictief: buurtteam ingeschakeld',
      fedBackOn: today,
    });
    expect(done.status).toBe(200);
    expect(done.body.followUp).toMatchObject({ status: 'done', fedBackOn: today, overdue: false });
    const open = await callApi(server.url, petra, 'GET', `/api/v1/networks/${havenId}/signal-follow-ups`);
    expect(open.body).toHaveLength(1);
    expect(open.body[0].signalId).not.toBe(first?.id);
    expect(await auditRows('signal.follow-up')).toHaveLength(1);
  });

  it('flags a follow-up past its due date as overdue', async () => {
    const old = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/networks/${havenId}/signals`,
      signal({ receivedAt: '2026-01-05T09:00:00+01:00', themes: ['discriminatie'] }),
    );
    expect(old.body.followUp).toMatchObject({ dueOn: '2026-01-19', overdue: true });
    const open = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/signal-follow-ups`);
    expect(open.body.find((f: { signalId: string }) => f.signalId === old.body.id)).toMatchObject({
      overdue: true,
    });
  });

  it('keeps a contact log per person for the person’s networks only', async () => {
    const yasmina = people.get('Yasmina el Ouali') as string;
    const added = await callApi(server.url, sanne, 'POST', `/api/v1/people/${yasmina}/contacts`, {
      contactedOn: '2026-11-20',
      channel: 'visit',
      gist: 'Fictief: koffie bij de moskee, zorgen over de jongeren',
    });
    expect(added.status).toBe(201);
    expect(added.body[0]).toMatchObject({ contactedOn: '2026-11-20', by: { displayName: 'Sanne Verhoef' } });
    expect((await callApi(server.url, mehmet, 'GET', `/api/v1/people/${yasmina}/contacts`)).status).toBe(404);
    expect((await callApi(server.url, anouk, 'GET', `/api/v1/people/${yasmina}/contacts`)).status).toBe(404);
    const read = await callApi(server.url, petra, 'GET', `/api/v1/people/${yasmina}/contacts`);
    expect(read.body).toHaveLength(1);
    expect(await auditRows('person.contact-create')).toHaveLength(1);
  });

  it('shows the thermometer per wijk × theme with trends, scoped to the caller’s networks', async () => {
    const from = '2025-12-01';
    const to = localDate(new Date());
    const thermo = await callApi(
      server.url,
      sanne,
      'GET',
      `/api/v1/thermometer?from=${from}&to=${to}&grain=month`,
    );
    expect(thermo.status).toBe(200);
    const centrum = wijken.get('Centrum Haven');
    const armoede = thermo.body.series.find(
      (s: { wijkId: string; theme: string }) => s.wijkId === centrum && s.theme === 'armoede',
    );
    expect(armoede.total).toBe(1);
    expect(armoede.trend).toBe('up');
    expect(thermo.body.buckets[0]).toBe('2025-12-01');
    const discrimination = thermo.body.series.find((s: { theme: string }) => s.theme === 'discriminatie');
    expect(discrimination.points.find((p: { bucket: string }) => p.bucket === '2026-01-01')).toMatchObject({
      signals: 1,
      attention: 1,
      pressure: 2,
    });
    expect(thermo.body.mood.find((m: { wijkId: string }) => m.wijkId === centrum).points).toContainEqual(
      expect.objectContaining({ bucket: '2026-09-01', meetings: 1, mood: 3 }),
    );
    const stadOnly = await callApi(server.url, mehmet, 'GET', `/api/v1/thermometer?from=${from}&to=${to}`);
    expect(stadOnly.body.series).toEqual([]);
    const refused = await callApi(
      server.url,
      mehmet,
      'GET',
      `/api/v1/thermometer?from=${from}&to=${to}&networkId=${havenId}`,
    );
    expect(refused.status).toBe(404);
    const admin = await callApi(
      server.url,
      anouk,
      'GET',
      `/api/v1/thermometer?from=${from}&to=${to}&theme=armoede`,
    );
    // Administrators see every network's counts: Haven's and the demo signals of Bondgenoten Buiten.
    expect([...new Set(admin.body.series.map((s: { theme: string }) => s.theme))]).toEqual(['armoede']);
    expect(admin.body.series.length).toBeGreaterThan(1);
    const backwards = await callApi(server.url, sanne, 'GET', `/api/v1/thermometer?from=${to}&to=${from}`);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ field: 'query.to', code: 'before_start' }),
    ]);
    expect((await auditRows('signal.thermometer')).length).toBeGreaterThanOrEqual(3);
  });

  it('reports the sfeerbeeld without names, suppressing cells under five signals', async () => {
    for (let i = 0; i < 5; i++)
      await callApi(
        server.url,
        sanne,
        'POST',
        `/api/v1/networks/${havenId}/signals`,
        signal({ themes: ['polarisatie'] }),
      );
    const to = localDate(new Date());
    const report = await callApi(server.url, anouk, 'GET', `/api/v1/sfeerbeeld?from=2025-12-01&to=${to}`);
    expect(report.status).toBe(200);
    expect(report.body.minCount).toBe(5);
    expect(report.body.cells).toContainEqual(
      expect.objectContaining({ wijk: 'Centrum Haven', theme: 'Polarisatie', signals: 5, urgent: 0 }),
    );
    expect(report.body.cells).toContainEqual(
      expect.objectContaining({
        wijk: 'Centrum Haven',
        theme: 'Armoede',
        signals: null,
        urgent: null,
        trend: null,
      }),
    );
    expect(report.body.suppressedCells).toBeGreaterThan(0);
    const text = JSON.stringify(report.body);
    for (const name of ['Yasmina', 'Sanne', 'Petra', 'energierekening']) expect(text).not.toContain(name);
    const pdf = await fetch(`${server.url}/api/v1/sfeerbeeld.pdf?from=2025-12-01&to=${to}&lang=en`, {
      headers: { cookie: anouk, 'x-bondgenoten-client': 'tab' },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await auditRows('signal.report-pdf')).toHaveLength(1);
  });

  it('lets administrators keep the theme list', async () => {
    const added = await callApi(server.url, anouk, 'POST', '/api/v1/signal-themes', {
      code: 'ongedierte',
      labelNl: 'Ongedierte',
      labelEn: 'Vermin',
    });
    expect(added.status).toBe(201);
    expect(added.body.map((t: { code: string }) => t.code)).toContain('ongedierte');
    const again = await callApi(server.url, anouk, 'POST', '/api/v1/signal-themes', {
      code: 'ongedierte',
      labelNl: 'x',
      labelEn: 'x',
    });
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'body.code', code: 'duplicate' })]);
    expect(
      (
        await callApi(server.url, sanne, 'POST', '/api/v1/signal-themes', {
          code: 'x1',
          labelNl: 'x',
          labelEn: 'x',
        })
      ).status,
    ).toBe(403);
    const archived = await callApi(server.url, anouk, 'PATCH', '/api/v1/signal-themes/ongedierte', {
      archived: true,
    });
    expect(archived.body.find((t: { code: string }) => t.code === 'ongedierte').archived).toBe(true);
    const refused = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/networks/${havenId}/signals`,
      signal({ themes: ['ongedierte'] }),
    );
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'body.themes.0', code: 'unknown_reference' }),
    ]);
  });
});
