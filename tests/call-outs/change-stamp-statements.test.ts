import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getChangeStamp } from '../../src/call-outs/call-out-service.js';
import { loadAccessProfile } from '../../src/identity/access.js';
import { countingStatements } from '../helpers/counting-db.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/*
 * Every open call-out page polls the change stamp every 5 s (issue 21: 1,000 pages during a fan-out). A count,
 * not a timing: the starter's and a recipient's poll is one statement (visibility and stamp together); others
 * pay for the network check as before, and an outsider is still refused.
 */
let server: TestServer;
let callOutId: string;
let starterId: string;
let recipientId: string;

beforeAll(async () => {
  server = await startTestServer();
  const sanne = await signInAs(server.url, 'Sanne Verhoef');
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve brand in een buurthuis',
    ask: 'Kom naar het buurthuis',
    placeIds: [await areaId(server.database.db, 'Centrum Haven')],
    communityIds: [],
  });
  expect(started.status).toBe(201);
  callOutId = started.body.id;
  starterId = started.body.startedBy;
  recipientId = started.body.recipients.find((r: { userId: string }) => r.userId !== starterId).userId;
});
afterAll(async () => {
  await server?.close();
});

async function poll(userId: string) {
  const counted = countingStatements(server.database.db);

  const access = await loadAccessProfile(server.database.db, userId);
  const answer = await getChangeStamp(counted.db, access, callOutId).then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string }) => ({ ok: false as const, code: error.code }),
  );
  return { answer, statements: counted.count() };
}

describe('the change stamp’s statements', () => {
  it('answers the starter and a recipient in one statement, with the same stamp', async () => {
    const starter = await poll(starterId);
    const recipient = await poll(recipientId);
    expect(starter.statements).toBe(1);
    expect(recipient.statements).toBe(1);
    expect(starter.answer).toEqual(recipient.answer);
    expect(starter.answer.ok && starter.answer.value.stamp).toMatch(/^\d+;/);
  });

  it('still refuses a staff member of no covering network, and an unknown call-out', async () => {
    const dewi = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Dewi Sastromedjo')
      .executeTakeFirstOrThrow();
    expect((await poll(dewi.id)).answer).toEqual({ ok: false, code: 'not-found' });
    const access = await loadAccessProfile(server.database.db, starterId);
    await expect(
      getChangeStamp(server.database.db, access, '00000000-0000-4000-8000-00000000dead'),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
