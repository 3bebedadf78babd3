import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withMailTables } from '../../src/mail/db-schema.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId, communityId } from './fixtures.js';

/**
 * The local run: *Bijeenkomst nu* on the embedded calendar (an .ics invitation, a clearly local join
 * link) with the allies' e-mail in the local outbox, which only the demo users who may see it read.
 */
let server: TestServer;
let sanne: string;
let joris: string;
let dewi: string;

async function person(name: string) {
  return server.database.db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  server = await startTestServer({ env: { PUBLIC_URL: 'http://localhost:3978' } });
  [sanne, joris, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Joris Amrani'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
});
afterAll(async () => {
  await server?.close();
});

describe('Bijeenkomst nu in the local run', () => {
  it('puts the meeting in the embedded calendar and the ally’s e-mail in the local outbox', async () => {
    const db = server.database.db;
    const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
      kind: 'tension',
      urgency: 'immediate',
      summary: 'Fictieve spanning na een incident',
      ask: 'Kom samen; wat hoort u?',
      placeIds: [await areaId(db, 'Centrum Haven')],
      communityIds: [await communityId(db, 'Marokkaans')],
    });
    expect(started.status).toBe(201);
    const callOutId = started.body.id as string;
    const yasmina = await person('Yasmina el Ouali');
    await callApi(server.url, joris, 'POST', `/api/v1/call-outs/${callOutId}/answers`, { answer: 'coming' });
    await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/calls`, {
      personId: yasmina.id,
      outcome: 'reached',
      coming: true,
    });
    const before = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}/meeting`);
    expect(before.body).toMatchObject({ meeting: null, onTheWay: { staff: 1, allies: 1, total: 2 } });

    const { status, body } = await callApi(
      server.url,
      sanne,
      'POST',
      `/api/v1/call-outs/${callOutId}/meeting`,
      {
        durationMinutes: 60,
      },
    );
    expect(status).toBe(200);
    expect(body.meeting).toMatchObject({
      state: 'created',
      joinUrl: `http://localhost:3978/lokaal/bijeenkomst/${callOutId}`,
      joinUrlIsLocal: true,
    });

    // The .ics invitations: one per attendee naming only them (Joris, Yasmina; no ally sees another's
    // address), and the organiser's own copy with everyone.
    const invitations = await db
      .selectFrom('calendar_outbox')
      .innerJoin('calendar_events', 'calendar_events.id', 'calendar_outbox.event_id')
      .select([
        'calendar_outbox.recipients',
        'calendar_outbox.ics',
        'calendar_events.organiser',
        'calendar_events.is_online_meeting',
      ])
      .where('calendar_events.organiser', '=', 'oov-haven@example.org')
      .execute();
    expect(invitations).toHaveLength(3);
    expect(invitations.every((i) => i.is_online_meeting)).toBe(true);
    expect(invitations.map((i) => [...i.recipients].join(',')).sort()).toEqual(
      [yasmina.email, 'wijkagent-haven@example.org', 'oov-haven@example.org'].sort(),
    );
    const yasminasCopy = invitations.find((i) => i.recipients.includes(yasmina.email as string));
    expect(yasminasCopy?.ics).not.toContain('wijkagent-haven@example.org');
    const mails = await withMailTables(db)
      .selectFrom('mail_outbox')
      .selectAll()
      .where('call_out_id', '=', callOutId)
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.recipients).toEqual([yasmina.email]);
    expect(mails[0]?.body_text).toContain(body.meeting.joinUrl);
    expect(mails[0]?.body_text).toContain('geen echte Teams-vergadering');

    // Sanne (Haven) sees the mail and the invitation; Dewi (Buiten) sees neither.
    const outbox = await callApi(server.url, sanne, 'GET', '/api/v1/local-outbox');
    expect(outbox.status).toBe(200);
    const kinds = outbox.body.map((i: { kind: string; subject: string }) => i.kind);
    expect(kinds).toContain('mail');
    expect(kinds).toContain('calendar');
    const mailItem = outbox.body.find((i: { kind: string }) => i.kind === 'mail');
    expect(mailItem.recipients).toEqual([yasmina.email]);
    const invitation = outbox.body.find((i: { kind: string }) => i.kind === 'calendar');
    expect(invitation.ics).toContain('BEGIN:VCALENDAR');
    expect(invitation.fileName).toMatch(/\.ics$/);
    const times = outbox.body.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const other = await callApi(server.url, dewi, 'GET', '/api/v1/local-outbox');
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain(yasmina.email as string);
  });

  it('refuses a second mail to the same ally and keeps one meeting', async () => {
    const db = withMailTables(server.database.db);
    const [first] = await db.selectFrom('call_out_meetings').select('call_out_id').execute();
    const callOutId = first?.call_out_id as string;
    const again = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/meeting`, {});
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const mails = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('call_out_id', '=', callOutId)
      .execute();
    expect(mails).toHaveLength(1);
    const events = await db.selectFrom('call_out_meetings').select('event_id').execute();
    expect(events).toHaveLength(1);
  });
});

describe('the local outbox with a tenant', () => {
  it('does not exist in Entra mode', async () => {
    const entra = await startTestServer({
      env: {
        AAD_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
        AAD_CLIENT_SECRET: 'outbox-secret',
        AAD_TENANT_ID: '11111111-1111-4111-8111-111111111111',
        PUBLIC_URL: 'https://bondgenoten.example.org',
      },
      seed: false,
    });
    try {
      const outbox = await fetch(`${entra.url}/api/v1/local-outbox`);
      expect(outbox.status).toBe(404);
      // A route that exists answers 401 without a token: the 404 is the route's absence.
      const callOuts = await fetch(`${entra.url}/api/v1/call-outs`);
      expect(callOuts.status).toBe(401);
      const openapi = await (await fetch(`${entra.url}/api/v1/openapi.json`)).json();
      const paths = Object.keys(openapi.paths);
      expect(paths.some((path) => path.endsWith('/call-outs/{callOutId}/meeting'))).toBe(true);
      expect(paths.some((path) => path.endsWith('/local-outbox'))).toBe(false);
    } finally {
      await entra.close();
    }
  });
});
