import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven
let fleur: string; // coordinator of Stad, no role in Haven
let havenId: string;
let yasminaId: string;
let royId: string;

const base = () => `/api/v1/networks/${havenId}`;

async function idOf(
  table: 'people' | 'areas' | 'communities',
  column: 'display_name' | 'name',
  value: string,
) {
  const row = await server.database.db
    .selectFrom(table)
    .select('id')
    .where(column as 'name', '=', value)
    .executeTakeFirstOrThrow();
  return row.id as string;
}

type Figures = {
  personId: string;
  meetingsHeld: number;
  meetingsAttended: number;
  callOuts: number;
  callOutsReached: number;
  signals: number | null;
};

beforeAll(async () => {
  server = await startTestServer();
  [sanne, petra, fleur] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
  ]);
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  yasminaId = await idOf('people', 'display_name', 'Yasmina el Ouali');
  royId = await idOf('people', 'display_name', 'Roy Martina-Boelen');
});
afterAll(async () => {
  await server.close();
});

describe('the half-yearly evaluation', () => {
  it('is due for a network that never held one, and only staff of the network see it', async () => {
    const list = await callApi(server.url, petra, 'GET', `${base()}/evaluations`);
    expect(list.status).toBe(200);
    // Haven was founded in 2019 and has no evaluation: six months after founding lies long past.
    expect(list.body.due).toEqual({ dueOn: '2019-09-14', state: 'overdue', scheduled: false });
    expect(list.body.evaluations).toEqual([]);
    expect((await callApi(server.url, fleur, 'GET', `${base()}/evaluations`)).status).toBe(403);
    // The draft shows contact-free figures to coordinators only.
    expect((await callApi(server.url, petra, 'GET', `${base()}/evaluations/draft`)).status).toBe(403);
  });

  it('gives the network page the due state alone, without personal data and without an audit row', async () => {
    await sealAuditJournal(server.database.db);
    const countOf = async () =>
      Number(
        (
          await server.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', 'like', 'evaluation.%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countOf();
    const due = await callApi(server.url, petra, 'GET', `${base()}/evaluation-due`);
    expect(due.status).toBe(200);
    expect(due.body).toEqual({ dueOn: '2019-09-14', state: 'overdue', scheduled: false });
    await sealAuditJournal(server.database.db);
    expect(await countOf()).toBe(before);
    expect((await callApi(server.url, fleur, 'GET', `${base()}/evaluation-due`)).status).toBe(403);
  });

  it('counts attendance from meeting records, answered calls from call-outs and signals brought in', async () => {
    const before = await callApi(server.url, sanne, 'GET', `${base()}/evaluations/draft`);
    expect(before.status).toBe(200);
    const figuresOf = (body: { allies: Figures[] }, id: string) =>
      body.allies.find((a) => a.personId === id) as Figures;
    expect(before.body.allies).toHaveLength(5);
    expect(figuresOf(before.body, yasminaId).signals).toEqual(expect.any(Number));

    // A meeting held ten days ago, Yasmina present and Roy absent.
    const held = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    const date = held.toISOString().slice(0, 10);
    const { id: meetingId } = await server.database.db
      .insertInto('meetings')
      .values({
        network_id: havenId,
        meeting_date: date,
        starts_at: `${date}T17:00:00Z`,
        ends_at: `${date}T19:00:00Z`,
        status: 'held',
        organiser: 'secretaris@example.org',
        intent_id: crypto.randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('meeting_attendance')
      .values([
        { meeting_id: meetingId, person_id: yasminaId, present: true },
        { meeting_id: meetingId, person_id: royId, present: false },
      ])
      .execute();
    // A call-out in Centrum Haven for the Moroccan community puts Yasmina on the call list; she answers.
    const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
      kind: 'tension',
      urgency: 'today',
      summary: 'Fictieve spanning',
      ask: 'Peil je achterban',
      placeIds: [await idOf('areas', 'name', 'Centrum Haven')],
      communityIds: [await idOf('communities', 'name', 'Marokkaans')],
    });
    expect(started.status).toBe(201);
    const called = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${started.body.id}/calls`, {
      personId: yasminaId,
      outcome: 'reached',
    });
    expect(called.status).toBe(201);
    // Yasmina tells Sanne about a fictional tension: one signal she brought in.
    const signalled = await callApi(server.url, sanne, 'POST', `${base()}/signals`, {
      personId: yasminaId,
      channel: 'phone',
      urgency: 'attention',
      wijkIds: [await idOf('areas', 'name', 'Centrum Haven')],
      communityIds: [],
      themes: ['overlast'],
      text: 'Fictief: geluidsoverlast bij het buurthuis',
      assessment: null,
    });
    expect(signalled.status).toBe(201);

    const after = await callApi(server.url, sanne, 'GET', `${base()}/evaluations/draft`);
    const [y0, y1] = [figuresOf(before.body, yasminaId), figuresOf(after.body, yasminaId)];
    const [r0, r1] = [figuresOf(before.body, royId), figuresOf(after.body, royId)];
    expect(y1.meetingsHeld).toBe(y0.meetingsHeld + 1);
    expect(y1.meetingsAttended).toBe(y0.meetingsAttended + 1);
    expect(r1.meetingsAttended).toBe(r0.meetingsAttended);
    expect(y1.callOuts).toBe(y0.callOuts + 1);
    expect(y1.callOutsReached).toBe(y0.callOutsReached + 1);
    expect(r1.callOutsReached).toBe(r0.callOutsReached);
    expect(y1.signals).toBe((y0.signals ?? 0) + 1);
    expect(r1.signals).toBe(r0.signals);
    // The network questions reuse coverage and representativeness.
    expect(after.body.network.allies).toBe(5);
    expect(after.body.network.coverageGaps.length).toBe(3);
    expect(after.body.network.coverageGaps[0]).toEqual({
      neighbourhood: expect.any(String),
      community: expect.any(String),
    });
  });

  it('refuses an evaluation that skips an ally or names someone else, with field codes', async () => {
    const missing = await callApi(server.url, sanne, 'POST', `${base()}/evaluations`, {
      decisions: [{ personId: yasminaId, decision: 'continue' }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.decisions', code: 'required', kind: 'ally', count: 4 }),
    );
    const stranger = await callApi(server.url, sanne, 'POST', `${base()}/evaluations`, {
      decisions: [{ personId: await idOf('people', 'display_name', 'Ilse Brandsma'), decision: 'talk' }],
    });
    expect(stranger.body.errors).toContainEqual(
      expect.objectContaining({
        field: 'body.decisions.0.personId',
        code: 'unknown_reference',
        kind: 'ally',
      }),
    );
    const bad = await callApi(server.url, sanne, 'POST', `${base()}/evaluations`, {
      decisions: [{ personId: yasminaId, decision: 'maybe' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.decisions.0.decision', code: 'invalid_value' });
    expect(
      (await callApi(server.url, petra, 'POST', `${base()}/evaluations`, { decisions: [] })).status,
    ).toBe(403);
  });

  it('stores the evaluation, moves the due date six months on, lists it in the history and audits it', async () => {
    const draft = await callApi(server.url, sanne, 'GET', `${base()}/evaluations/draft`);
    const decisions = draft.body.allies.map((ally: Figures) => ({
      personId: ally.personId,
      decision: ally.personId === royId ? 'goodbye' : ally.personId === yasminaId ? 'talk' : 'continue',
      note: ally.personId === royId ? 'Komt al lang niet meer (fictief)' : '',
    }));
    const recorded = await callApi(server.url, sanne, 'POST', `${base()}/evaluations`, {
      decisions,
      mixNote: 'Te weinig jongeren (fictief)',
      gapsNote: null,
    });
    expect(recorded.status).toBe(201);
    const roy = recorded.body.allies.find((a: { personId: string }) => a.personId === royId);
    expect(roy).toMatchObject({
      decision: 'goodbye',
      note: 'Komt al lang niet meer (fictief)',
      kindNow: 'ally',
    });
    expect(recorded.body.allies.find((a: { personId: string }) => a.personId === yasminaId).note).toBeNull();
    expect(recorded.body.mixNote).toBe('Te weinig jongeren (fictief)');
    expect(recorded.body.recordedBy).toBe('Sanne Verhoef');

    const list = await callApi(server.url, petra, 'GET', `${base()}/evaluations`);
    expect(list.body.evaluations).toEqual([
      expect.objectContaining({ id: recorded.body.id, continue: 3, talk: 1, goodbye: 1 }),
    ]);
    expect(list.body.due.state).toBe('later');
    expect(list.body.due.dueOn > recorded.body.heldOn).toBe(true);

    // "Afscheid nemen" leads to the farewell, which names the evaluation; the evaluation then shows Roy left.
    const { version } = await server.database.db
      .selectFrom('people')
      .select('version')
      .where('id', '=', royId)
      .executeTakeFirstOrThrow();
    const farewell = await callApi(server.url, sanne, 'POST', `/api/v1/people/${royId}/farewell`, {
      version,
      endedOn: recorded.body.heldOn,
      reason: 'evaluation',
      thanked: true,
      evaluationId: recorded.body.id,
    });
    expect(farewell.status).toBe(201);
    const again = await callApi(server.url, petra, 'GET', `${base()}/evaluations/${recorded.body.id}`);
    expect(again.body.allies.find((a: { personId: string }) => a.personId === royId).kindNow).toBe(
      'former_ally',
    );

    await sealAuditJournal(server.database.db);
    const actions = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_type'])
      .where('action', 'like', 'evaluation.%')
      .execute();
    expect(actions).toContainEqual({ action: 'evaluation.record', object_type: 'evaluation' });
    expect(actions).toContainEqual({ action: 'evaluation.list', object_type: 'network' });
    expect(actions).toContainEqual({ action: 'evaluation.read', object_type: 'evaluation' });
  });

  it('lets coordinators set the next due date', async () => {
    const set = await callApi(server.url, sanne, 'PUT', `${base()}/evaluation-schedule`, {
      nextDueOn: '2027-03-01',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ dueOn: '2027-03-01', scheduled: true });
    const bad = await callApi(server.url, sanne, 'PUT', `${base()}/evaluation-schedule`, {
      nextDueOn: 'soon',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.nextDueOn', code: 'invalid_format' });
  });
});
