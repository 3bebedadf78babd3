import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { loadAccessProfile } from '../../src/identity/access.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Issue 18, item 2: erasing one person leaves no trace in answers, exports, lists or invitations. */
const NAME = 'Yasmina el Ouali';
const ALLY_MAIL = 'yasmina.gewist@example.org';
let server: TestServer;
let anouk: string;
let petra: string;
let sanne: string;
let havenId: string;
let yasminaId: string;
let sanneId: string;

async function startHavenCallOut(): Promise<string> {
  const db = server.database.db;
  const place = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Centrum Haven')
    .executeTakeFirstOrThrow();
  const callOut = await startCallOut(
    db,
    { actorUserId: sanneId, channel: 'api', clientAddress: null, requestId: null },
    await loadAccessProfile(db, sanneId),
    {
      kind: 'incident',
      urgency: 'immediate',
      summary: `Fictief, ${NAME} belde`,
      ask: 'Kom',
      placeIds: [place.id],
      communityIds: [],
    },
    new Date(),
  );
  return callOut.id;
}

beforeAll(async () => {
  server = await startTestServer();
  anouk = await signInAs(server.url, 'Anouk Terpstra');
  petra = await signInAs(server.url, 'Petra Lindeboom');
  sanne = await signInAs(server.url, 'Sanne Verhoef');
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  yasminaId = (
    await db.selectFrom('people').select('id').where('display_name', '=', NAME).executeTakeFirstOrThrow()
  ).id;
  sanneId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Sanne Verhoef')
      .executeTakeFirstOrThrow()
  ).id;
  await db.updateTable('people').set({ email: ALLY_MAIL }).where('id', '=', yasminaId).execute();
});
afterAll(async () => {
  await server?.close();
});

describe(`erasing one person on ${TEST_ENGINE}`, () => {
  it('refuses non-administrators and a missing confirmation with problem+json', async () => {
    const path = `/api/v1/privacy/people/${yasminaId}/erasure`;
    expect(
      (await callApi(server.url, petra, 'POST', path, { reason: 'data-subject-request', confirm: true }))
        .status,
    ).toBe(403);
    const bad = await callApi(server.url, anouk, 'POST', path, { reason: 'because', confirm: false });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.confirm',
      'body.reason',
    ]);
  });

  it('erases the person everywhere while the audit chain verifies and history counts stay', async () => {
    const db = server.database.db;
    const nextYear = DateTime.now().plus({ years: 1 }).year;
    const start = DateTime.fromISO(`${nextYear}-03-18T18:00`, { zone: 'Europe/Amsterdam' });
    const planned = await callApi(server.url, petra, 'POST', `/api/v1/networks/${havenId}/meetings/series`, {
      meetings: [{ start: start.toUTC().toISO(), end: start.plus({ hours: 2 }).toUTC().toISO() }],
      confirmReasons: true,
    });
    expect(planned.status).toBe(201);
    const { calendar_event_id: eventId } = await db
      .selectFrom('meetings')
      .select('calendar_event_id')
      .where('id', '=', planned.body.meetings[0].id)
      .executeTakeFirstOrThrow();
    const openCallOut = await startHavenCallOut();
    await db
      .insertInto('call_out_calls')
      .values({
        call_out_id: openCallOut,
        person_id: yasminaId,
        caller_user_id: sanneId,
        outcome: 'reached',
        heard: `${NAME} hoorde dat het rustig is (fictief)`,
        coming: false,
        recorded_at: new Date(),
      })
      .execute();
    // That call-out is over (closed: its timeline is history); a second one is still open.
    await db
      .updateTable('call_outs')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', openCallOut)
      .execute();
    const stillOpen = await startHavenCallOut();
    const onList = () =>
      db
        .selectFrom('call_out_allies')
        .select('person_id')
        .where('call_out_id', '=', stillOpen)
        .where('person_id', '=', yasminaId)
        .execute();
    expect(await onList()).toHaveLength(1);
    // Inzage first (AVG art. 15): the record and who read it, itself audited; administrators only.
    const denied = await callApi(server.url, petra, 'GET', `/api/v1/privacy/people/${yasminaId}/inzage`);
    expect(denied.status).toBe(403);
    await callApi(server.url, sanne, 'GET', `/api/v1/people/${yasminaId}`);
    const inzage = await callApi(server.url, anouk, 'GET', `/api/v1/privacy/people/${yasminaId}/inzage`);
    expect(inzage.status).toBe(200);
    expect(inzage.body.person).toMatchObject({ displayName: NAME, email: ALLY_MAIL });
    expect(inzage.body.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'person.inzage', actorName: 'Anouk Terpstra' }),
        expect.objectContaining({ action: 'person.read', actorName: 'Sanne Verhoef' }),
      ]),
    );
    // A signal she brought in that names her, and a contact note about her (issue 17's records).
    const wijk = await db
      .selectFrom('areas')
      .select('id')
      .where('name', '=', 'Centrum Haven')
      .executeTakeFirstOrThrow();
    const signalled = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/signals`, {
      personId: yasminaId,
      channel: 'phone',
      urgency: 'attention',
      wijkIds: [wijk.id],
      communityIds: [],
      themes: ['overlast'],
      text: `Fictief: ${NAME} hoort onrust bij het buurthuis`,
      assessment: null,
    });
    expect(signalled.status).toBe(201);
    const noted = await callApi(server.url, sanne, 'POST', `/api/v1/people/${yasminaId}/contacts`, {
      contactedOn: '2026-11-20',
      channel: 'phone',
      gist: 'Fictief: even bijgepraat',
    });
    expect(noted.status).toBe(201);
    // A half-yearly evaluation with a note on her and her name in the general note (issue 16's records).
    const draft = await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/evaluations/draft`);
    expect(draft.status).toBe(200);
    const evaluated = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/evaluations`, {
      decisions: draft.body.allies.map((ally: { personId: string }) => ({
        personId: ally.personId,
        decision: 'continue',
        note: ally.personId === yasminaId ? 'Fictief: wil minder avonden' : null,
      })),
      generalNote: `Fictief: ${NAME} brengt veel signalen in`,
    });
    expect(evaluated.status).toBe(201);
    const signalsBefore = await db
      .selectFrom('signals')
      .select('id')
      .where('network_id', '=', havenId)
      .execute();
    const countsBefore = await historyCounts();
    expect(countsBefore.calls).toBeGreaterThan(0);

    const erased = await callApi(server.url, anouk, 'POST', `/api/v1/privacy/people/${yasminaId}/erasure`, {
      reason: 'data-subject-request',
      confirm: true,
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ personId: yasminaId, reason: 'data-subject-request', failed: [] });

    // The audit chain still verifies: its rows hold the id only, and nothing was rewritten.
    await sealAuditJournal(db);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
    const audit = await db
      .selectFrom('audit_events')
      .select(['object_id'])
      .where('action', '=', 'person.erase')
      .execute();
    expect(audit).toEqual([{ object_id: yasminaId }]);

    // No API answer, export, search, crisis sheet, call list or invitation names her any more.
    expect((await callApi(server.url, anouk, 'GET', `/api/v1/people/${yasminaId}`)).status).toBe(404);
    expect(
      (await callApi(server.url, anouk, 'GET', `/api/v1/privacy/people/${yasminaId}/inzage`)).status,
    ).toBe(404);
    const answers = [
      await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}`),
      await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/export`),
      await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/crisis-sheet`),
      await callApi(server.url, sanne, 'GET', '/api/v1/people?q=Yasmina'),
      await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${openCallOut}`),
      await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${openCallOut}/timeline.csv`),
      await callApi(server.url, petra, 'GET', `/api/v1/networks/${havenId}/meeting-participants`),
      await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/signals`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      expect(text).not.toContain('Yasmina');
      expect(text).not.toContain(ALLY_MAIL);
      // The closed call-out keeps its history under the tombstone id (no name, no number); nothing else names it.
      if (answer !== answers[4]) expect(text).not.toContain(yasminaId);
    }
    // Her signal stays (the thermometer's counts) but turns anonymous; her contact log is gone.
    expect(
      await db.selectFrom('signals').select('id').where('network_id', '=', havenId).execute(),
    ).toHaveLength(signalsBefore.length);
    const kept = await db
      .selectFrom('signals')
      .select(['person_id', 'body'])
      .where('id', '=', signalled.body.id)
      .executeTakeFirstOrThrow();
    expect(kept.person_id).toBeNull();
    expect(kept.body).not.toContain(NAME);
    expect(
      await db.selectFrom('person_contacts').select('id').where('person_id', '=', yasminaId).execute(),
    ).toHaveLength(0);
    // The evaluation keeps her decision but not the note on her, nor her name in its own notes.
    const evaluation = await db
      .selectFrom('evaluations')
      .select('general_note')
      .where('id', '=', evaluated.body.id)
      .executeTakeFirstOrThrow();
    expect(evaluation.general_note).not.toContain(NAME);
    expect(
      await db
        .selectFrom('evaluation_allies')
        .select(['decision', 'note'])
        .where('evaluation_id', '=', evaluated.body.id)
        .where('person_id', '=', yasminaId)
        .execute(),
    ).toEqual([{ decision: 'continue', note: null }]);
    const tombstone = answers[4]?.body.callList.find((a: { personId: string }) => a.personId === yasminaId);
    expect(tombstone).toMatchObject({ displayName: 'Gewiste persoon', mobile: null, heard: null });
    const attendees = await db
      .selectFrom('calendar_attendees')
      .select('address')
      .where('event_id', '=', eventId as string)
      .execute();
    expect(attendees.map((a) => a.address)).not.toContain(ALLY_MAIL);
    const outbox = await db.selectFrom('calendar_outbox').select(['ics', 'recipients']).execute();
    for (const mail of outbox) {
      expect(mail.ics).not.toContain(ALLY_MAIL);
      expect(mail.recipients).not.toContain(ALLY_MAIL);
    }
    const row = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', yasminaId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      display_name: 'Gewiste persoon',
      email: null,
      mobile: null,
      following: null,
    });
    expect(row.erased_at).not.toBeNull();
    const openRelations = await db
      .selectFrom('relations')
      .select('id')
      .where((eb) => eb.or([eb('person_id', '=', yasminaId), eb('related_person_id', '=', yasminaId)]))
      .where('until', 'is', null)
      .execute();
    expect(openRelations).toEqual([]);
    const calls = await db
      .selectFrom('call_out_calls')
      .select('heard')
      .where('person_id', '=', yasminaId)
      .execute();
    expect(calls.every((c) => c.heard === null)).toBe(true);
    const callOut = await db
      .selectFrom('call_outs')
      .select('summary')
      .where('id', '=', openCallOut)
      .executeTakeFirstOrThrow();
    expect(callOut.summary).toBe('Fictief, Gewiste persoon belde');

    expect(await onList()).toEqual([]);
    // History keeps its counts: past attendance, responses and recorded calls stay, under the tombstone id.
    expect(await historyCounts()).toEqual(countsBefore);

    const again = await callApi(server.url, anouk, 'POST', `/api/v1/privacy/people/${yasminaId}/erasure`, {
      reason: 'data-subject-request',
      confirm: true,
    });
    expect(again.status).toBe(404);
  });
});

async function historyCounts() {
  const db = server.database.db;
  const count = async (table: 'meeting_attendance' | 'call_out_calls' | 'meeting_responses' | 'meetings') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    attendance: await count('meeting_attendance'),
    calls: await count('call_out_calls'),
    responses: await count('meeting_responses'),
    meetings: await count('meetings'),
  };
}
