import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server.url, 'Anouk Terpstra');
  await signInAs(server.url, 'Sanne Verhoef');
  await fetch(`${server.url}/api/v1/areas`); // an unauthenticated attempt: audited as a refusal
});
afterAll(async () => {
  await server.close();
});

describe('the audit trail for administrators', () => {
  it('lists events newest first with filters and keyset paging', async () => {
    const all = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?limit=2');
    expect(all.status).toBe(200);
    expect(all.body.events).toHaveLength(2);
    expect(all.body.events[0].seq).toBeGreaterThan(all.body.events[1].seq);
    const next = await callApi(
      server.url,
      admin,
      'GET',
      `/api/v1/audit-events?limit=2&beforeSeq=${all.body.nextBeforeSeq}`,
    );
    expect(next.body.events[0].seq).toBeLessThan(all.body.events[1].seq);
    const refusals = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?result=denied');
    expect(refusals.body.events.map((e: { action: string }) => e.action)).toContain('access.unauthenticated');
  });

  it('names a bad filter', async () => {
    const result = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?from=yesterday&limit=9999');
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'query.from',
      'query.limit',
    ]);
  });

  it('exports CSV with a header row and audits the export', async () => {
    const result = await callApi(server.url, admin, 'GET', '/api/v1/audit-events/export?action=auth.sign-in');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(result.headers.get('content-disposition')).toContain('audit-trail.csv');
    const lines = (result.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,occurredAt,actorUserId,action,objectType,objectId,result,channel,clientAddress,requestId,prevHash,hash',
    );
    expect(lines.length).toBe(3);
    const exports = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?action=audit.export');
    expect(exports.body.events).toHaveLength(1);
  });

  it('verifies the chain, and names the row someone altered', async () => {
    const intact = await callApi(server.url, admin, 'GET', '/api/v1/audit-events/verification');
    expect(intact.body).toMatchObject({ valid: true, firstBrokenSeq: null });
    const db = server.database.db;
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(db);
    await sql`update audit_events set object_id = 'tampered' where seq = 2`.execute(db);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(db);
    const broken = await callApi(server.url, admin, 'GET', '/api/v1/audit-events/verification');
    expect(broken.body).toMatchObject({ valid: false, firstBrokenSeq: 2 });
    expect(broken.body.message).toMatch(/^Audit trail BROKEN at row 2/);
  });
});
