import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { GraphCalendar } from '../../src/m365/graph-calendar.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';
import { type GraphCalendarStandIn, startGraphCalendarStandIn } from '../stand-ins/graph-calendar.js';

/**
 * Entra mode with two allowed tenants: a police officer is added by e-mail, signs in from the police
 * tenant, is invited to the network's meeting through Graph, and — because Graph cannot read a mailbox in
 * another tenant (getSchedule answers an error item for it) — shows as "availability unknown" when planning.
 */
const TENANT = '11111111-1111-4111-8111-111111111111';
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const ADMIN = '77777777-7777-4777-8777-777777777777';
const OFFICER = '88888888-8888-4888-8888-888888888888';
const OFFICER_MAIL = 'w.agent@politie.example.org';
const SECRETARY = 'secretaris@example.org';
const TOKEN = 'police-attendee-token';

let entra: EntraStandIn;
let graph: GraphCalendarStandIn;
let server: TestServer;
let adminToken: string;
let stadId: string;
let officerId: string;

async function api(method: string, path: string, body?: unknown, token = adminToken) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  entra = await startEntraStandIn({ audience: `api://bondgenoten.example.org/${CLIENT_ID}` });
  graph = await startGraphCalendarStandIn({ token: TOKEN });
  // Only the municipality's mailboxes are readable; the officer's is in the police tenant.
  for (const address of [SECRETARY, 'integratie-stad@example.org', 'teamchef-stad@example.org'])
    graph.mailboxes.set(address, []);
  const client = createGraphClient({
    graphBaseUrl: graph.baseUrl,
    tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
    credential: { kind: 'app' },
    retry: { maxRetries: 1, maxRetryAfterSeconds: 1, delaySeconds: 0 },
  });
  server = await startTestServer({
    calendar: new GraphCalendar(client),
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'test-secret',
      AAD_TENANT_ID: TENANT,
      AAD_ALLOWED_TENANTS: `${TENANT},${POLICE_TENANT}`,
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
      BOOTSTRAP_ADMINS: ADMIN,
    },
  });
  adminToken = await entra.issueToken(TENANT, { oid: ADMIN, name: 'Fictieve Beheerder' });
  stadId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Stad')
      .executeTakeFirstOrThrow()
  ).id;
  // The administrator also plans this network's meetings (the secretary role).
  const adminId = (await api('GET', '/me')).body.user.id;
  await api('PUT', `/networks/${stadId}/roles/${adminId}`, { role: 'secretary' });
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
  await entra?.close();
});

describe('a police officer as staff of a network (Entra mode)', () => {
  it('is added by e-mail, given a role, and keeps that row at first sign-in', async () => {
    const added = await api('POST', '/staff/external', {
      tenantId: POLICE_TENANT,
      email: OFFICER_MAIL,
      displayName: 'W. Agent',
    });
    expect(added.status).toBe(201);
    officerId = added.body.id;
    expect((await api('PUT', `/networks/${stadId}/roles/${officerId}`, { role: 'member' })).status).toBe(200);
    const officerToken = await entra.issueToken(POLICE_TENANT, {
      oid: OFFICER,
      name: 'W. Agent',
      preferred_username: OFFICER_MAIL,
    });
    const me = await api('GET', '/me', undefined, officerToken);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(officerId);
  });

  it('shows the officer as availability unknown when planning, not as free', async () => {
    const { status, body } = await api('POST', `/networks/${stadId}/meetings/plan-preview`, {
      from: '2027-01-04',
      to: '2027-01-31',
    });
    expect(status).toBe(200);
    expect(body.freeBusy).toEqual({
      source: 'graph',
      staffChecked: 4,
      staffUnknown: 1,
      unknownStaff: [{ userId: officerId, displayName: 'W. Agent' }],
    });
  });

  it('invites the officer by address to the meeting event sent to Graph', async () => {
    graph.requests.length = 0;
    const start = DateTime.fromISO('2027-02-16T18:00', { zone: 'Europe/Amsterdam' });
    const { status } = await api('POST', `/networks/${stadId}/meetings/series`, {
      meetings: [
        {
          start: start.toUTC().toISO({ suppressMilliseconds: true }),
          end: start.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true }),
        },
      ],
    });
    expect(status).toBe(201);
    const create = graph.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'));
    const sent = create?.body as { attendees?: { emailAddress: { address: string } }[] } | undefined;
    const attendees = (sent?.attendees ?? []).map((a) => a.emailAddress.address);
    expect(attendees).toContain(OFFICER_MAIL);
    expect(server.logLines.join('\n')).not.toContain(OFFICER_MAIL);
  });
});
