import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { addDays, localDate } from '../../src/platform/time.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven
let fleur: string; // coordinator of Stad, no role in Haven
let havenId: string;
let jorisId: string;
let petraId: string;

const base = () => `/api/v1/networks/${havenId}/absences`;
const today = () => localDate(new Date());

async function userIdOf(name: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer();
  [sanne, petra, fleur] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
  ]);
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  jorisId = await userIdOf('Joris Amrani');
  petraId = await userIdOf('Petra Lindeboom');
});
afterAll(async () => {
  await server.close();
});

describe('absences', () => {
  it('a coordinator records a colleague’s absence; the list shows it with the back-up, audited', async () => {
    const recorded = await callApi(server.url, sanne, 'POST', base(), {
      userId: jorisId,
      startsOn: today(),
      endsOn: addDays(today(), 13),
      note: 'Vakantie',
    });
    expect(recorded.status).toBe(201);
    const absence = recorded.body.absences.find((a: { userId: string }) => a.userId === jorisId);
    expect(absence).toMatchObject({
      displayName: 'Joris Amrani',
      current: true,
      source: 'manual',
      note: 'Vakantie',
      backup: { displayName: 'Sanne Verhoef' },
    });
    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('action', 'in', ['absence.record', 'absence.list'])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['absence.record', 'absence.list']));
    expect(audit.find((a) => a.action === 'absence.record')?.object_id).toBe(jorisId);
  });

  it('shows the absence on the network page and crisis sheet, and warns when nobody takes over', async () => {
    const page = await callApi(server.url, petra, 'GET', `/api/v1/networks/${havenId}`);
    const joris = page.body.staff.find((s: { userId: string }) => s.userId === jorisId);
    expect(joris).toMatchObject({
      absentUntil: addDays(today(), 13),
      backup: { displayName: 'Sanne Verhoef' },
    });
    // Joris's back-up is there: no warning yet.
    expect(page.body.warnings.map((w: { code: string }) => w.code)).not.toContain('absent-without-backup');
    const sheet = await callApi(server.url, petra, 'GET', `/api/v1/networks/${havenId}/crisis-sheet`);
    expect(sheet.body.staff).toContainEqual(
      expect.objectContaining({
        displayName: 'Joris Amrani',
        absentUntil: addDays(today(), 13),
        backup: 'Sanne Verhoef',
      }),
    );
    // With Sanne (his back-up) away too, the page and the overview warn.
    const sanneId = await userIdOf('Sanne Verhoef');
    const recorded = await callApi(server.url, sanne, 'POST', base(), {
      userId: sanneId,
      startsOn: today(),
      endsOn: today(),
    });
    expect(recorded.status).toBe(201);
    const after = await callApi(server.url, petra, 'GET', `/api/v1/networks/${havenId}`);
    const warning = after.body.warnings.find((w: { code: string }) => w.code === 'absent-without-backup');
    expect(warning).toMatchObject({ count: 2 });
    expect([...warning.userIds].sort()).toEqual([jorisId, sanneId].sort());
    const overview = await callApi(server.url, petra, 'GET', '/api/v1/areas');
    expect(JSON.stringify(overview.body)).toContain('absent-without-backup');
    const mine = recorded.body.absences.find((a: { userId: string }) => a.userId === sanneId);
    expect((await callApi(server.url, sanne, 'DELETE', `${base()}/${mine.id}`)).status).toBe(204);
  });

  it('a staff member records only their own absence; others of the network get 403, outsiders too', async () => {
    const own = await callApi(server.url, petra, 'POST', base(), {
      userId: petraId,
      startsOn: addDays(today(), 30),
      endsOn: addDays(today(), 31),
    });
    expect(own.status).toBe(201);
    const list = await callApi(server.url, petra, 'GET', base());
    expect(list.status).toBe(200);
    expect(
      list.body.staff.map((s: { displayName: string; mayRecord: boolean }) => [s.displayName, s.mayRecord]),
    ).toEqual([
      ['Joris Amrani', false],
      ['Petra Lindeboom', true],
      ['Sanne Verhoef', false],
    ]);
    const forJoris = await callApi(server.url, petra, 'POST', base(), {
      userId: jorisId,
      startsOn: today(),
      endsOn: today(),
    });
    expect(forJoris.status).toBe(403);
    expect(forJoris.headers.get('content-type')).toContain('application/problem+json');
    expect((await callApi(server.url, fleur, 'GET', base())).status).toBe(403);
    const mine = list.body.absences.find((a: { userId: string }) => a.userId === petraId);
    expect((await callApi(server.url, fleur, 'DELETE', `${base()}/${mine.id}`)).status).toBe(403);
    expect((await callApi(server.url, petra, 'DELETE', `${base()}/${mine.id}`)).status).toBe(204);
    expect((await callApi(server.url, petra, 'DELETE', `${base()}/${mine.id}`)).status).toBe(404);
  });

  it('refuses bad periods and strangers by field, writing nothing', async () => {
    const count = async () =>
      Number(
        (
          await server.database.db
            .selectFrom('staff_absences')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cases: Array<[unknown, string, string]> = [
      [{ userId: jorisId, startsOn: today(), endsOn: addDays(today(), -1) }, 'body.endsOn', 'before_start'],
      [
        { userId: jorisId, startsOn: today(), endsOn: addDays(today(), 400) },
        'body.endsOn',
        'range_too_long',
      ],
      [
        { userId: jorisId, startsOn: addDays(today(), -9), endsOn: addDays(today(), -2) },
        'body.endsOn',
        'not_in_future',
      ],
      [
        { userId: await userIdOf('Fleur Oosterhout'), startsOn: today(), endsOn: today() },
        'body.userId',
        'unknown_reference',
      ],
      [{ userId: jorisId, startsOn: 'morgen', endsOn: today() }, 'body.startsOn', 'invalid_format'],
    ];
    for (const [body, field, code] of cases) {
      const response = await callApi(server.url, sanne, 'POST', base(), body);
      expectSaying(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors[0]).toMatchObject({ field, code });
    }
    expect(await count()).toBe(before);
  });

  it('makes the planner treat an absent staff member as unavailable', async () => {
    const stadId = (
      await server.database.db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', 'Bondgenoten Stad')
        .executeTakeFirstOrThrow()
    ).id;
    const range = { from: addDays(today(), 60), to: addDays(today(), 240) };
    const preview = () =>
      callApi(server.url, fleur, 'POST', `/api/v1/networks/${stadId}/meetings/plan-preview`, range);
    const before = await preview();
    expect(before.status).toBe(200);
    const first = before.body.proposals[0].date as string;
    const mehmetId = await userIdOf('Mehmet Kaya-de Bruin');
    const recorded = await callApi(server.url, fleur, 'POST', `/api/v1/networks/${stadId}/absences`, {
      userId: mehmetId,
      startsOn: first,
      endsOn: first,
    });
    expect(recorded.status).toBe(201);
    const after = await preview();
    expect(after.status).toBe(200);
    expect(after.body.proposals.map((p: { date: string }) => p.date)).not.toContain(first);
    expect(after.body.skipped.map((s: { date: string }) => s.date)).toContain(first);
  });
});
