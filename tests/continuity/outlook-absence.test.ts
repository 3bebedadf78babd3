import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { absenceFromReplies } from '../../src/continuity/outlook-absence-service.js';
import { GraphAutomaticReplies, instantOf } from '../../src/m365/graph-automatic-replies.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { addDays, localDate } from '../../src/platform/time.js';
import { DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  type MailboxSettingsStandIn,
  startMailboxSettingsStandIn,
} from '../stand-ins/graph-mailbox-settings.js';

/**
 * Issue 19 item 1: an absence period taken over from Outlook's automatic replies, read through Microsoft Graph
 * (mailboxSettings, read only) against a loopback stand-in that speaks Graph's wire format.
 */
const TOKEN = 'mailbox-settings-token';
let graph: MailboxSettingsStandIn;
let server: TestServer;
let local: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven
let havenId: string;
let joris: { id: string; aadObjectId: string; tenantId: string };

const outlook = (target: TestServer, cookie: string, userId: string) =>
  callApi(target.url, cookie, 'GET', `/api/v1/networks/${havenId}/absences/outlook?userId=${userId}`);

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

beforeAll(async () => {
  graph = await startMailboxSettingsStandIn({ token: TOKEN });
  const client = createGraphClient({
    graphBaseUrl: graph.baseUrl,
    tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
    credential: { kind: 'app' },
    retry: { maxRetries: 0, maxRetryAfterSeconds: 1, delaySeconds: 0 },
  });
  server = await startTestServer({ automaticReplies: new GraphAutomaticReplies(client, DEMO_TENANT_ID) });
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
  const user = await server.database.db
    .selectFrom('users')
    .select(['id', 'aad_object_id', 'tenant_id'])
    .where('display_name', '=', 'Joris Amrani')
    .executeTakeFirstOrThrow();
  joris = { id: user.id, aadObjectId: user.aad_object_id, tenantId: user.tenant_id };
});
afterAll(async () => {
  await local?.close();
  await server?.close();
  await graph?.close();
});

describe('an absence taken over from Outlook’s automatic replies', () => {
  it('gives a coordinator the scheduled period as local dates, never the reply texts, and audits the read', async () => {
    const from = addDays(localDate(new Date()), 7);
    const until = addDays(from, 4);
    graph.mailboxes.set(joris.aadObjectId, scheduled(from, until));
    graph.requests.length = 0;
    const answer = await outlook(server, sanne, joris.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: 'scheduled', reason: null, startsOn: from, endsOn: until });
    expect(JSON.stringify(answer.body)).not.toContain('Zwolle');
    expect(graph.requests).toEqual([
      { method: 'GET', path: `/v1.0/users/${joris.aadObjectId}/mailboxSettings/automaticRepliesSetting` },
    ]);
    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select(['object_id'])
      .where('action', '=', 'absence.outlook-read')
      .execute();
    expect(audited.map((row) => row.object_id)).toEqual([joris.id]);

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

  it('says why there is nothing to take over: off, always on, ended, no mailbox, no permission', async () => {
    const base = scheduled('2026-01-05', '2026-01-09');
    graph.mailboxes.set(joris.aadObjectId, { ...base, status: 'disabled' });
    expect((await outlook(server, sanne, joris.id)).body.state).toBe('off');
    graph.mailboxes.set(joris.aadObjectId, { ...base, status: 'alwaysEnabled' });
    expect((await outlook(server, sanne, joris.id)).body.state).toBe('always');
    graph.mailboxes.set(joris.aadObjectId, base);
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

  it('ends the period on the day before an end at midnight, and asks nothing of another tenant’s mailbox', async () => {
    const start = DateTime.fromISO('2027-03-01T09:00', { zone: 'Europe/Amsterdam' }).toJSDate();
    const end = DateTime.fromISO('2027-03-08T00:00', { zone: 'Europe/Amsterdam' }).toJSDate();
    const now = new Date('2027-02-01T12:00:00Z');
    expect(absenceFromReplies({ state: 'scheduled', start, end }, now)).toEqual({
      state: 'scheduled',
      reason: null,
      startsOn: '2027-03-01',
      endsOn: '2027-03-07',
    });
    const before = graph.requests.length;
    const other = new GraphAutomaticReplies(
      createGraphClient({
        graphBaseUrl: graph.baseUrl,
        tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
        credential: { kind: 'app' },
      }),
      '99999999-9999-4999-8999-999999999999',
    );
    expect(await other.read({ tenantId: joris.tenantId, aadObjectId: joris.aadObjectId })).toEqual({
      state: 'unavailable',
      reason: 'other-tenant',
    });
    expect(graph.requests.length).toBe(before);
  });
});
