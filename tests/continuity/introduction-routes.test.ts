import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { addDays, localDate } from '../../src/platform/time.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let anouk: string; // administrator
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven
let dewi: string; // the newcomer in Haven
let fleur: string; // coordinator of Stad, no role in Haven
let havenId: string;
let dewiId: string;

const base = () => `/api/v1/networks/${havenId}/introductions`;
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
  [anouk, sanne, petra, dewi, fleur] = await Promise.all([
    signInAs(server.url, 'Anouk Terpstra'),
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Dewi Sastromedjo'),
    signInAs(server.url, 'Fleur Oosterhout'),
  ]);
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  dewiId = await userIdOf('Dewi Sastromedjo');
});
afterAll(async () => {
  await server.close();
});

describe('introductions', () => {
  it('starts a checklist when an administrator grants a newcomer a role, not when a role changes', async () => {
    const before = await server.database.db.selectFrom('introductions').select('user_id').execute();
    expect(before).toEqual([]);
    const granted = await callApi(server.url, anouk, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'member',
    });
    expect(granted.status).toBe(200);
    const changed = await callApi(server.url, anouk, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'member',
    });
    expect(changed.status).toBe(200);
    const rows = await server.database.db
      .selectFrom('introductions')
      .select(['network_id', 'user_id', 'started_on'])
      .execute();
    expect(rows).toEqual([{ network_id: havenId, user_id: dewiId, started_on: today() }]);
  });

  it('shows the coordinator every newcomer’s checklist: fixed items and one line per current ally', async () => {
    const list = await callApi(server.url, sanne, 'GET', base());
    expect(list.status).toBe(200);
    expect(list.body.introductions).toHaveLength(1);
    const intro = list.body.introductions[0];
    expect(intro).toMatchObject({ userId: dewiId, displayName: 'Dewi Sastromedjo', startedOn: today() });
    expect(intro.mayTick).toBe(true);
    expect(intro.overdue).toBe(false);
    const keys: string[] = intro.items.map((i: { key: string }) => i.key);
    expect(keys.slice(0, 2)).toEqual(['network-page', 'crisis-sheet']);
    expect(keys.slice(-2)).toEqual(['meeting', 'call-out-procedure']);
    const allies = await server.database.db
      .selectFrom('network_people')
      .innerJoin('people', 'people.id', 'network_people.person_id')
      .select('people.id')
      .where('network_people.network_id', '=', havenId)
      .where('people.kind', '=', 'ally')
      .where('people.consent_withdrawn_on', 'is', null)
      .where('people.erased_at', 'is', null)
      .execute();
    expect(allies.length).toBeGreaterThan(0);
    expect(intro.items.filter((i: { kind: string }) => i.kind === 'ally')).toHaveLength(allies.length);
    expect(intro.total).toBe(allies.length + 4);
    expect(intro.done).toBe(0);
  });

  it('shows other staff only their own introduction', async () => {
    const mine = await callApi(server.url, dewi, 'GET', base());
    expect(mine.body.introductions.map((i: { userId: string }) => i.userId)).toEqual([dewiId]);
    const colleague = await callApi(server.url, petra, 'GET', base());
    expect(colleague.status).toBe(200);
    expect(colleague.body.introductions).toEqual([]);
    const other = await callApi(server.url, petra, 'GET', `${base()}/${dewiId}`);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets the newcomer and a coordinator tick and untick items with a date, audited', async () => {
    const yesterday = addDays(today(), -1);
    const byNewcomer = await callApi(server.url, dewi, 'PUT', `${base()}/${dewiId}/items/network-page`, {
      done: true,
    });
    expect(byNewcomer.status).toBe(200);
    expect(byNewcomer.body.items[0]).toMatchObject({ key: 'network-page', doneOn: today() });
    const allyKey = byNewcomer.body.items.find((i: { kind: string }) => i.kind === 'ally').key;
    const byCoordinator = await callApi(server.url, sanne, 'PUT', `${base()}/${dewiId}/items/${allyKey}`, {
      done: true,
      doneOn: today(),
    });
    expect(byCoordinator.status).toBe(200);
    expect(byCoordinator.body.done).toBe(2);
    const early = await callApi(server.url, sanne, 'PUT', `${base()}/${dewiId}/items/crisis-sheet`, {
      done: true,
      doneOn: yesterday,
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'body.doneOn', code: 'before_start' });
    const untick = await callApi(server.url, dewi, 'PUT', `${base()}/${dewiId}/items/network-page`, {
      done: false,
    });
    expect(untick.status).toBe(200);
    expect(untick.body.items[0].doneOn).toBeNull();
    expect(untick.body.done).toBe(1);
    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('action', 'like', 'introduction.%')
      .execute();
    expect(audit.filter((a) => a.action === 'introduction.tick')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'introduction.untick')).toHaveLength(1);
    expect(audit.find((a) => a.action === 'introduction.tick')?.object_id).toBe(dewiId);
  });

  it('refuses a colleague, another network’s coordinator, bad keys and foreign meetings with problem+json', async () => {
    const colleague = await callApi(server.url, petra, 'PUT', `${base()}/${dewiId}/items/crisis-sheet`, {
      done: true,
    });
    expect(colleague.status).toBe(403);
    const stranger = await callApi(server.url, fleur, 'PUT', `${base()}/${dewiId}/items/crisis-sheet`, {
      done: true,
    });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('content-type')).toContain('application/problem+json');
    const strangerList = await callApi(server.url, fleur, 'GET', base());
    expect(strangerList.status).toBe(403);
    const badKey = await callApi(server.url, dewi, 'PUT', `${base()}/${dewiId}/items/coffee`, { done: true });
    expect(badKey.status).toBe(400);
    expect(badKey.headers.get('content-type')).toContain('application/problem+json');
    expect(badKey.body.errors[0].field).toBe('path.itemKey');
    const noAlly = await callApi(
      server.url,
      dewi,
      'PUT',
      `${base()}/${dewiId}/items/ally:6f1c2a4e-8b3d-4c5e-9f70-112233445566`,
      { done: true },
    );
    expect(noAlly.status).toBe(404);
    expect(noAlly.headers.get('content-type')).toContain('application/problem+json');
    const badBody = await callApi(server.url, dewi, 'PUT', `${base()}/${dewiId}/items/meeting`, {
      done: 'yes',
    });
    expect(badBody.status).toBe(400);
    const foreignMeeting = await callApi(server.url, dewi, 'PUT', `${base()}/${dewiId}/items/meeting`, {
      done: true,
      meetingId: '6f1c2a4e-8b3d-4c5e-9f70-112233445566',
    });
    expect(foreignMeeting.status).toBe(400);
    expect(foreignMeeting.body.errors[0]).toMatchObject({
      field: 'body.meetingId',
      code: 'unknown_reference',
    });
    const noIntroduction = await callApi(
      server.url,
      sanne,
      'GET',
      `${base()}/${await userIdOf('Joris Amrani')}`,
    );
    expect(noIntroduction.status).toBe(404);
  });

  it('warns on the network page and overview after six weeks without an introduction at a meeting, not before', async () => {
    const warningOf = async () =>
      (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`)).body.warnings.find(
        (w: { code: string }) => w.code === 'newcomer-not-introduced',
      );
    expect(await warningOf()).toBeUndefined();
    const setStart = (startedOn: string) =>
      server.database.db
        .updateTable('introductions')
        .set({ started_on: startedOn })
        .where('user_id', '=', dewiId)
        .execute();
    const inOverview = async () =>
      JSON.stringify((await callApi(server.url, sanne, 'GET', '/api/v1/areas')).body).includes(
        'newcomer-not-introduced',
      );
    await setStart(addDays(today(), -41));
    expect(await warningOf()).toBeUndefined();
    expect(await inOverview()).toBe(false);
    await setStart(addDays(today(), -42));
    expect(await inOverview()).toBe(true);
    expect(await warningOf()).toEqual({
      code: 'newcomer-not-introduced',
      count: 1,
      limit: null,
      userIds: [dewiId],
    });
    const list = await callApi(server.url, sanne, 'GET', base());
    expect(list.body.introductions[0].overdue).toBe(true);
    const introduced = await callApi(server.url, sanne, 'PUT', `${base()}/${dewiId}/items/meeting`, {
      done: true,
    });
    expect(introduced.status).toBe(200);
    expect(introduced.body.overdue).toBe(false);
    expect(await warningOf()).toBeUndefined();
    expect(await inOverview()).toBe(false);
  });

  it('drops the checklist from view when the role is taken away', async () => {
    const revoked = await callApi(server.url, anouk, 'DELETE', `/api/v1/networks/${havenId}/roles/${dewiId}`);
    expect(revoked.status).toBe(204);
    const list = await callApi(server.url, sanne, 'GET', base());
    expect(list.body.introductions).toEqual([]);
  });
});
