import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MOBILE_PATTERN } from '../../src/server/seed/demo-phones.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven and Stad
let havenId: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  [sanne, petra] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
  ]);
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  for (const row of await db.selectFrom('people').select(['id', 'display_name']).execute())
    ids.set(row.display_name, row.id);
  for (const row of await db.selectFrom('relation_types').select(['id', 'label']).execute())
    ids.set(row.label, row.id);
  for (const row of await db.selectFrom('organisations').select(['id', 'name']).execute())
    ids.set(row.name, row.id);
});
afterAll(async () => {
  await server.close();
});
const id = (name: string) => ids.get(name) as string;

describe('relations', () => {
  it('reads each relation from the person it belongs to, with ended ones flagged', async () => {
    const noor = await callApi(server.url, sanne, 'GET', `/api/v1/people/${id('Noor Hagenaars')}/relations`);
    expect(noor.body).toEqual([
      expect.objectContaining({
        label: 'is bestuurslid van',
        direction: 'outgoing',
        until: '2024-12-31',
        ended: true,
      }),
    ]);
    const esra = await callApi(
      server.url,
      sanne,
      'GET',
      `/api/v1/people/${id('Esra Demirtaş-Kuipers')}/relations`,
    );
    expect(esra.body).toContainEqual(
      expect.objectContaining({
        label: 'kent',
        direction: 'incoming',
        other: { kind: 'person', id: id('Yasmina el Ouali'), name: 'Yasmina el Ouali' },
      }),
    );
  });

  it('adds a relation, ends it, and refuses links that break the rules', async () => {
    const harmJan = id('Harm-Jan Veldkamp');
    const added = await callApi(server.url, sanne, 'POST', `/api/v1/people/${harmJan}/relations`, {
      relationTypeId: id('kent'),
      relatedPersonId: id('Roy Martina-Boelen'),
      since: '2023-05-01',
    });
    expect(added.status).toBe(201);
    const relation = added.body.find((r: { label: string }) => r.label === 'kent');
    const ended = await callApi(
      server.url,
      sanne,
      'PUT',
      `/api/v1/people/${harmJan}/relations/${relation.id}`,
      { until: '2026-01-31' },
    );
    expect(ended.body.find((r: { id: string }) => r.id === relation.id)).toMatchObject({
      until: '2026-01-31',
      ended: true,
    });
    const backwards = await callApi(
      server.url,
      sanne,
      'PUT',
      `/api/v1/people/${harmJan}/relations/${relation.id}`,
      { until: '2020-01-01' },
    );
    expect(backwards.body.errors).toEqual([
      { field: 'body.until', code: 'before_start', message: 'must not be before since' },
    ]);

    const outsider = await callApi(server.url, sanne, 'POST', `/api/v1/people/${harmJan}/relations`, {
      relationTypeId: id('kent'),
      relatedPersonId: id('Miriam Goudsmit-Lang'), // Stad: not in Sanne's networks
    });
    expect(outsider.body.errors).toEqual([
      {
        field: 'body.relatedPersonId',
        code: 'unknown_reference',
        kind: 'person',
        message: 'is not a person in your networks',
      },
    ]);
    const wrongKind = await callApi(server.url, sanne, 'POST', `/api/v1/people/${harmJan}/relations`, {
      relationTypeId: id('kent'),
      organisationId: id('Stichting Buurthuis De Schakel'),
    });
    expect(wrongKind.body.errors[0].field).toBe('body.organisationId');
    const both = await callApi(server.url, sanne, 'POST', `/api/v1/people/${harmJan}/relations`, {
      relationTypeId: id('kent'),
    });
    expect(both.status).toBe(400);
    const secretary = await callApi(server.url, petra, 'POST', `/api/v1/people/${harmJan}/relations`, {
      relationTypeId: id('kent'),
      relatedPersonId: id('Roy Martina-Boelen'),
    });
    expect(secretary.status).toBe(403);
  });
});

describe('the network graph', () => {
  it('has the people, their communities and organisations, and the relations, with ended ones flagged', async () => {
    const graph = (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/graph`)).body;
    const kinds = (kind: string) => graph.nodes.filter((n: { kind: string }) => n.kind === kind).length;
    expect(kinds('person')).toBe(8);
    expect(kinds('organisation')).toBe(5);
    expect(kinds('community')).toBeGreaterThan(5);
    const noorsBoard = graph.edges.find(
      (e: { source: string; target: string }) =>
        e.source === `person:${id('Noor Hagenaars')}` &&
        e.target === `organisation:${id('Jongerencentrum De Loods (fictief)')}`,
    );
    expect(noorsBoard).toMatchObject({ kind: 'relation', label: 'is bestuurslid van', ended: true });
    expect(JSON.stringify(graph)).not.toMatch(/example\.org/);
    expect(JSON.stringify(graph)).not.toMatch(DEMO_MOBILE_PATTERN);
  });
});
