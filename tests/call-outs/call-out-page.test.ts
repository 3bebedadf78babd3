import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { DEMO_STAFF } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId } from './fixtures.js';

/**
 * GET /call-outs/{id}/page (issue 21: the call-out page's first data in one hop): each part exactly what its own
 * route answers, the same audit rows, and for a call-out the caller may not see one 404 and one refusal row.
 */
let server: TestServer;
let callOutId: string;
const cookies = new Map<string, string>();

/** The body as sent, for a byte-for-byte comparison. */
async function rawGet(cookie: string, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    headers: { cookie, 'x-bondgenoten-client': 'tab' },
  });
  return { status: response.status, text: await response.text() };
}

async function auditOf(id: string) {
  await sealAuditJournal(server.database.db);
  return server.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_user_id'])
    .where('object_id', '=', id)
    .orderBy('seq')
    .execute();
}

beforeAll(async () => {
  server = await startTestServer();
  for (const staff of DEMO_STAFF)
    cookies.set(staff.displayName, await signInAs(server.url, staff.displayName));
  const started = await callApi(
    server.url,
    cookies.get('Sanne Verhoef') as string,
    'POST',
    '/api/v1/call-outs',
    {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictieve vechtpartij bij het winkelcentrum',
      ask: 'Kom naar het buurthuis; peil de achterban',
      placeIds: [await areaId(server.database.db, 'Centrum Haven')],
      communityIds: [],
    },
  );
  expect(started.status).toBe(201);
  callOutId = started.body.id;
  // A meeting and an answer, so the meeting and timeline parts are not empty.
  const sanne = cookies.get('Sanne Verhoef') as string;
  expect(
    (await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {})).status,
  ).toBe(200);
  expect(
    (await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/answers`, { answer: 'coming' }))
      .status,
  ).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

describe('GET /call-outs/{id}/page', () => {
  it('answers, for every demo persona who may see the call-out, the three parts byte for byte as their own routes, with the same audit rows', async () => {
    const seeing: string[] = [];
    for (const [name, cookie] of cookies) {
      const own = await rawGet(cookie, `/call-outs/${callOutId}`);
      if (own.status !== 200) continue;
      seeing.push(name);
      const meeting = await rawGet(cookie, `/call-outs/${callOutId}/meeting`);
      const timeline = await rawGet(cookie, `/call-outs/${callOutId}/timeline`);
      const separateRows = (await auditOf(callOutId)).length;
      const page = await rawGet(cookie, `/call-outs/${callOutId}/page`);
      expect(page.status).toBe(200);
      const parts = JSON.parse(page.text);
      expect(Object.keys(parts)).toEqual(['callOut', 'meeting', 'timeline']);
      expect(JSON.stringify(parts.callOut)).toBe(own.text);
      expect(JSON.stringify(parts.meeting)).toBe(meeting.text);
      expect(JSON.stringify(parts.timeline)).toBe(timeline.text);
      // The trail reads the same: the three separate reads' rows, then the page's, in the page's order.
      const trail = await auditOf(callOutId);
      const reads = trail.slice(separateRows - 3);
      expect(reads.map((row) => row.action)).toEqual([
        'call-out.read',
        'call-out.meeting-read',
        'call-out.timeline-read',
        'call-out.read',
        'call-out.meeting-read',
        'call-out.timeline-read',
      ]);
      expect(new Set(reads.map((row) => row.actor_user_id)).size).toBe(1);
    }
    // The starter, the network's staff and the administrator; not everyone.
    expect(seeing).toEqual(expect.arrayContaining(['Sanne Verhoef', 'Anouk Terpstra']));
    expect(seeing.length).toBeLessThan(cookies.size);
  });

  it('refuses a call-out the caller may not see as GET /call-outs/{id} does: 404, one refusal row', async () => {
    const dewi = cookies.get('Dewi Sastromedjo') as string;
    const own = await rawGet(dewi, `/call-outs/${callOutId}`);
    expect(own.status).toBe(404);
    const before = (await auditOf(callOutId)).length;
    const page = await rawGet(dewi, `/call-outs/${callOutId}/page`);
    expect(page.status).toBe(404);
    // The same problem, but for its own URL.
    expect(JSON.parse(page.text)).toEqual({
      ...JSON.parse(own.text),
      instance: `/api/v1/call-outs/${callOutId}/page`,
    });
    const added = (await auditOf(callOutId)).slice(before);
    expect(added.map((row) => row.action)).toEqual(['access.denied']);
  });
});
