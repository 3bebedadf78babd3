import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createCalendar } from '../../src/server/adapters.js';
import { DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { POLICE_TENANT, startTenantsFixture, type TenantsFixture } from '../m365/m365-fixture.js';
import type { EntraTokenEndpointStandIn } from '../stand-ins/entra-token-endpoint.js';
import { type GraphCalendarStandIn, startGraphCalendarStandIn } from '../stand-ins/graph-calendar.js';

/**
 * Free/busy for the meeting planner in each staff member's own tenant: the municipality's staff are read in the
 * home tenant through the organiser's mailbox, the police's with the police tenant's own app-only token (real
 * msal against a loopback Entra token endpoint knowing both tenants). The Graph stand-in shows a mailbox only to
 * a token of its tenant, so reading police staff with the home tenant's token leaves them "availability unknown".
 */
const HOME_TENANT = DEMO_TENANT_ID;
const FROM = '2027-03-01';
const TO = '2027-03-26';
let tenants: TenantsFixture;
let entra: EntraTokenEndpointStandIn;
let graph: GraphCalendarStandIn;
let server: TestServer;
let petra: string; // secretary of Haven
let havenId: string;
let joris: { id: string; email: string }; // wijkagent, police

const preview = () =>
  callApi(server.url, petra, 'POST', `/api/v1/networks/${havenId}/meetings/plan-preview`, {
    from: FROM,
    to: TO,
  });
const schedulesOf = (call: { body: unknown } | undefined) =>
  ((call?.body as { schedules?: string[] } | undefined)?.schedules ?? []).map((a) => a.toLowerCase());
const getSchedules = () =>
  graph.requests.filter((r) => r.path.endsWith('/calendar/getSchedule') && r.status === 200);

beforeAll(async () => {
  // The police's administrator consents only after the first test: no police token is cached before.
  tenants = await startTenantsFixture({
    tenants: [HOME_TENANT, POLICE_TENANT],
    unconsented: [POLICE_TENANT],
  });
  entra = tenants.entra;
  graph = await startGraphCalendarStandIn({ verifyToken: tenants.verifyToken });
  const { config, tokens } = tenants.configure(graph.baseUrl);
  server = await startTestServer({ calendar: createCalendar({ config, db: undefined as never }, tokens) });
  // The production adapter, as compose.ts builds it in Entra mode (it needs no database there).
  petra = await signInAs(server.url, 'Petra Lindeboom');
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  const staff = await server.database.db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select(['users.id', 'users.display_name', 'users.email'])
    .where('network_roles.network_id', '=', havenId)
    .execute();
  const row = staff.find((s) => s.display_name === 'Joris Amrani');
  if (!row?.email) throw new Error('the demo data has Joris Amrani with an address in Haven');
  joris = { id: row.id, email: row.email.toLowerCase() };
  await server.database.db
    .updateTable('users')
    .set({ tenant_id: POLICE_TENANT })
    .where('id', '=', joris.id)
    .execute();
  // Everyone's mailbox is in the municipality's tenant, but Joris's is in the police tenant.
  for (const person of staff)
    if (person.email) {
      graph.mailboxes.set(person.email.toLowerCase(), []);
      graph.mailboxTenants.set(person.email.toLowerCase(), HOME_TENANT);
    }
  graph.mailboxTenants.set(joris.email, POLICE_TENANT);
  graph.mailboxes.set(joris.email, [
    { status: 'busy', start: '2027-03-02T08:00:00Z', end: '2027-03-02T16:00:00Z' },
  ]);
});
beforeEach(() => {
  graph.requests.length = 0;
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
  await tenants?.close();
});

describe('free/busy of police staff in the police tenant', () => {
  it('shows police staff as availability unknown, not the plan failing, while the police tenant has not consented', async () => {
    const before = entra.tokenRequests.length;
    const answer = await preview();
    expect(answer.status).toBe(200);
    expect(answer.body.freeBusy.unknownStaff).toEqual([{ userId: joris.id, displayName: 'Joris Amrani' }]);
    expect(entra.tokenRequests.slice(before).map((r) => [r.tenantId, r.status])).toContainEqual([
      POLICE_TENANT,
      401,
    ]);
    // The municipality's staff were still read, and nobody was asked for in the wrong tenant.
    expect(getSchedules().map((call) => call.tenantId)).toEqual([HOME_TENANT]);
    entra.unconsented.clear(); // the police's administrator consents
  });

  it('asks each tenant for its own staff, one getSchedule each with its own token, and merges them', async () => {
    const answer = await preview();
    expect(answer.status).toBe(200);
    expect(answer.body.freeBusy).toEqual(
      expect.objectContaining({ source: 'graph', staffUnknown: 0, unknownStaff: [] }),
    );
    const calls = getSchedules();
    expect(calls.map((call) => call.tenantId).sort()).toEqual([HOME_TENANT, POLICE_TENANT].sort());
    const police = calls.find((call) => call.tenantId === POLICE_TENANT);
    // The police tenant is asked only for its own staff, through a mailbox of its own.
    expect(schedulesOf(police)).toEqual([joris.email]);
    expect(police?.path.toLowerCase()).toBe(`/v1.0/users/${joris.email}/calendar/getschedule`);
    const home = calls.find((call) => call.tenantId === HOME_TENANT);
    expect(schedulesOf(home)).not.toContain(joris.email);
    expect(server.logLines.join('\n')).not.toContain(joris.email);
  });

  it('waits out a throttled police tenant (429 with Retry-After) and still knows the police staff', async () => {
    graph.failNext(1, 429, 0);
    const answer = await preview();
    expect(answer.status).toBe(200);
    expect(answer.body.freeBusy.unknownStaff).toEqual([]);
    expect(graph.requests.some((r) => r.status === 429)).toBe(true);
  });
});
