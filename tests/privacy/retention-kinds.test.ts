import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import type { PrivacyDeps } from '../../src/privacy/deps.js';
import { previewRetention, runRetention } from '../../src/privacy/retention-service.js';
import { privacyHolders } from '../../src/server/privacy-holders.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * Issue 18, item 1: the retention kinds of call-out records, meeting records, local sessions and key figures
 * without activity, with a fixed clock. Today is 2027-01-10: with the defaults (730 days; 30 for sessions) the
 * last expired day is 2025-01-10 (2026-12-11 for sessions). Every kind gets one record on that very day (it
 * expires) and one a day later (it stays), all fictional.
 */
const CLOCK = new Date('2027-01-10T04:00:00Z');
let server: TestServer;
let deps: PrivacyDeps;
let municipalityId: string;
let networkId: string;
let staffId: string;
let esraId: string;
const ids = {
  oldCallOut: '',
  youngCallOut: '',
  oldMeeting: '',
  youngMeeting: '',
  oldEvent: '',
  inactive: '',
  inactiveOnCutoff: '',
  contacted: '',
  attended: '',
  called: '',
};

async function insertPerson(name: string): Promise<string> {
  const db = server.database.db;
  const person = await db
    .insertInto('people')
    .values({
      municipality_id: municipalityId,
      display_name: name,
      kind: 'ally',
      mobile: '+31600000000',
      legal_basis: 'consent',
      consent_date: '2023-12-01',
      created_at: new Date('2024-01-01T10:00:00Z'),
      updated_at: new Date('2024-01-01T10:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('network_people').values({ network_id: networkId, person_id: person.id }).execute();
  return person.id;
}

/** A closed call-out with one staff recipient (card, answer with a note) and allies called by them. */
async function insertCallOut(closedAt: string, allies: string[]): Promise<string> {
  const db = server.database.db;
  const closed = new Date(closedAt);
  const callOut = await db
    .insertInto('call_outs')
    .values({
      municipality_id: municipalityId,
      started_by: staffId,
      kind: 'tension',
      urgency: 'today',
      summary: 'Fictieve spanning',
      ask: 'Fictieve vraag',
      status: 'closed',
      started_at: new Date(closed.getTime() - 3_600_000),
      goal_at: closed,
      closed_at: closed,
      closed_by: staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipient = await db
    .insertInto('call_out_recipients')
    .values({
      call_out_id: callOut.id,
      user_id: staffId,
      reason: 'network-staff',
      network_id: networkId,
      added_at: closed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto('call_out_deliveries')
    .values({
      call_out_id: callOut.id,
      recipient_id: recipient.id,
      kind: 'alert',
      state: 'sent',
      next_attempt_at: closed,
      service_url: 'https://smba.example.invalid/',
      conversation_id: 'fictief-gesprek',
      activity_id: 'fictieve-activiteit',
      sent_at: closed,
      created_at: closed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('call_out_answers')
    .values({
      call_out_id: callOut.id,
      user_id: staffId,
      answer: 'calling-allies',
      note: 'Fictieve notitie',
      answered_at: closed,
    })
    .execute();
  for (const personId of allies) {
    await db
      .insertInto('call_out_allies')
      .values({
        call_out_id: callOut.id,
        person_id: personId,
        network_id: networkId,
        caller_user_id: staffId,
      })
      .execute();
    await db
      .insertInto('call_out_calls')
      .values({
        call_out_id: callOut.id,
        person_id: personId,
        caller_user_id: staffId,
        outcome: 'reached',
        heard: 'Fictief gehoord',
        coming: true,
        recorded_at: closed,
      })
      .execute();
    await db
      .insertInto('call_out_events')
      .values({
        call_out_id: callOut.id,
        at: closed,
        kind: 'ally-called',
        person_id: personId,
        delivery_id: delivery.id,
      })
      .execute();
  }
  return callOut.id;
}

/** A held meeting with a record, a response, attendance, a finished and an open action. */
async function insertMeeting(
  date: string,
  present: string[],
  calendarEventId: string | null,
): Promise<string> {
  const db = server.database.db;
  const starts = new Date(`${date}T17:00:00Z`);
  const meeting = await db
    .insertInto('meetings')
    .values({
      network_id: networkId,
      meeting_date: date,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 7_200_000),
      status: 'held',
      organiser: 'organisator@example.org',
      intent_id: crypto.randomUUID(),
      calendar_event_id: calendarEventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_records')
    .values({ meeting_id: meeting.id, themes: ['veiligheid'], themes_text: 'Fictieve notitie', mood: 4 })
    .execute();
  await db
    .insertInto('meeting_responses')
    .values({
      meeting_id: meeting.id,
      address: 'fictief@example.org',
      person_id: esraId,
      response: 'accepted',
    })
    .execute();
  for (const personId of present)
    await db
      .insertInto('meeting_attendance')
      .values({ meeting_id: meeting.id, person_id: personId, present: true })
      .execute();
  await db
    .insertInto('meeting_actions')
    .values([
      { meeting_id: meeting.id, network_id: networkId, description: 'Fictieve actie klaar', status: 'done' },
      { meeting_id: meeting.id, network_id: networkId, description: 'Fictieve actie open', status: 'open' },
    ])
    .execute();
  return meeting.id;
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const clocked = { ...server.deps, now: () => CLOCK };
  deps = { ...clocked, personDataHolders: privacyHolders(clocked) };
  municipalityId = (await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
  networkId = (await db.selectFrom('networks').select('id').orderBy('name').executeTakeFirstOrThrow()).id;
  staffId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Sanne Verhoef')
      .executeTakeFirstOrThrow()
  ).id;
  esraId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Esra Demirtaş-Kuipers')
      .executeTakeFirstOrThrow()
  ).id;
  ids.inactive = await insertPerson('Fictieve Stille Eén');
  ids.inactiveOnCutoff = await insertPerson('Fictieve Stille Twee');
  ids.contacted = await insertPerson('Fictieve Gebelde Drie');
  ids.attended = await insertPerson('Fictieve Aanwezige Vier');
  ids.called = await insertPerson('Fictieve Bereikte Vijf');
  await db
    .insertInto('person_contacts')
    .values([
      {
        person_id: ids.inactiveOnCutoff,
        contacted_on: '2025-01-10',
        user_id: staffId,
        channel: 'phone',
        gist: 'Fictief',
        created_at: CLOCK,
      },
      {
        person_id: ids.contacted,
        contacted_on: '2025-01-11',
        user_id: staffId,
        channel: 'phone',
        gist: 'Fictief',
        created_at: CLOCK,
      },
    ])
    .execute();
  // On the last expired day (local time) and the day after.
  ids.oldCallOut = await insertCallOut('2025-01-10T22:30:00Z', [esraId, ids.inactive]);
  ids.youngCallOut = await insertCallOut('2025-01-11T09:00:00Z', [esraId, ids.called]);
  ids.oldEvent = (
    await db
      .insertInto('calendar_events')
      .values({
        organiser: 'organisator@example.org',
        transaction_id: crypto.randomUUID(),
        uid: crypto.randomUUID(),
        subject: 'Fictief overleg',
        body_html: '<p>Fictief</p>',
        starts_at: new Date('2025-01-10T17:00:00Z'),
        ends_at: new Date('2025-01-10T19:00:00Z'),
        time_zone: 'Europe/Amsterdam',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('calendar_attendees')
    .values({ event_id: ids.oldEvent, address: 'fictief@example.org', name: 'Fictieve Naam' })
    .execute();
  await db
    .insertInto('calendar_outbox')
    .values({
      event_id: ids.oldEvent,
      method: 'REQUEST',
      sequence: 0,
      recipients: ['fictief@example.org'],
      subject: 'Fictief overleg',
      ics: 'BEGIN:VCALENDAR\r\nATTENDEE;CN=Fictieve Naam:mailto:fictief@example.org\r\nEND:VCALENDAR',
    })
    .execute();
  ids.oldMeeting = await insertMeeting('2025-01-10', [esraId, ids.inactive], ids.oldEvent);
  ids.youngMeeting = await insertMeeting('2025-01-11', [esraId, ids.attended], null);
  await db
    .insertInto('local_sessions')
    .values([
      {
        token_hash: 'fictief-oud',
        user_id: staffId,
        created_at: new Date('2026-12-10T10:00:00Z'),
        expires_at: new Date('2026-12-11T22:59:00Z'),
      },
      {
        token_hash: 'fictief-jong',
        user_id: staffId,
        created_at: new Date('2026-12-11T10:00:00Z'),
        expires_at: new Date('2026-12-11T23:01:00Z'),
      },
    ])
    .execute();
});
afterAll(async () => {
  await server?.close();
});

describe(`retention of records and inactivity on ${TEST_ENGINE}`, () => {
  let preview: Awaited<ReturnType<typeof previewRetention>>;

  it('previews the new kinds with their defaults, nothing changes', async () => {
    preview = await previewRetention(deps, undefined, 30);
    const byKind = Object.fromEntries(preview.kinds.map((k) => [k.kind, k]));
    expect(byKind['call-out-records']).toMatchObject({ days: 730 });
    expect(byKind['meeting-records']).toMatchObject({ days: 730 });
    expect(byKind['local-sessions']).toMatchObject({ days: 30 });
    expect(byKind['key-figures-inactive']).toMatchObject({ days: 730, dueToday: 2 });
    expect(byKind['call-out-records']?.dueToday).toBeGreaterThanOrEqual(1);
    expect(byKind['meeting-records']?.dueToday).toBeGreaterThanOrEqual(1);
    expect(byKind['local-sessions']?.dueToday).toBeGreaterThanOrEqual(1);
    const still = await server.database.db
      .selectFrom('call_outs')
      .select('records_expired_at')
      .where('id', '=', ids.oldCallOut)
      .executeTakeFirstOrThrow();
    expect(still.records_expired_at).toBeNull();
  });

  it('two instances at once expire exactly what expired and nothing younger; the chain verifies', async () => {
    const db = server.database.db;
    const countsBefore = {
      allies: (
        await db
          .selectFrom('call_out_allies')
          .select('person_id')
          .where('call_out_id', '=', ids.oldCallOut)
          .execute()
      ).length,
      calls: (
        await db.selectFrom('call_out_calls').select('id').where('call_out_id', '=', ids.oldCallOut).execute()
      ).length,
      reached: (
        await db
          .selectFrom('call_out_calls')
          .select('id')
          .where('call_out_id', '=', ids.oldCallOut)
          .where('outcome', '=', 'reached')
          .execute()
      ).length,
    };
    const [a, b] = await Promise.all([runRetention(deps), runRetention(deps)]);
    const outcomes = [...a, ...b];
    expect(outcomes).toHaveLength(1);
    const counts = Object.fromEntries((outcomes[0]?.counts ?? []).map((c) => [c.kind, c.expired]));
    // What the run did is what the preview said was due today.
    for (const kind of ['call-out-records', 'meeting-records', 'local-sessions', 'key-figures-inactive'])
      expect(counts[kind]).toBe(preview.kinds.find((k) => k.kind === kind)?.dueToday);
    expect(outcomes[0]?.failed).toEqual([]);

    // Call-outs: the old one keeps its rows (counts) but no longer who was called; the young one is untouched.
    const oldCallOut = await db
      .selectFrom('call_outs')
      .select('records_expired_at')
      .where('id', '=', ids.oldCallOut)
      .executeTakeFirstOrThrow();
    expect(oldCallOut.records_expired_at).toEqual(CLOCK);
    const oldAllies = await db
      .selectFrom('call_out_allies')
      .select('person_id')
      .where('call_out_id', '=', ids.oldCallOut)
      .execute();
    expect(oldAllies).toHaveLength(countsBefore.allies);
    expect(oldAllies.map((r) => r.person_id)).not.toContain(esraId);
    expect(oldAllies.map((r) => r.person_id)).not.toContain(ids.inactive);
    const oldCalls = await db
      .selectFrom('call_out_calls')
      .select(['person_id', 'heard', 'outcome'])
      .where('call_out_id', '=', ids.oldCallOut)
      .execute();
    expect(oldCalls).toHaveLength(countsBefore.calls);
    expect(oldCalls.filter((c) => c.outcome === 'reached')).toHaveLength(countsBefore.reached);
    expect(oldCalls.every((c) => c.heard === null)).toBe(true);
    expect(new Set(oldCalls.map((c) => c.person_id))).toEqual(new Set(oldAllies.map((r) => r.person_id)));
    const oldEvents = await db
      .selectFrom('call_out_events')
      .select('person_id')
      .where('call_out_id', '=', ids.oldCallOut)
      .execute();
    expect(new Set(oldEvents.map((e) => e.person_id))).toEqual(new Set(oldAllies.map((r) => r.person_id)));
    expect(
      await db
        .selectFrom('call_out_answers')
        .select('note')
        .where('call_out_id', '=', ids.oldCallOut)
        .execute(),
    ).toEqual([{ note: null }]);
    expect(
      await db
        .selectFrom('call_out_deliveries')
        .select(['conversation_id', 'service_url', 'state'])
        .where('call_out_id', '=', ids.oldCallOut)
        .execute(),
    ).toEqual([{ conversation_id: null, service_url: null, state: 'sent' }]);
    const youngAllies = await db
      .selectFrom('call_out_allies')
      .select('person_id')
      .where('call_out_id', '=', ids.youngCallOut)
      .execute();
    expect(youngAllies.map((r) => r.person_id).sort()).toEqual([esraId, ids.called].sort());
    expect(
      await db
        .selectFrom('call_out_calls')
        .select('heard')
        .where('call_out_id', '=', ids.youngCallOut)
        .execute(),
    ).toEqual([{ heard: 'Fictief gehoord' }, { heard: 'Fictief gehoord' }]);
    expect(
      await db
        .selectFrom('call_out_answers')
        .select('note')
        .where('call_out_id', '=', ids.youngCallOut)
        .execute(),
    ).toEqual([{ note: 'Fictieve notitie' }]);
    // No call-out closed after the last expired day was touched.
    expect(
      await db
        .selectFrom('call_outs')
        .select('id')
        .where('records_expired_at', 'is not', null)
        .where('closed_at', '>=', new Date('2025-01-10T23:00:00Z'))
        .execute(),
    ).toEqual([]);

    // Meetings: the old one loses its notes, finished action text and addresses; counts stay.
    const oldRecord = await db
      .selectFrom('meeting_records')
      .select(['themes', 'themes_text', 'mood'])
      .where('meeting_id', '=', ids.oldMeeting)
      .executeTakeFirstOrThrow();
    expect(oldRecord).toEqual({ themes: ['veiligheid'], themes_text: null, mood: 4 });
    const oldActions = await db
      .selectFrom('meeting_actions')
      .select(['description', 'status'])
      .where('meeting_id', '=', ids.oldMeeting)
      .orderBy('status')
      .execute();
    expect(oldActions).toEqual([
      { description: 'Verwijderd na de bewaartermijn', status: 'done' },
      { description: 'Fictieve actie open', status: 'open' },
    ]);
    const oldResponses = await db
      .selectFrom('meeting_responses')
      .select(['address', 'person_id', 'response'])
      .where('meeting_id', '=', ids.oldMeeting)
      .execute();
    expect(oldResponses).toHaveLength(1);
    expect(oldResponses[0]).toMatchObject({ person_id: null, response: 'accepted' });
    expect(oldResponses[0]?.address).toMatch(/^verlopen-[0-9a-f]{16}@erased\.invalid$/);
    expect(
      await db
        .selectFrom('meeting_attendance')
        .select('person_id')
        .where('meeting_id', '=', ids.oldMeeting)
        .execute(),
    ).toHaveLength(2);
    const attendees = await db
      .selectFrom('calendar_attendees')
      .select(['address', 'name'])
      .where('event_id', '=', ids.oldEvent)
      .execute();
    expect(attendees[0]?.name).toBeNull();
    expect(attendees[0]?.address).toMatch(/@erased\.invalid$/);
    expect(
      await db.selectFrom('calendar_outbox').select('id').where('event_id', '=', ids.oldEvent).execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom('meeting_records')
        .select('themes_text')
        .where('meeting_id', '=', ids.youngMeeting)
        .execute(),
    ).toEqual([{ themes_text: 'Fictieve notitie' }]);
    expect(
      await db
        .selectFrom('meeting_responses')
        .select(['address', 'person_id'])
        .where('meeting_id', '=', ids.youngMeeting)
        .execute(),
    ).toEqual([{ address: 'fictief@example.org', person_id: esraId }]);
    expect(
      await db
        .selectFrom('meetings')
        .select('id')
        .where('records_expired_at', 'is not', null)
        .where('meeting_date', '>', '2025-01-10')
        .execute(),
    ).toEqual([]);

    // The inzage of an ally on both call lists and at both meetings: after expiry only the young records name them.
    const parts = Object.fromEntries(
      (
        await Promise.all(
          deps.personDataHolders.map((holder) => holder.describe?.(esraId) ?? Promise.resolve([])),
        )
      )
        .flat()
        .map((part) => [part.kind, part.rows]),
    );
    expect(parts['call-lists']?.map((row) => row.facts.callOutId)).toContain(ids.youngCallOut);
    expect(parts['call-lists']?.map((row) => row.facts.callOutId)).not.toContain(ids.oldCallOut);
    expect(parts['call-out-calls']?.filter((row) => row.facts.callOutId === ids.youngCallOut)).toEqual([
      {
        on: '2025-01-11T09:00:00.000Z',
        facts: { callOutId: ids.youngCallOut, outcome: 'reached', coming: true, text: 'Fictief gehoord' },
      },
    ]);
    expect(parts['call-out-calls']?.map((row) => row.facts.callOutId)).not.toContain(ids.oldCallOut);
    expect(parts['meeting-responses']?.map((row) => row.facts.meetingId)).toContain(ids.youngMeeting);
    expect(parts['meeting-responses']?.map((row) => row.facts.meetingId)).not.toContain(ids.oldMeeting);
    // Attendance stays (the counts), so the person still finds it in the inzage.
    expect(parts['meeting-attendance']?.map((row) => row.facts.meetingId)).toEqual(
      expect.arrayContaining([ids.oldMeeting, ids.youngMeeting]),
    );

    // Sessions: the one that ended on the last expired day went, the one that ended a minute later stayed.
    const sessions = await db
      .selectFrom('local_sessions')
      .select('token_hash')
      .where('token_hash', 'like', 'fictief-%')
      .execute();
    expect(sessions).toEqual([{ token_hash: 'fictief-jong' }]);

    // Inactivity: only the two without activity after the last expired day are erased, as the job.
    const erasures = await db
      .selectFrom('person_erasures')
      .select(['person_id', 'reason', 'erased_by'])
      .execute();
    expect(erasures.map((e) => e.person_id).sort()).toEqual([ids.inactive, ids.inactiveOnCutoff].sort());
    expect(erasures.every((e) => e.reason === 'no-longer-needed' && e.erased_by === null)).toBe(true);
    const kept = await db
      .selectFrom('people')
      .select(['display_name', 'erased_at'])
      .where('id', 'in', [ids.contacted, ids.attended, ids.called, esraId])
      .execute();
    expect(kept.every((p) => p.erased_at === null)).toBe(true);

    await sealAuditJournal(db);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'object_type', 'object_id'])
      .where('channel', '=', 'job')
      .orderBy('seq')
      .execute();
    expect(audit.filter((row) => row.action === 'privacy.retention-run')).toEqual([
      { action: 'privacy.retention-run', object_type: 'retention-run', object_id: outcomes[0]?.runId },
    ]);
    expect(
      audit
        .filter((row) => row.action === 'person.erase')
        .map((row) => row.object_id)
        .sort(),
    ).toEqual([ids.inactive, ids.inactiveOnCutoff].sort());
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
    expect(server.logLines.some((line) => line.includes('Fictie'))).toBe(false);

    // The next day nothing of these kinds is left (what was expired is not counted again).
    const nextDay = await runRetention({ ...deps, now: () => new Date('2027-01-11T04:00:00Z') });
    const next = Object.fromEntries((nextDay[0]?.counts ?? []).map((c) => [c.kind, c.expired]));
    // A day later the records of the day after are due: each kind one step further, nothing twice.
    expect(next).toMatchObject({ 'call-out-records': 1, 'meeting-records': 1, 'key-figures-inactive': 3 });
  });

  it('refuses an inactivity window longer than the activity logs keep, in both directions', async () => {
    const anouk = await signInAs(server.url, 'Anouk Terpstra');
    const tooLong = await callApi(
      server.url,
      anouk,
      'PUT',
      '/api/v1/privacy/retention/key-figures-inactive',
      {
        days: 800,
      },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLong.body.errors[0]).toMatchObject({
      field: 'body.days',
      code: 'too_big',
      kind: 'activity_log',
      max: 730,
    });
    const tooShort = await callApi(server.url, anouk, 'PUT', '/api/v1/privacy/retention/contact-notes', {
      days: 400,
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors[0]).toMatchObject({
      field: 'body.days',
      code: 'too_small',
      kind: 'inactivity',
      min: 730,
    });
    const shorter = await callApi(
      server.url,
      anouk,
      'PUT',
      '/api/v1/privacy/retention/key-figures-inactive',
      {
        days: 365,
      },
    );
    expect(shorter.status).toBe(200);
    const nowShorterLog = await callApi(server.url, anouk, 'PUT', '/api/v1/privacy/retention/contact-notes', {
      days: 400,
    });
    expect(nowShorterLog.status).toBe(200);
    expect(nowShorterLog.body.rules.map((r: { kind: string }) => r.kind)).toEqual([
      'former-member',
      'consent-withdrawn',
      'not-admitted',
      'contact-notes',
      'call-out-records',
      'meeting-records',
      'local-sessions',
      'key-figures-inactive',
    ]);
  });
});
