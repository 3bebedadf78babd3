import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // gemeente, coordinator of Haven
let joris: string; // politie, coordinator of Haven
let petra: string; // gemeente, secretary of Haven
let mehmet: string; // politie, member of Stad only
let havenId: string;
let stadId: string;
const ids: Record<string, string> = {};

const base = () => `/api/v1/networks/${havenId}/selection`;
const candidateUrl = (id: string | undefined, tail = '') => `${base()}/candidates/${id ?? 'missing'}${tail}`;

async function allyCount(networkId: string): Promise<number> {
  const rows = await server.database.db
    .selectFrom('network_people')
    .innerJoin('people', 'people.id', 'network_people.person_id')
    .select('people.id')
    .where('network_people.network_id', '=', networkId)
    .where('people.kind', '=', 'ally')
    .execute();
  return rows.length;
}

async function auditCount(action: string): Promise<number> {
  await sealAuditJournal(server.database.db);
  const rows = await server.database.db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', action)
    .execute();
  return rows.length;
}

const fullAssessment = (verdict: 'meets' | 'doubt') => ({
  assessments: [
    'intrinsic_motivation',
    'wants_to_act',
    'article_1',
    'no_personal_gain',
    'socially_engaged',
    'support_following',
    'communicative',
    'not_regular_professional',
    'integrity',
    'tolerance',
    'no_self_interest',
  ].map((criterion) => ({ criterion, verdict, note: verdict === 'doubt' ? 'Fictieve twijfel' : '' })),
});

const goodVisit = () => ({
  visitedOn: '2026-11-20',
  gemeenteVisitorId: ids.sanne,
  politieVisitorId: ids.joris,
  outcome: 'positive',
  note: 'Fictief verslag',
  article1Accepted: true,
  confidentialityAccepted: true,
  crisisAvailabilityAccepted: true,
  consentDate: '2026-11-20',
  legalBasis: 'consent',
});

beforeAll(async () => {
  server = await startTestServer();
  [sanne, joris, petra, mehmet] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Joris Amrani'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Mehmet Kaya-de Bruin'),
  ]);
  const db = server.database.db;
  const network = (name: string) =>
    db.selectFrom('networks').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  havenId = (await network('Bondgenoten Haven')).id;
  stadId = (await network('Bondgenoten Stad')).id;
  const user = (name: string) =>
    db.selectFrom('users').select('id').where('display_name', '=', name).executeTakeFirstOrThrow();
  ids.sanne = (await user('Sanne Verhoef')).id;
  ids.joris = (await user('Joris Amrani')).id;
  const area = (name: string) =>
    db.selectFrom('areas').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  ids.werven = (await area('De Werven')).id;
  ids.marken = (await area('De Marken')).id;
  ids.ravi = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Ravi Ramsaran-Tol')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server.close();
});

describe('selection: two lists, matching, review, visit and the two-party decision', () => {
  it('records who proposed a candidate for which party, with motivation, wijk and communities', async () => {
    const proposed = await callApi(server.url, sanne, 'POST', `${base()}/candidates`, {
      displayName: 'Fatma Yılmaz',
      neighbourhoodId: ids.werven,
      mobile: '06-12349901',
      motivation: 'Fictief: actief in de buurtvereniging',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      displayName: 'Fatma Yılmaz',
      status: 'proposed',
      mobile: '+31612349901',
      proposedBy: [{ party: 'gemeente', staff: { userId: ids.sanne, displayName: 'Sanne Verhoef' } }],
      neighbourhood: { name: 'De Werven' },
      matches: [],
    });
    ids.fatma = proposed.body.id;
    expect(await auditCount('selection.propose')).toBe(1);
  });

  it('matches the same person proposed by the police, and merges them on "zelfde persoon"', async () => {
    const second = await callApi(server.url, joris, 'POST', `${base()}/candidates`, {
      displayName: 'fatma yilmaz',
      neighbourhoodId: ids.werven,
      motivation: 'Fictief: bekend bij de wijkagent',
    });
    expect(second.status).toBe(201);
    expect(second.body.proposedBy).toEqual([
      {
        candidateId: second.body.id,
        party: 'politie',
        staff: { userId: ids.joris, displayName: 'Joris Amrani' },
      },
    ]);
    expect(second.body.matches).toEqual([
      expect.objectContaining({ kind: 'candidate', id: ids.fatma, reason: 'name_wijk', decision: null }),
    ]);
    expect(second.body.openMatches).toBe(1);
    const merged = await callApi(server.url, joris, 'POST', candidateUrl(second.body.id, '/matches'), {
      kind: 'candidate',
      id: ids.fatma,
      decision: 'same',
    });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(ids.fatma);
    expect(merged.body.proposedBy.map((p: { party: string }) => p.party)).toEqual(['gemeente', 'politie']);
    const overview = await callApi(server.url, sanne, 'GET', base());
    expect(overview.body.candidates.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Fatma Yılmaz',
    ]);
    expect(overview.body).toMatchObject({ myParty: 'gemeente', allies: 5, limits: { soft: 10, hard: 15 } });
    expect((await callApi(server.url, sanne, 'GET', candidateUrl(second.body.id))).status).toBe(404);

    // Either party can undo "zelfde persoon" before admission: the police's proposal stands alone again.
    const undone = await callApi(
      server.url,
      sanne,
      'DELETE',
      candidateUrl(ids.fatma, `/merges/${second.body.id}`),
    );
    expect(undone.status).toBe(200);
    expect(undone.body.proposedBy.map((p: { party: string }) => p.party)).toEqual(['gemeente']);
    const apart = await callApi(server.url, joris, 'GET', candidateUrl(second.body.id));
    expect(apart.status).toBe(200);
    expect(apart.body.matches).toEqual([
      expect.objectContaining({ kind: 'candidate', id: ids.fatma, decision: null }),
    ]);
    expect(await auditCount('selection.merge-undo')).toBe(1);
    const notMerged = await callApi(
      server.url,
      sanne,
      'DELETE',
      candidateUrl(ids.fatma, `/merges/${second.body.id}`),
    );
    expect(notMerged.status).toBe(400);
    expect(notMerged.body.errors[0]).toMatchObject({ field: 'params.mergedId', code: 'unknown_reference' });
    // Merged again, as the rest of the walk expects.
    const again = await callApi(server.url, joris, 'POST', candidateUrl(second.body.id, '/matches'), {
      kind: 'candidate',
      id: ids.fatma,
      decision: 'same',
    });
    expect(again.body.proposedBy.map((p: { party: string }) => p.party)).toEqual(['gemeente', 'politie']);
  });

  it('matches a person the municipality already stored, and refuses an unknown match', async () => {
    const ravi = await callApi(server.url, sanne, 'POST', `${base()}/candidates`, {
      displayName: 'Ravi Ramsaran-Tol',
      neighbourhoodId: ids.marken,
      motivation: 'Fictief: voorzitter van een hindoestaanse vereniging',
    });
    expect(ravi.body.matches).toEqual([
      expect.objectContaining({ kind: 'person', id: ids.ravi, personKind: 'key_figure', decision: null }),
    ]);
    ids.raviCandidate = ravi.body.id;
    const unknown = await callApi(server.url, sanne, 'POST', candidateUrl(ravi.body.id, '/matches'), {
      kind: 'person',
      id: ids.sanne,
      decision: 'same',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'body.id', code: 'unknown_reference' }),
    ]);
    const linked = await callApi(server.url, sanne, 'POST', candidateUrl(ravi.body.id, '/matches'), {
      kind: 'person',
      id: ids.ravi,
      decision: 'same',
    });
    expect(linked.body).toMatchObject({ personId: ids.ravi, openMatches: 0 });
  });

  it('refuses transitions the pipeline does not allow, with a reason', async () => {
    const candidate = (await callApi(server.url, sanne, 'GET', candidateUrl(ids.fatma))).body;
    const jump = await callApi(server.url, sanne, 'POST', candidateUrl(ids.fatma, '/status'), {
      version: candidate.version,
      status: 'visited',
    });
    expect(jump.status).toBe(409);
    expect(jump.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(jump.body.reason).toBe('selection-bad-transition');
    const early = await callApi(server.url, sanne, 'POST', candidateUrl(ids.fatma, '/approvals'));
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe('selection-not-ready');
  });

  it('stores each party’s assessment per criterion and takes the candidate under review', async () => {
    const twice = await callApi(server.url, sanne, 'PUT', candidateUrl(ids.fatma, '/assessments'), {
      assessments: [
        { criterion: 'article_1', verdict: 'meets' },
        { criterion: 'article_1', verdict: 'doubt' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({ field: 'body.assessments', code: 'duplicate' });
    await callApi(server.url, sanne, 'PUT', candidateUrl(ids.fatma, '/assessments'), fullAssessment('meets'));
    const judged = await callApi(
      server.url,
      joris,
      'PUT',
      candidateUrl(ids.fatma, '/assessments'),
      fullAssessment('doubt'),
    );
    expect(judged.status).toBe(200);
    expect(judged.body.status).toBe('under_review');
    expect(judged.body.assessments).toHaveLength(22);
    expect(judged.body.assessments.filter((a: { party: string }) => a.party === 'politie')[0]).toMatchObject({
      verdict: 'doubt',
      note: 'Fictieve twijfel',
      assessedBy: { displayName: 'Joris Amrani' },
    });
  });

  it('plans and records the home visit with ground rules and consent', async () => {
    let candidate = (await callApi(server.url, sanne, 'GET', candidateUrl(ids.fatma))).body;
    const noDate = await callApi(server.url, sanne, 'POST', candidateUrl(ids.fatma, '/status'), {
      version: candidate.version,
      status: 'visit_planned',
    });
    expect(noDate.body.errors).toEqual([
      expect.objectContaining({ field: 'body.visitPlannedOn', code: 'required' }),
    ]);
    const planned = await callApi(server.url, sanne, 'POST', candidateUrl(ids.fatma, '/status'), {
      version: candidate.version,
      status: 'visit_planned',
      visitPlannedOn: '2026-11-20',
    });
    expect(planned.body).toMatchObject({ status: 'visit_planned', visitPlannedOn: '2026-11-20' });
    const stale = await callApi(server.url, joris, 'POST', candidateUrl(ids.fatma, '/status'), {
      version: candidate.version,
      status: 'on_hold',
    });
    expect(stale.body.reason).toBe('changed-meanwhile');
    const wrongParty = await callApi(server.url, sanne, 'PUT', candidateUrl(ids.fatma, '/visit'), {
      ...goodVisit(),
      gemeenteVisitorId: ids.joris,
    });
    expect(wrongParty.status).toBe(400);
    expect(wrongParty.body.errors).toEqual([
      expect.objectContaining({ field: 'body.gemeenteVisitorId', code: 'wrong_reference' }),
    ]);
    const visited = await callApi(server.url, sanne, 'PUT', candidateUrl(ids.fatma, '/visit'), goodVisit());
    expect(visited.status).toBe(200);
    candidate = visited.body;
    expect(candidate).toMatchObject({
      status: 'visited',
      visit: {
        outcome: 'positive',
        gemeenteVisitor: { displayName: 'Sanne Verhoef' },
        politieVisitor: { displayName: 'Joris Amrani' },
        article1Accepted: true,
        consentDate: '2026-11-20',
        legalBasis: 'consent',
      },
    });
  });

  it('admits an ally only when the municipality and the police have both approved (four eyes)', async () => {
    const before = await allyCount(havenId);
    const secretary = await callApi(server.url, petra, 'POST', candidateUrl(ids.fatma, '/approvals'));
    expect(secretary.status).toBe(403);
    const first = await callApi(server.url, sanne, 'POST', candidateUrl(ids.fatma, '/approvals'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      admitted: false,
      candidate: { status: 'visited', approvals: ['gemeente'] },
    });
    expect(await allyCount(havenId)).toBe(before);
    const again = await callApi(server.url, sanne, 'POST', candidateUrl(ids.fatma, '/approvals'));
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('selection-already-approved');
    const second = await callApi(server.url, joris, 'POST', candidateUrl(ids.fatma, '/approvals'));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      admitted: true,
      candidate: { status: 'admitted', approvals: ['gemeente', 'politie'] },
    });
    expect(await allyCount(havenId)).toBe(before + 1);
    const ally = await server.database.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', second.body.candidate.personId)
      .executeTakeFirstOrThrow();
    expect(ally).toMatchObject({
      kind: 'ally',
      display_name: 'Fatma Yılmaz',
      mobile: '+31612349901',
      consent_date: '2026-11-20',
      legal_basis: 'consent',
    });
    expect(await auditCount('selection.admit')).toBe(1);
    const closed = await callApi(
      server.url,
      sanne,
      'PUT',
      candidateUrl(ids.fatma, '/assessments'),
      fullAssessment('meets'),
    );
    expect(closed.body.reason).toBe('selection-closed');
  });

  it('makes the stored person an ally on admission instead of adding a duplicate', async () => {
    const id = ids.raviCandidate as string;
    let candidate = (
      await callApi(server.url, sanne, 'PUT', candidateUrl(id, '/assessments'), fullAssessment('meets'))
    ).body;
    candidate = (
      await callApi(server.url, sanne, 'POST', candidateUrl(id, '/status'), {
        version: candidate.version,
        status: 'visit_planned',
        visitPlannedOn: '2026-11-25',
      })
    ).body;
    await callApi(server.url, joris, 'PUT', candidateUrl(id, '/visit'), {
      ...goodVisit(),
      gemeenteVisitorId: null,
    });
    const people = async () => (await server.database.db.selectFrom('people').select('id').execute()).length;
    const before = await people();
    await callApi(server.url, joris, 'POST', candidateUrl(id, '/approvals'));
    const admitted = await callApi(server.url, sanne, 'POST', candidateUrl(id, '/approvals'));
    expect(admitted.body).toMatchObject({ admitted: true, candidate: { personId: ids.ravi } });
    expect(await people()).toBe(before);
    const ravi = await callApi(server.url, sanne, 'GET', `/api/v1/people/${ids.ravi}`);
    expect(ravi.body.kind).toBe('ally');
  });

  it('keeps candidates to the network’s own coordinators and members (need-to-know)', async () => {
    expect((await callApi(server.url, mehmet, 'GET', base())).status).toBe(403);
    expect((await callApi(server.url, petra, 'GET', base())).status).toBe(403);
    const elsewhere = await callApi(
      server.url,
      mehmet,
      'GET',
      `/api/v1/networks/${stadId}/selection/candidates/${ids.fatma}`,
    );
    expect(elsewhere.status).toBe(404);
  });
});

describe('the people API no longer makes anyone an ally', () => {
  it('refuses adding an ally directly, and changes nothing', async () => {
    const before = await allyCount(havenId);
    const created = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictieve Directe Bondgenoot',
      kind: 'ally',
      legalBasis: 'public_task',
    });
    expect(created.status).toBe(422);
    expect(created.body).toMatchObject({
      reason: 'ally-needs-selection',
      errors: [expect.objectContaining({ field: 'body.kind', code: 'ally_via_selection' })],
    });
    expect(await allyCount(havenId)).toBe(before);
  });

  it('refuses making a key figure an ally by PATCH, and the person keeps their version', async () => {
    const bas = await server.database.db
      .selectFrom('people')
      .select(['id', 'version'])
      .where('display_name', '=', 'Ilse Brandsma')
      .executeTakeFirstOrThrow();
    const patched = await callApi(server.url, sanne, 'PATCH', `/api/v1/people/${bas.id}`, {
      version: bas.version,
      kind: 'ally',
    });
    expect(patched.status).toBe(422);
    expect(patched.body.reason).toBe('ally-needs-selection');
    const after = await server.database.db
      .selectFrom('people')
      .select(['kind', 'version'])
      .where('id', '=', bas.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ kind: 'key_figure', version: bas.version });
  });

  it('flags a stored person in the import preview instead of duplicating them', async () => {
    const preview = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/imports/preview`, {
      csv: 'naam;soort;wijk;grondslag\nIlse Brandsma;sleutelfiguur;De Velden;publieke taak\nFictieve Nieuwe;bondgenoot;;publieke taak\n',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.rows[0].errors).toEqual([
      expect.objectContaining({ column: 'naam', code: 'duplicate', kind: 'person', reason: 'name_wijk' }),
    ]);
    expect(preview.body.rows[1].errors).toEqual([
      expect.objectContaining({ column: 'soort', code: 'ally_via_selection' }),
    ]);
  });
});
