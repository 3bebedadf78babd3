import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { loadAccessProfile } from '../../src/identity/access.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Issue 18, item 4: a withdrawal takes the person off call lists and future invitations at once. */
const ALLY_MAIL = 'yasmina.fictief@example.org';
let server: TestServer;
let anouk: string;
let petra: string;
let havenId: string;
let yasminaId: string;

function evening(date: string) {
  const start = DateTime.fromISO(`${date}T18:00`, { zone: 'Europe/Amsterdam' });
  return {
    start: start.toUTC().toISO({ suppressMilliseconds: true }) as string,
    end: start.plus({ minutes: 120 }).toUTC().toISO({ suppressMilliseconds: true }) as string,
  };
}

async function startHavenCallOut(): Promise<string> {
  const db = server.database.db;
  const sanne = await db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', 'Sanne Verhoef')
    .executeTakeFirstOrThrow();
  const place = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Centrum Haven')
    .executeTakeFirstOrThrow();
  const callOut = await startCallOut(
    db,
    { actorUserId: sanne.id, channel: 'api', clientAddress: null, requestId: null },
    await loadAccessProfile(db, sanne.id),
    {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictief',
      ask: 'Kom',
      placeIds: [place.id],
      communityIds: [],
    },
    new Date(),
  );
  return callOut.id;
}

async function onCallList(callOutId: string): Promise<boolean> {
  const row = await server.database.db
    .selectFrom('call_out_allies')
    .select('person_id')
    .where('call_out_id', '=', callOutId)
    .where('person_id', '=', yasminaId)
    .executeTakeFirst();
  return row !== undefined;
}

async function invitedTo(eventId: string): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('calendar_attendees')
    .select('address')
    .where('event_id', '=', eventId)
    .execute();
  return rows.map((r) => r.address.toLowerCase());
}

beforeAll(async () => {
  server = await startTestServer();
  anouk = await signInAs(server.url, 'Anouk Terpstra');
  petra = await signInAs(server.url, 'Petra Lindeboom');
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  yasminaId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Yasmina el Ouali')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .updateTable('people')
    .set({ email: ALLY_MAIL, legal_basis: 'consent', consent_date: '2024-03-01' })
    .where('id', '=', yasminaId)
    .execute();
});
afterAll(async () => {
  await server?.close();
});

describe(`consent withdrawal on ${TEST_ENGINE}`, () => {
  it('refuses staff who are not administrators, bad dates and a public-task person with problem+json', async () => {
    const path = `/api/v1/privacy/people/${yasminaId}/consent-withdrawal`;
    const petraTries = await callApi(server.url, petra, 'POST', path, { withdrawnOn: '2026-12-01' });
    expect(petraTries.status).toBe(403);
    const future = DateTime.now().plus({ days: 3 }).toISODate();
    const bad = await callApi(server.url, anouk, 'POST', path, { withdrawnOn: future });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'body.withdrawnOn', code: 'in_future' }),
    ]);
    const early = await callApi(server.url, anouk, 'POST', path, { withdrawnOn: '2024-02-01' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'body.withdrawnOn', code: 'before_start' });
    // A professional recorded on the basis of a public task has no consent to withdraw.
    const professional = await server.database.db
      .updateTable('people')
      .set({ legal_basis: 'public_task', consent_date: null })
      .where('display_name', '=', 'Esra Demirtaş-Kuipers')
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await callApi(
      server.url,
      anouk,
      'POST',
      `/api/v1/privacy/people/${professional.id}/consent-withdrawal`,
      { withdrawnOn: '2026-12-01' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.reason).toBe('not-consent-based');
    const unknown = await callApi(
      server.url,
      anouk,
      'POST',
      '/api/v1/privacy/people/00000000-0000-4000-8000-00000000dead/consent-withdrawal',
      { withdrawnOn: '2026-12-01' },
    );
    expect(unknown.status).toBe(404);
  });

  it('takes the ally off an open call list and out of the future invitation at once, and audits it', async () => {
    const nextYear = DateTime.now().plus({ years: 1 }).year;
    const planned = await callApi(server.url, petra, 'POST', `/api/v1/networks/${havenId}/meetings/series`, {
      meetings: [evening(`${nextYear}-03-16`)],
      confirmReasons: true,
    });
    expect(planned.status).toBe(201);
    const meeting = await server.database.db
      .selectFrom('meetings')
      .select('calendar_event_id')
      .where('id', '=', planned.body.meetings[0].id)
      .executeTakeFirstOrThrow();
    const eventId = meeting.calendar_event_id as string;
    expect(await invitedTo(eventId)).toContain(ALLY_MAIL);
    const callOutId = await startHavenCallOut();
    expect(await onCallList(callOutId)).toBe(true);

    const today = DateTime.now().setZone('Europe/Amsterdam').toISODate() as string;
    const { status, body } = await callApi(
      server.url,
      anouk,
      'POST',
      `/api/v1/privacy/people/${yasminaId}/consent-withdrawal`,
      { withdrawnOn: today },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      personId: yasminaId,
      legalBasis: 'consent',
      consentWithdrawnOn: today,
      failed: [],
    });
    expect(body.released).toEqual(
      expect.arrayContaining([
        { holder: 'call-outs', changed: 1 },
        { holder: 'meetings', changed: expect.any(Number) },
      ]),
    );
    expect(await onCallList(callOutId)).toBe(false);
    expect(await invitedTo(eventId)).not.toContain(ALLY_MAIL);
    // A new call-out never puts her on its call list again.
    expect(await onCallList(await startHavenCallOut())).toBe(false);

    // The person page shows the legal basis and the withdrawal (staff of her network read it).
    const page = await callApi(server.url, petra, 'GET', `/api/v1/people/${yasminaId}`);
    expect(page.body).toMatchObject({ legalBasis: 'consent', consentWithdrawnOn: today });

    // Withdrawing again keeps the first date.
    const again = await callApi(
      server.url,
      anouk,
      'POST',
      `/api/v1/privacy/people/${yasminaId}/consent-withdrawal`,
      {
        withdrawnOn: '2025-01-01',
      },
    );
    expect(again.body.consentWithdrawnOn).toBe(today);

    await sealAuditJournal(server.database.db);
    const rows = await server.database.db
      .selectFrom('audit_events')
      .select(['object_id', 'result'])
      .where('action', '=', 'person.consent-withdraw')
      .execute();
    expect(rows).toEqual([
      { object_id: yasminaId, result: 'success' },
      { object_id: yasminaId, result: 'success' },
    ]);
  });
});
