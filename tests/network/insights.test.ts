import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MOBILE_PATTERN } from '../../src/server/seed/demo-phones.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let fleur: string; // coordinator of Stad
let admin: string; // administrator, no network role
let havenId: string;

beforeAll(async () => {
  server = await startTestServer();
  [sanne, fleur, admin] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Fleur Oosterhout'),
    signInAs(server.url, 'Anouk Terpstra'),
  ]);
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server.close();
});

describe('searching people', () => {
  it('finds people by name or community, only in the caller’s own networks', async () => {
    const own = await callApi(server.url, sanne, 'GET', '/api/v1/people?q=yasmina');
    expect(own.status).toBe(200);
    expect(own.body).toEqual([
      expect.objectContaining({
        displayName: 'Yasmina el Ouali',
        networks: [expect.objectContaining({ name: 'Bondgenoten Haven' })],
      }),
    ]);
    expect(JSON.stringify(own.body)).not.toMatch(/mobile/);
    expect(JSON.stringify(own.body)).not.toMatch(DEMO_MOBILE_PATTERN);
    expect((await callApi(server.url, fleur, 'GET', '/api/v1/people?q=yasmina')).body).toEqual([]);
    // by community name: Stad has one Jewish ally, Haven none
    expect(
      (await callApi(server.url, fleur, 'GET', '/api/v1/people?q=joods')).body.map(
        (p: { displayName: string }) => p.displayName,
      ),
    ).toEqual(['Miriam Goudsmit-Lang']);
    expect((await callApi(server.url, sanne, 'GET', '/api/v1/people?q=joods')).body).toEqual([]);
  });

  it('treats % and _ in the search text as plain characters', async () => {
    expect((await callApi(server.url, sanne, 'GET', '/api/v1/people?q=%25%25')).body).toEqual([]);
  });

  it('combines filters and asks for at least one', async () => {
    const allies = await callApi(server.url, sanne, 'GET', '/api/v1/people?kind=ally');
    expect(allies.body).toHaveLength(5);
    const none = await callApi(server.url, sanne, 'GET', '/api/v1/people');
    expect(none.status).toBe(400);
    expect(none.body.errors[0]).toEqual({
      field: 'query.q',
      code: 'required',
      kind: 'search',
      message: 'give a search text or at least one filter',
    });
  });

  it('finds nobody for an administrator without network roles', async () => {
    expect((await callApi(server.url, admin, 'GET', '/api/v1/people?kind=ally')).body).toEqual([]);
  });
});

describe('representativeness', () => {
  it('compares the allies’ mix with the target profile and highlights large differences', async () => {
    const set = await callApi(server.url, sanne, 'PUT', `/api/v1/networks/${havenId}/target-profile`, {
      dimension: 'gender',
      targets: [
        { value: 'female', share: 0.5 },
        { value: 'male', share: 0.5 },
      ],
    });
    expect(set.status).toBe(200);
    const gender = set.body.dimensions.find((d: { dimension: string }) => d.dimension === 'gender');
    // Haven's five allies: two women, two men, one non-binary.
    expect(gender.rows.find((r: { value: string }) => r.value === 'female')).toMatchObject({
      count: 2,
      share: 0.4,
      difference: -0.1,
      highlighted: false,
    });
    expect(set.body.total).toBe(5);
  });

  it('refuses shares that add up to more than 100%', async () => {
    const result = await callApi(server.url, sanne, 'PUT', `/api/v1/networks/${havenId}/target-profile`, {
      dimension: 'age_band',
      targets: [
        { value: '18-24', share: 0.7 },
        { value: '65+', share: 0.7 },
      ],
    });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].field).toBe('body.targets');
  });
});

describe('a person’s history', () => {
  it('lists who created, read and changed the person, newest first', async () => {
    const created = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictieve Buurtvader',
      consentDate: '2026-11-01',
    });
    const id = created.body.person.id;
    await callApi(server.url, sanne, 'PATCH', `/api/v1/people/${id}`, {
      version: 1,
      following: 'Vaders op het schoolplein',
    });
    const history = await callApi(server.url, sanne, 'GET', `/api/v1/people/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'person.read',
      'person.update',
      'person.read',
      'person.create',
    ]);
    expect(history.body[0].actor.displayName).toBe('Sanne Verhoef');
    expect((await callApi(server.url, fleur, 'GET', `/api/v1/people/${id}/history`)).status).toBe(404);
  });
});
