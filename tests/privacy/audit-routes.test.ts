import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { CONFIDENTIAL_NOTICE } from '../../src/platform/confidential-notice.js';
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

  it('names actors as they are called now, while the rows keep ids only', async () => {
    const signIns = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?action=auth.sign-in');
    const sanne = signIns.body.events.find((e: { actorName: string }) => e.actorName === 'Sanne Verhoef');
    expect(sanne).toBeDefined();
    // A new name shows on the next read; the stored row and its hash are untouched.
    const db = server.database.db;
    const stored = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', sanne.seq)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('users')
      .set({ display_name: 'Sanne Verhoef-Demirtaş' })
      .where('id', '=', sanne.actorUserId)
      .execute();
    try {
      const again = await callApi(
        server.url,
        admin,
        'GET',
        `/api/v1/audit-events?actorUserId=${sanne.actorUserId}`,
      );
      const row = again.body.events.find((e: { seq: number }) => e.seq === sanne.seq);
      expect(row).toMatchObject({ actorName: 'Sanne Verhoef-Demirtaş', hash: stored.hash });
      expect(
        await db
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '=', sanne.seq)
          .executeTakeFirstOrThrow(),
      ).toEqual(stored);
      expect(Object.keys(stored)).not.toContain('actor_name');
    } finally {
      await db
        .updateTable('users')
        .set({ display_name: 'Sanne Verhoef' })
        .where('id', '=', sanne.actorUserId)
        .execute();
    }
    // An event without an actor has no name.
    const refusals = await callApi(
      server.url,
      admin,
      'GET',
      '/api/v1/audit-events?action=access.unauthenticated',
    );
    expect(refusals.body.events[0]).toMatchObject({ actorUserId: null, actorName: null });
  });

  it('lists the staff an administrator can pick as actor, by name, and audits it', async () => {
    const result = await callApi(server.url, admin, 'GET', '/api/v1/audit-events/actors');
    expect(result.status).toBe(200);
    const names = result.body.actors.map((a: { displayName: string }) => a.displayName);
    expect(names).toContain('Sanne Verhoef');
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const listed = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?action=audit.actor-list');
    expect(listed.body.events).toHaveLength(1);
  });

  /** Fetches the export as the tab's link would, keeping its bytes (fetch's text() would drop the BOM). */
  async function exportCsv(query: string) {
    const response = await fetch(`${server.url}/api/v1/audit-events/export${query}`, {
      headers: { cookie: admin },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    // The first line is the confidentiality notice (issue 18, item 7); the table follows.
    const text = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    return {
      response,
      bytes,
      notice: text[0],
      lines: text.slice(1),
    };
  }

  it('exports CSV for Dutch Excel with names, Dutch words and Dutch time, and audits the export', async () => {
    const { response, bytes, notice, lines } = await exportCsv('?action=auth.sign-in');
    expect(notice).toBe(`"${CONFIDENTIAL_NOTICE.nl}"`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename=audittrail-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(
      'Nr.;Tijdstip (Nederlandse tijd);Actor;Actor-id;Actie;Actiecode;Objecttype;Object-id;Resultaat;Kanaal;' +
        'Clientadres;Verzoek-id;Vorige hash;Hash',
    );
    expect(lines.length).toBe(3);
    const sanneRow = lines.find((line) => line.includes(';Sanne Verhoef;'))?.split(';') ?? [];
    expect(sanneRow.slice(4, 10)).toEqual([
      'Aangemeld',
      'auth.sign-in',
      'Medewerker',
      sanneRow[3],
      'Gelukt',
      'API',
    ]);
    // The time is the event's instant in Amsterdam (the tests run in UTC).
    const list = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?action=auth.sign-in');
    const event = list.body.events.find((e: { seq: number }) => e.seq === Number(sanneRow[0]));
    const amsterdam = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    expect(sanneRow[1]).toBe(amsterdam.format(new Date(event.occurredAt)).replace(', ', ' '));
    expect(sanneRow[1]?.slice(11, 13)).not.toBe(event.occurredAt.slice(11, 13));
    const exports = await callApi(server.url, admin, 'GET', '/api/v1/audit-events?action=audit.export');
    expect(exports.body.events).toHaveLength(1);
  });

  it('exports in English on request, and refuses an unknown language', async () => {
    const { response, lines } = await exportCsv('?action=auth.sign-in&lang=en');
    expect(response.headers.get('content-disposition')).toMatch(/filename=audit-trail-\d{4}-/);
    expect(lines[0]?.split(';').slice(0, 5)).toEqual([
      'No.',
      'Time (Dutch time)',
      'Actor',
      'Actor id',
      'Action',
    ]);
    expect(
      lines.some(
        (line) => line.includes(';Sanne Verhoef;') && line.includes(';Signed in;auth.sign-in;Staff member;'),
      ),
    ).toBe(true);
    const bad = await callApi(server.url, admin, 'GET', '/api/v1/audit-events/export?lang=fr');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.lang']);
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
