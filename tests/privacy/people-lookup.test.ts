import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Issue 18, Beheer → Privacy: administrators find a person of the municipality by name. */
let server: TestServer;
let anouk: string;
let sanne: string;
let yasminaId: string;

beforeAll(async () => {
  server = await startTestServer();
  anouk = await signInAs(server.url, 'Anouk Terpstra');
  sanne = await signInAs(server.url, 'Sanne Verhoef');
  yasminaId = (
    await server.database.db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Yasmina el Ouali')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server?.close();
});

describe(`the privacy person lookup on ${TEST_ENGINE}`, () => {
  it('refuses staff who are not administrators and bad input with problem+json', async () => {
    expect((await callApi(server.url, sanne, 'GET', '/api/v1/privacy/people?q=Yasmina')).status).toBe(403);
    const short = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people?q=Y');
    expect(short.status).toBe(400);
    expect(short.headers.get('content-type')).toContain('application/problem+json');
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'query.q', code: 'too_short' })]);
    const missing = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people');
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'query.q' });
    const unknown = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people?q=Yas&sort=name');
    expect(unknown.status).toBe(400);
  });

  it('finds a person of any network by part of the name, without contact data, and audits the search', async () => {
    const found = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people?q=yasmina%20EL');
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    const { consentDate, ...person } = found.body[0];
    expect(person).toEqual({
      id: yasminaId,
      displayName: 'Yasmina el Ouali',
      kind: expect.any(String),
      legalBasis: expect.stringMatching(/^(consent|public_task)$/),
      consentWithdrawnOn: null,
      networks: [expect.objectContaining({ name: 'Bondgenoten Haven' })],
    });
    // A date or none, but present: a missing key would be undefined.
    expect(consentDate === null || typeof consentDate === 'string').toBe(true);
    // % and _ are literal: no name holds them, so nothing is found.
    expect((await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people?q=%25%25')).body).toEqual([]);

    const db = server.database.db;
    await sealAuditJournal(db);
    const anoukId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', 'Anouk Terpstra')
        .executeTakeFirstOrThrow()
    ).id;
    const searches = await db
      .selectFrom('audit_events')
      .select(['object_id'])
      .where('action', '=', 'person.search')
      .where('actor_user_id', '=', anoukId)
      .execute();
    // Both searches that passed validation are audited, without the text and without an object.
    expect(searches).toEqual([{ object_id: null }, { object_id: null }]);
  });

  it('no longer finds a person once erased', async () => {
    const erased = await callApi(server.url, anouk, 'POST', `/api/v1/privacy/people/${yasminaId}/erasure`, {
      reason: 'data-subject-request',
      confirm: true,
    });
    expect(erased.status).toBe(200);
    const after = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people?q=Yasmina');
    expect(after.status).toBe(200);
    expect(after.body).toEqual([]);
    // The tombstone's own name is not found either: it is no person any more.
    expect((await callApi(server.url, anouk, 'GET', '/api/v1/privacy/people?q=Gewiste')).body).toEqual([]);
  });
});
