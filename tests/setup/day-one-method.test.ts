import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import {
  type Caller,
  HOME_TENANT,
  type Json,
  POLICE_TENANT,
  type ProductionServer,
  startProductionServer,
} from '../helpers/production-server.js';

/**
 * Production first for the method's later parts (issues 16–18): Entra sign-in on an EMPTY database, set up
 * through the API, with a municipality coordinator from the home tenant and a police member from the second
 * allowed tenant. Both parties admit an ally through selection, the ally's signal is logged and counted in
 * the evaluation draft, and the administrator gives the ally inzage — none of it leaning on demo data.
 */
const ADMIN = 'aaaaaaaa-0000-4000-8000-000000000011';

let app: ProductionServer;
let database: DatabaseHandle;

beforeAll(async () => {
  app = await startProductionServer({ adminOid: ADMIN });
  database = app.database;
});
afterAll(async () => {
  await app?.close();
});

const call = (who: Caller, method: string, path: string, body?: unknown) => app.call(who, method, path, body);

/** Calls and expects a 2xx answer, naming the call and the problem when it is not. */
async function ok(who: Caller, method: string, path: string, body?: unknown): Promise<Json> {
  const answer = await call(who, method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

const admin: Caller = { tenant: HOME_TENANT, oid: ADMIN, name: 'Fictieve Beheerder' };
const gemeente: Caller = {
  tenant: HOME_TENANT,
  oid: 'cccccccc-0000-4000-8000-000000000012',
  name: 'Fictieve OOV-adviseur',
};
const politie: Caller = {
  tenant: POLICE_TENANT,
  oid: 'cccccccc-0000-4000-8000-000000000013',
  name: 'Fictieve Wijkagent',
};

const ids: Record<string, string> = {};

async function auditActions(): Promise<string[]> {
  await sealAuditJournal(database.db);
  const rows = await database.db.selectFrom('audit_events').select('action').orderBy('seq').execute();
  return rows.map((row) => row.action);
}

describe('the method on a database set up through the app (Entra mode, both tenants)', () => {
  it('sets up a municipality, a wijk and a network with a municipality coordinator and a police member', async () => {
    expect(await database.db.selectFrom('people').selectAll().execute()).toEqual([]);
    const municipality = await ok(admin, 'POST', '/municipalities', {
      name: 'Fictiefdorp',
      cbsCode: 'gm9902',
      schoolHolidayRegion: 'noord',
      latitude: 53.1,
      longitude: 6.1,
    });
    const district = await ok(admin, 'POST', `/municipalities/${municipality.id}/areas`, {
      kind: 'district',
      name: 'Kern',
    });
    const wijk = await ok(admin, 'POST', `/municipalities/${municipality.id}/areas`, {
      kind: 'neighbourhood',
      name: 'Fictief Centrum',
      parentId: district.id,
      cbsCode: 'WK990201',
    });
    ids.wijk = wijk.id;
    ids.network = (
      await ok(admin, 'POST', '/networks', { name: 'Bondgenoten Kern', areaId: district.id })
    ).id;
    // Both sign in once, so the app knows them and their party follows from their tenant.
    await ok(gemeente, 'GET', '/me');
    await ok(politie, 'GET', '/me');
    const staff = (await ok(admin, 'GET', '/staff')) as {
      id: string;
      displayName: string;
      organisation: string;
    }[];
    const byName = (name: string) => staff.find((member) => member.displayName === name);
    expect(byName(gemeente.name)?.organisation).toBe('gemeente');
    expect(byName(politie.name)?.organisation).toBe('politie');
    ids.gemeente = byName(gemeente.name)?.id ?? '';
    ids.politie = byName(politie.name)?.id ?? '';
    await ok(admin, 'PUT', `/networks/${ids.network}/roles/${ids.gemeente}`, { role: 'coordinator' });
    await ok(admin, 'PUT', `/networks/${ids.network}/roles/${ids.politie}`, { role: 'member' });
  });

  it('admits an ally only after both parties approve, and the ally is on the network page', async () => {
    const base = `/networks/${ids.network}/selection`;
    const candidate = await ok(gemeente, 'POST', `${base}/candidates`, {
      displayName: 'Fictieve Amina Bakker',
      neighbourhoodId: ids.wijk,
      mobile: '06-12349911',
      motivation: 'Fictief: vrijwilliger bij het buurthuis',
    });
    expect(candidate.proposedBy).toEqual([
      expect.objectContaining({
        party: 'gemeente',
        staff: { userId: ids.gemeente, displayName: gemeente.name },
      }),
    ]);
    const url = (tail: string) => `${base}/candidates/${candidate.id}${tail}`;
    const criteria = [
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
    ];
    const assessed = await ok(gemeente, 'PUT', url('/assessments'), {
      assessments: criteria.map((criterion) => ({ criterion, verdict: 'meets', note: '' })),
    });
    await ok(politie, 'POST', url('/status'), {
      version: assessed.version,
      status: 'visit_planned',
      visitPlannedOn: '2026-11-25',
    });
    await ok(politie, 'PUT', url('/visit'), {
      visitedOn: '2026-11-26',
      gemeenteVisitorId: ids.gemeente,
      politieVisitorId: ids.politie,
      outcome: 'positive',
      note: 'Fictief verslag',
      article1Accepted: true,
      confidentialityAccepted: true,
      crisisAvailabilityAccepted: true,
      consentDate: '2026-11-26',
      legalBasis: 'consent',
    });
    const first = await ok(politie, 'POST', url('/approvals'));
    expect(first.admitted).toBe(false);
    const second = await ok(gemeente, 'POST', url('/approvals'));
    expect(second.admitted).toBe(true);
    ids.ally = second.candidate.personId;

    const page = await ok(politie, 'GET', `/networks/${ids.network}`);
    expect(page.allies.map((ally: { displayName: string }) => ally.displayName)).toEqual([
      'Fictieve Amina Bakker',
    ]);
    // The administrator helps with set-up but does not take part in selection (need-to-know).
    expect((await call(admin, 'GET', base)).status).toBe(403);
  });

  it('logs the ally’s signal under a theme the migrations provide, and counts it in the evaluation draft', async () => {
    const choices = await ok(politie, 'GET', `/networks/${ids.network}/signal-choices`);
    expect(choices.themes.map((theme: { code: string }) => theme.code)).toContain('armoede');
    const signal = await call(politie, 'POST', `/networks/${ids.network}/signals`, {
      personId: ids.ally,
      channel: 'phone',
      urgency: 'attention',
      wijkIds: [ids.wijk],
      communityIds: [],
      themes: ['armoede'],
      text: 'Fictief: zorgen over de energierekening in de flat',
      assessment: 'Fictief: doorzetten naar schuldhulp',
    });
    expect(signal.status).toBe(201);
    const draft = await ok(gemeente, 'GET', `/networks/${ids.network}/evaluations/draft`);
    expect(draft.allies).toEqual([
      expect.objectContaining({ personId: ids.ally, displayName: 'Fictieve Amina Bakker', signals: 1 }),
    ]);
  });

  it('gives the ally inzage through the administrator, audited', async () => {
    const inzage = await call(admin, 'GET', `/privacy/people/${ids.ally}/inzage`);
    expect(inzage.status).toBe(200);
    expect(JSON.stringify(inzage.json)).toContain('Fictieve Amina Bakker');
    // The coordinator is no administrator: inzage is the administrator's task.
    expect((await call(gemeente, 'GET', `/privacy/people/${ids.ally}/inzage`)).status).toBe(403);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['selection.propose', 'selection.admit', 'signal.create', 'person.inzage']),
    );
  });
});
