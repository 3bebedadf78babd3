import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import { CONFIDENTIAL_NOTICE } from '../../src/platform/confidential-notice.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * Issue 18, item 3 and 6: the inzage of one person and the processing register as readable PDFs, read back
 * with pdfjs: Dutch headings, the person's fictional name and what other capabilities hold about them, the
 * confidentiality notice; audited; administrators only; problem+json on bad input.
 */
const STANDARD_FONTS = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).href;
let server: TestServer;
let anouk: string;
let petra: string;
let esraId: string;

async function pdfText(
  path: string,
  cookie: string,
): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { cookie, 'x-bondgenoten-client': 'tab' },
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/pdf'))
    return { status: response.status, type, text: await response.text() };
  const pdf = await getDocument({
    data: new Uint8Array(await response.arrayBuffer()),
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  // Words wrapped over lines come back as separate items: compare with whitespace folded.
  return { status: response.status, type, text: pages.join('\n').replace(/\s+/g, ' ') };
}

beforeAll(async () => {
  server = await startTestServer();
  anouk = await signInAs(server.url, 'Anouk Terpstra');
  petra = await signInAs(server.url, 'Petra Lindeboom');
  const db = server.database.db;
  esraId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Esra Demirtaş-Kuipers')
      .executeTakeFirstOrThrow()
  ).id;
  const sanne = await db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', 'Sanne Verhoef')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('person_contacts')
    .values({
      person_id: esraId,
      contacted_on: '2026-11-02',
      user_id: sanne.id,
      channel: 'phone',
      gist: 'Fictief gesprek over de buurtavond',
      created_at: new Date('2026-11-02T10:00:00Z'),
    })
    .execute();
  // What selection and the evaluation hold about her: the proposal that led to her, an assessment, the home
  // visit, and a half-yearly decision (all fictional, dated 2019 so no demo row is confused with them).
  const { network_id: networkId } = await db
    .selectFrom('network_people')
    .select('network_id')
    .where('person_id', '=', esraId)
    .executeTakeFirstOrThrow();
  const candidate = await db
    .insertInto('selection_candidates')
    .values({
      network_id: networkId,
      display_name: 'Esra Demirtaş-Kuipers',
      neighbourhood_id: null,
      mobile: null,
      email: null,
      proposed_by_party: 'politie',
      proposed_by_user_id: null,
      motivation: 'Fictieve motivatie: bekend bij de moskeevereniging',
      status: 'admitted',
      visit_planned_on: null,
      person_id: esraId,
      merged_into_id: null,
      decided_at: new Date('2019-03-01T10:00:00Z'),
      created_at: new Date('2019-01-15T10:00:00Z'),
      updated_at: new Date('2019-03-01T10:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('selection_assessments')
    .values({
      candidate_id: candidate.id,
      party: 'gemeente',
      criterion: 'integrity',
      verdict: 'meets',
      note: 'Fictieve beoordeling door de gemeente',
      assessed_by_user_id: null,
      assessed_at: new Date('2019-02-01T10:00:00Z'),
    })
    .execute();
  await db
    .insertInto('selection_visits')
    .values({
      candidate_id: candidate.id,
      visited_on: '2019-02-15',
      gemeente_visitor_id: null,
      politie_visitor_id: null,
      outcome: 'positive',
      note: 'Fictief huisbezoek, goed gesprek',
      article_1_accepted: true,
      confidentiality_accepted: true,
      crisis_availability_accepted: true,
      consent_date: '2019-02-15',
      legal_basis: 'consent',
      recorded_by_user_id: null,
      recorded_at: new Date('2019-02-15T12:00:00Z'),
    })
    .execute();
  const evaluation = await db
    .insertInto('evaluations')
    .values({
      id: crypto.randomUUID(),
      network_id: networkId,
      period_from: '2019-01-01',
      period_to: '2019-06-30',
      held_on: '2019-07-02',
      mix_note: null,
      gaps_note: null,
      general_note: null,
      coverage_gaps: 0,
      recorded_by: null,
      recorded_at: new Date('2019-07-02T10:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('evaluation_allies')
    .values({
      evaluation_id: evaluation.id,
      person_id: esraId,
      decision: 'talk',
      note: 'Fictief: vaker uitnodigen',
      meetings_held: 3,
      meetings_attended: 1,
      call_outs: 1,
      call_outs_reached: 0,
    })
    .execute();
});
afterAll(async () => {
  await server?.close();
});

describe(`privacy PDFs on ${TEST_ENGINE}`, () => {
  it('answers the inzage as JSON with what other capabilities hold, and as a Dutch PDF with the same content', async () => {
    const json = await callApi(server.url, anouk, 'GET', `/api/v1/privacy/people/${esraId}/inzage`);
    expect(json.status).toBe(200);
    const notes = json.body.records.find((part: { kind: string }) => part.kind === 'contact-notes');
    expect(notes).toMatchObject({ holder: 'signals' });
    expect(notes.rows).toContainEqual({
      on: '2026-11-02',
      facts: { channel: 'phone', text: 'Fictief gesprek over de buurtavond' },
    });
    expect(json.body.incomplete).toEqual([]);

    const pdf = await pdfText(`/api/v1/privacy/people/${esraId}/inzage.pdf`, anouk);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    for (const text of [
      'Inzage in persoonsgegevens (AVG art. 15)',
      'Esra Demirtaş-Kuipers',
      'Persoonsgegevens',
      'Gemeenschappen',
      'Netwerken',
      'Contactnotities',
      'Fictief gesprek over de buurtavond',
      'Wie de gegevens las of wijzigde (audittrail)',
      'Inzage in persoonsgegevens gedownload als PDF (AVG art. 15)',
      CONFIDENTIAL_NOTICE.nl.slice(0, 40),
    ])
      expect(pdf.text).toContain(text);
    // Every part the JSON holds has its Dutch heading in the PDF.
    const headings: Record<string, string> = {
      relations: 'Relaties',
      'contact-notes': 'Contactnotities',
      signals: 'Signalen',
      'call-lists': 'Bellijsten van crisisoproepen',
      'call-out-calls': 'Gesprekken bij crisisoproepen',
      'meeting-responses': 'Reacties op uitnodigingen voor overleggen',
      'meeting-attendance': 'Aanwezigheid bij overleggen',
      'selection-candidacies': 'Voordrachten als sleutelfiguur',
      'selection-assessments': 'Beoordelingen bij de selectie',
      'selection-visits': 'Huisbezoek bij de selectie',
      'evaluation-decisions': 'Besluiten bij de halfjaarlijkse evaluatie',
    };
    for (const part of json.body.records as { kind: string }[])
      expect(pdf.text).toContain(headings[part.kind]);

    // Selection and the evaluation answer too, codes said in Dutch words, notes printed as held.
    const part = (kind: string) => json.body.records.find((p: { kind: string }) => p.kind === kind);
    expect(part('selection-candidacies')).toMatchObject({ holder: 'selection' });
    expect(part('selection-candidacies').rows).toContainEqual({
      on: '2019-01-15T10:00:00.000Z',
      facts: expect.objectContaining({
        proposedBy: 'politie',
        status: 'admitted',
        motivation: 'Fictieve motivatie: bekend bij de moskeevereniging',
      }),
    });
    expect(part('selection-assessments').rows).toHaveLength(1);
    expect(part('selection-visits').rows[0]).toMatchObject({
      on: '2019-02-15',
      facts: { outcome: 'positive', consentDate: '2019-02-15', legalBasis: 'consent' },
    });
    expect(part('evaluation-decisions')).toMatchObject({ holder: 'evaluation' });
    expect(part('evaluation-decisions').rows).toContainEqual({
      on: '2019-07-02',
      facts: {
        decision: 'talk',
        text: 'Fictief: vaker uitnodigen',
        meetingsHeld: 3,
        meetingsAttended: 1,
        callOuts: 1,
        callOutsReached: 0,
      },
    });
    for (const text of [
      'Voorgedragen door: politie',
      'Status: toegelaten',
      'Criterium: Geen twijfel over integriteit',
      'Oordeel: voldoet',
      'Fictieve beoordeling door de gemeente',
      'Uitkomst: positief',
      'Fictief huisbezoek, goed gesprek',
      'Besluit: in gesprek gaan',
      'Fictief: vaker uitnodigen',
    ])
      expect(pdf.text).toContain(text);

    const english = await pdfText(`/api/v1/privacy/people/${esraId}/inzage.pdf?lang=en`, anouk);
    expect(english.text).toContain('Subject access export (GDPR art. 15)');
    expect(english.text).toContain('Esra Demirtaş-Kuipers');
  });

  it('serves the register as a Dutch PDF for the FG with the rules in force', async () => {
    const pdf = await pdfText('/api/v1/privacy/register.pdf', anouk);
    expect(pdf.status).toBe(200);
    for (const text of [
      'Verwerkingsregister (AVG art. 30) en DPIA-invoer',
      'Doeleinden',
      'Grondslagen',
      'Bewaartermijnen',
      'Contactnotities',
      '730 dagen (standaard)',
      'Sleutelfiguren en bondgenoten zonder activiteit',
      'Beveiligingsmaatregelen',
      'Microsoft (Microsoft 365, Teams, Graph, Azure) als verwerker, binnen de EU-datagrens',
    ])
      expect(pdf.text).toContain(text);
    expect(pdf.text).not.toContain('Keeping in touch with key figures');
  });

  it('is for administrators only, problem+json on bad input, and audited with the chain intact', async () => {
    expect((await pdfText(`/api/v1/privacy/people/${esraId}/inzage.pdf`, petra)).status).toBe(403);
    expect((await pdfText('/api/v1/privacy/register.pdf', petra)).status).toBe(403);
    const badLang = await pdfText(`/api/v1/privacy/people/${esraId}/inzage.pdf?lang=fr`, anouk);
    expect(badLang.status).toBe(400);
    expect(badLang.type).toContain('application/problem+json');
    expect(JSON.parse(badLang.text).errors[0]).toMatchObject({ field: 'query.lang' });
    const badId = await pdfText('/api/v1/privacy/people/not-a-uuid/inzage.pdf', anouk);
    expect(badId.status).toBe(400);
    expect(badId.type).toContain('application/problem+json');
    const unknown = await pdfText(
      '/api/v1/privacy/people/99999999-9999-4999-8999-999999999999/inzage.pdf',
      anouk,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');

    const db = server.database.db;
    await sealAuditJournal(db);
    const rows = await db
      .selectFrom('audit_events')
      .select(['action', 'object_type', 'object_id', 'result'])
      .where('action', 'in', ['person.inzage-pdf', 'privacy.register-pdf'])
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { action: 'person.inzage-pdf', object_type: 'person', object_id: esraId, result: 'success' },
      { action: 'person.inzage-pdf', object_type: 'person', object_id: esraId, result: 'success' },
      { action: 'privacy.register-pdf', object_type: null, object_id: null, result: 'success' },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
  });
});
