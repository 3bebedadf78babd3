import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { absenceFromReplies } from '../../src/continuity/outlook-absence-service.js';
import { instantOf } from '../../src/m365/graph-automatic-replies.js';
import { addDays, localDate } from '../../src/platform/time.js';
import { createAutomaticReplies } from '../../src/server/adapters.js';
import { DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  FOREIGN_TENANT,
  POLICE_TENANT,
  startTenantsFixture,
  type TenantsFixture,
} from '../m365/m365-fixture.js';
import type { EntraTokenEndpointStandIn } from '../stand-ins/entra-token-endpoint.js';
import {
  type AutomaticRepliesSetting,
  type MailboxSettingsStandIn,
  startMailboxSettingsStandIn,
} from '../stand-ins/graph-mailbox-settings.js';

/**
 * Issue 19 item 1: an absence period taken over from Outlook's automatic replies, read through Microsoft Graph
 * (mailboxSettings, read only) in the staff member's own tenant: the municipality's (the home tenant, the demo
 * staff's) or the police's (a second allowed tenant). msal asks a loopback Entra token endpoint for each tenant's
 * app-only token, and the Graph stand-in serves a mailbox only to a token of its user's tenant.
 */
const HOME_TENANT = DEMO_TENANT_ID;
/** An allowed tenant whose administrator has not consented to the app yet (a second police unit, say). */
const UNCONSENTED_TENANT = '66666666-6666-4666-8666-666666666666';
let tenants: TenantsFixture;
let entra: EntraTokenEndpointStandIn;
let graph: MailboxSettingsStandIn;
let server: TestServer;
let local: TestServer;
let sanne: string; // coordinator of Haven, municipality (home tenant)
let petra: string; // secretary of Haven
let havenId: string;
let sanneUser: { id: string; aadObjectId: string };
let joris: { id: string; aadObjectId: string }; // wijkagent, police

const outlook = (target: TestServer, cookie: string, userId: string) =>
  callApi(target.url, cookie, 'GET', `/api/v1/networks/${havenId}/absences/outlook?userId=${userId}`);

/** Puts Joris's account in `tenantId`, as if the police had signed him in from there. */
async function jorisLivesIn(tenantId: string, awaitingSignIn = false) {
  await server.database.db
    .updateTable('users')
    .set({ tenant_id: tenantId, awaiting_sign_in: awaitingSignIn })
    .where('id', '=', joris.id)
    .execute();
}

/** A scheduled period from `from` 09:00 to the day after `until` 00:00, Amsterdam time in Outlook's Windows name. */
function scheduled(from: string, until: string) {
  const at = (date: string, time: string) => ({
    dateTime: `${date}T${time}.0000000`,
    timeZone: 'W. Europe Standard Time',
  });
  return {
    status: 'scheduled' as const,
    externalAudience: 'all' as const,
    scheduledStartDateTime: at(from, '09:00:00'),
    scheduledEndDateTime: at(addDays(until, 1), '00:00:00'),
    internalReplyMessage: 'Fictief: ik ben op cursus in Zwolle.',
    externalReplyMessage: 'Fictief: afwezig.',
  };
}

async function outlookReadsAudited(): Promise<string[]> {
  await sealAuditJournal(server.database.db);
  const rows = await server.database.db
    .selectFrom('audit_events')
    .select(['object_id'])
    .where('action', '=', 'absence.outlook-read')
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.object_id ?? '');
}

beforeAll(async () => {
  tenants = await startTenantsFixture({
    tenants: [HOME_TENANT, POLICE_TENANT, UNCONSENTED_TENANT],
    unconsented: [UNCONSENTED_TENANT],
  });
  entra = tenants.entra;
  graph = await startMailboxSettingsStandIn({ verifyToken: tenants.verifyToken });
  const { config, tokens } = tenants.configure(graph.baseUrl);
  // The production adapter, as compose.ts builds it in Entra mode; the server itself signs in locally.
  const automaticReplies = createAutomaticReplies({ config }, tokens);
  if (!automaticReplies) throw new Error('Entra mode builds the Graph adapter');
  server = await startTestServer({ automaticReplies });
  // The same database served without Microsoft 365, as the local run is: no Outlook to read.
  local = await startTestServer({ database: server.database });
  [sanne, petra] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
  ]);
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  const user = async (name: string) => {
    const row = await server.database.db
      .selectFrom('users')
      .select(['id', 'aad_object_id'])
      .where('display_name', '=', name)
      .executeTakeFirstOrThrow();
    return { id: row.id, aadObjectId: row.aad_object_id };
  };
  [sanneUser, joris] = await Promise.all([user('Sanne Verhoef'), user('Joris Amrani')]);
});
beforeEach(async () => {
  await jorisLivesIn(POLICE_TENANT);
});
afterAll(async () => {
  await local?.close();
  await server?.close();
  await graph?.close();
  await tenants?.close();
});

describe('an absence taken over from Outlook’s automatic replies', () => {
  it('reads a police staff member’s period in the police tenant with its own token: local dates, no reply texts, audited', async () => {
    const from = addDays(localDate(new Date()), 7);
    const until = addDays(from, 4);
    graph.mailboxes.set(joris.aadObjectId, { tenantId: POLICE_TENANT, setting: scheduled(from, until) });
    const tokensBefore = entra.tokenRequests.length;
    graph.requests.length = 0;
    const answer = await outlook(server, sanne, joris.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: 'scheduled', reason: null, startsOn: from, endsOn: until });
    expect(JSON.stringify(answer.body)).not.toContain('Zwolle');
    // The token came from the police tenant's authority, and Graph was asked with it.
    expect(entra.tokenRequests.slice(tokensBefore)).toEqual([
      expect.objectContaining({
        tenantId: POLICE_TENANT,
        status: 200,
        form: expect.objectContaining({
          grant_type: 'client_credentials',
          scope: `${graph.origin}/.default`,
        }),
      }),
    ]);
    expect(graph.requests).toEqual([
      {
        method: 'GET',
        path: `/v1.0/users/${joris.aadObjectId}/mailboxSettings/automaticRepliesSetting`,
        tenantId: POLICE_TENANT,
        status: 200,
      },
    ]);
    expect(await outlookReadsAudited()).toContain(joris.id);

    // Taken over, the period is recorded with Outlook as its source.
    const recorded = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/absences`, {
      userId: joris.id,
      startsOn: from,
      endsOn: until,
      source: 'outlook',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.absences).toEqual([
      expect.objectContaining({ userId: joris.id, startsOn: from, endsOn: until, source: 'outlook' }),
    ]);
  });

  it('reads the municipality’s staff in the home tenant, each tenant’s token cached once', async () => {
    const from = addDays(localDate(new Date()), 14);
    graph.mailboxes.set(sanneUser.aadObjectId, { tenantId: HOME_TENANT, setting: scheduled(from, from) });
    graph.mailboxes.set(joris.aadObjectId, { tenantId: POLICE_TENANT, setting: scheduled(from, from) });
    graph.requests.length = 0;
    expect((await outlook(server, sanne, sanneUser.id)).body).toMatchObject({ state: 'scheduled' });
    const tokensBefore = entra.tokenRequests.length;
    expect((await outlook(server, sanne, sanneUser.id)).body).toMatchObject({ state: 'scheduled' });
    expect((await outlook(server, sanne, joris.id)).body).toMatchObject({ state: 'scheduled' });
    expect(entra.tokenRequests.length).toBe(tokensBefore);
    expect(graph.requests.map((request) => request.tenantId)).toEqual([
      HOME_TENANT,
      HOME_TENANT,
      POLICE_TENANT,
    ]);
  });

  it('says why there is nothing to take over: off, always on, ended, no mailbox, no permission, not signed in', async () => {
    const base = scheduled('2026-01-05', '2026-01-09');
    const mailbox = (setting: AutomaticRepliesSetting) =>
      graph.mailboxes.set(joris.aadObjectId, { tenantId: POLICE_TENANT, setting });
    mailbox({ ...base, status: 'disabled' });
    expect((await outlook(server, sanne, joris.id)).body.state).toBe('off');
    mailbox({ ...base, status: 'alwaysEnabled' });
    expect((await outlook(server, sanne, joris.id)).body.state).toBe('always');
    mailbox(base);
    expect((await outlook(server, sanne, joris.id)).body).toMatchObject({
      state: 'ended',
      endsOn: '2026-01-09',
    });
    graph.mailboxes.delete(joris.aadObjectId);
    expect((await outlook(server, sanne, joris.id)).body).toMatchObject({
      state: 'unavailable',
      reason: 'no-mailbox',
    });
    graph.denied = true;
    try {
      expect((await outlook(server, sanne, joris.id)).body).toMatchObject({
        state: 'unavailable',
        reason: 'not-permitted',
      });
    } finally {
      graph.denied = false;
    }
    // Added by e-mail and not signed in yet: the object id is a placeholder, so nothing is asked.
    await jorisLivesIn(POLICE_TENANT, true);
    const before = graph.requests.length;
    expect((await outlook(server, sanne, joris.id)).body).toMatchObject({
      state: 'unavailable',
      reason: 'not-signed-in',
    });
    expect(graph.requests.length).toBe(before);
  });

  it('tells that the tenant’s administrator must consent when Entra refuses the app there, and reads nothing', async () => {
    await jorisLivesIn(UNCONSENTED_TENANT);
    graph.mailboxes.set(joris.aadObjectId, {
      tenantId: UNCONSENTED_TENANT,
      setting: scheduled('2027-01-04', '2027-01-08'),
    });
    const tokensBefore = entra.tokenRequests.length;
    const graphBefore = graph.requests.length;
    const auditedBefore = (await outlookReadsAudited()).length;
    const logsBefore = server.logLines.length;
    const answer = await outlook(server, sanne, joris.id);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'urn:bondgenoten:problem:upstream-failed',
      reason: 'tenant-not-consented',
    });
    expect(answer.body.detail).toContain(`tenant ${UNCONSENTED_TENANT}`);
    expect(answer.body.detail).toMatch(/administrator .* has not consented/);
    expect(answer.body.detail).toContain('MailboxSettings.Read');
    expect(JSON.stringify(answer.body)).not.toMatch(/AADSTS|Trace ID|Joris/);
    // Entra was asked in that tenant and answered as it does there: 401 invalid_client, AADSTS7000229.
    expect(
      entra.tokenRequests.slice(tokensBefore).map((request) => [request.tenantId, request.status]),
    ).toEqual([[UNCONSENTED_TENANT, 401]]);
    expect(graph.requests.length).toBe(graphBefore);
    expect((await outlookReadsAudited()).length).toBe(auditedBefore);
    const logged = server.logLines.slice(logsBefore).join('\n');
    expect(logged).not.toContain('Joris');
    expect(logged).not.toContain(joris.aadObjectId);
  });

  it('refuses a staff member of a tenant the app does not serve, asking neither Entra nor Graph', async () => {
    await jorisLivesIn(FOREIGN_TENANT);
    const tokensBefore = entra.requests.length;
    const graphBefore = graph.requests.length;
    const answer = await outlook(server, sanne, joris.id);
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'urn:bondgenoten:problem:conflict',
      reason: 'tenant-not-served',
    });
    expect(answer.body.detail).toContain('AAD_ALLOWED_TENANTS');
    expect(entra.requests.length).toBe(tokensBefore);
    expect(graph.requests.length).toBe(graphBefore);
  });

  it('is for the person themselves or a coordinator; bad input is a problem, and the local run says it has no Outlook', async () => {
    const refused = await outlook(server, petra, joris.id);
    expect(refused.status).toBe(403);
    const unknown = await outlook(server, sanne, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.errors[0]).toMatchObject({ field: 'query.userId', code: 'unknown_reference' });
    const garbage = await outlook(server, sanne, 'niet-een-id');
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0]).toMatchObject({ field: 'query.userId' });

    const answer = await outlook(local, sanne, joris.id);
    expect(answer.body).toEqual({ state: 'unavailable', reason: 'local', startsOn: null, endsOn: null });
  });
});

describe('reading Outlook’s period', () => {
  it('reads Windows and IANA zone names and refuses to guess an unknown one', () => {
    expect(
      instantOf({
        dateTime: '2027-03-01T09:00:00.0000000',
        timeZone: 'W. Europe Standard Time',
      })?.toISOString(),
    ).toBe('2027-03-01T08:00:00.000Z');
    expect(
      instantOf({ dateTime: '2027-07-01T09:00:00.0000000', timeZone: 'Europe/Amsterdam' })?.toISOString(),
    ).toBe('2027-07-01T07:00:00.000Z');
    expect(instantOf({ dateTime: '2027-07-01T09:00:00.0000000', timeZone: 'UTC' })?.toISOString()).toBe(
      '2027-07-01T09:00:00.000Z',
    );
    expect(instantOf({ dateTime: '2027-07-01T09:00:00', timeZone: 'Atlantis Standard Time' })).toBeNull();
  });

  it('ends the period on the day before an end at midnight', () => {
    const start = DateTime.fromISO('2027-03-01T09:00', { zone: 'Europe/Amsterdam' }).toJSDate();
    const end = DateTime.fromISO('2027-03-08T00:00', { zone: 'Europe/Amsterdam' }).toJSDate();
    const now = new Date('2027-02-01T12:00:00Z');
    expect(absenceFromReplies({ state: 'scheduled', start, end }, now)).toEqual({
      state: 'scheduled',
      reason: null,
      startsOn: '2027-03-01',
      endsOn: '2027-03-07',
    });
  });
});
