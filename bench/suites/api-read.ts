import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { BENCH_ENGINE } from '../lib/database.js';
import { createLoadGenerator, type LoadSummary } from '../lib/load.js';
import {
  addDemoStaff,
  administratorHeaders,
  grantViewers,
  MANY_USERS,
  revokeRoles,
  signInEach,
} from '../lib/many-users.js';
import { benchServer } from '../lib/server.js';
import { DEMO_COORDINATOR, signInLocally } from '../lib/sign-in.js';
import { ratio } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Ratio, Suite, SuiteOutcome } from '../lib/types.js';

const CONNECTIONS = 50;

interface Endpoint {
  role: MeasurementRow['role'];
  path: string;
  /** Spread over {@link MANY_USERS} signed-in users, one per connection, instead of the coordinator on all. */
  manyUsers?: boolean;
}

// Two baselines. /healthz runs the same Express stack (logging, security headers) without session,
// permission or SQL. /me is the cheapest signed-in read: authentication (session lookup), the access
// profile and the permission check, with no page data. /me ÷ /healthz is the fixed price of being signed
// in; a page ÷ /me is what the page itself costs above that.
const HEALTHZ: Endpoint = { role: 'baseline', path: '/healthz' };
const ME: Endpoint = { role: 'baseline', path: '/api/v1/me' };
const AREAS: Endpoint = { role: 'subject', path: '/api/v1/areas' };
// The same /me, each connection signed in as another user (each a viewer of the coordinator's network): the
// access cache's checks of concurrent requests then carry one user per connection instead of one in all.
const ME_MANY: Endpoint = { role: 'subject', path: '/api/v1/me', manyUsers: true };
const ONE_USER: readonly Endpoint[] = [HEALTHZ, ME, AREAS];
const ENDPOINTS: readonly Endpoint[] = [...ONE_USER, ME_MANY];

/** Which row is divided by which, and the goal (reported, never asserted). */
const RATIOS: readonly { subject: Endpoint; baseline: Endpoint; goal?: Ratio['goal'] }[] = [
  { subject: ME, baseline: HEALTHZ, goal: { atLeast: 0.5 } },
  { subject: AREAS, baseline: ME, goal: { atLeast: 0.5 } },
  { subject: AREAS, baseline: HEALTHZ },
  { subject: ME_MANY, baseline: HEALTHZ, goal: { atLeast: 0.5 } },
  { subject: ME_MANY, baseline: ME },
];

const COLUMNS: Column[] = [
  { key: 'rps', title: 'req/s (2xx)', digits: 0 },
  { key: 'responses', title: 'responses' },
  { key: 'p50', title: 'p50 ms', digits: 1 },
  { key: 'p95', title: 'p95 ms', digits: 1 },
  { key: 'p99', title: 'p99 ms', digits: 1 },
  { key: 'max', title: 'max ms', digits: 1 },
  { key: 'errors', title: 'errors' },
  { key: 'timeouts', title: 'of which timeouts' },
  { key: 'non2xx', title: 'non-2xx' },
];

function settings(options: BenchOptions) {
  return {
    durationSeconds: options.durationSeconds ?? (options.quick ? 2 : 10),
    warmupSeconds: options.quick ? 1 : 3,
  };
}

/** Fails early, with the status, when an endpoint does not answer 200 to the signed-in coordinator. */
async function checkAnswers(
  baseUrl: string,
  endpoints: readonly Endpoint[],
  headers: readonly Record<string, string>[],
): Promise<void> {
  for (const { path } of endpoints) {
    for (const each of headers) {
      const response = await fetch(`${baseUrl}${path}`, { headers: each });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} before the load`);
    }
  }
}

function labelOf(endpoint: Endpoint): string {
  return `GET ${endpoint.path}${endpoint.manyUsers ? ` (${MANY_USERS} users)` : ''}`;
}

function toRow(endpoint: Endpoint, summary: LoadSummary): MeasurementRow {
  return {
    role: endpoint.role,
    label: labelOf(endpoint),
    values: {
      rps: summary.requestsPerSecond,
      responses: summary.responses,
      p50: summary.p50,
      p95: summary.p95,
      p99: summary.p99,
      max: summary.max,
      errors: summary.errors,
      timeouts: summary.timeouts,
      non2xx: summary.non2xx,
    },
  };
}

/** The coordinator's first network, where the many users get their viewer role. */
async function networkOf(baseUrl: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/me`, { headers });
  const me = (await response.json()) as { roles: { networkId: string; role: string }[] };
  const network = me.roles.find((role) => role.role === 'coordinator') ?? me.roles[0];
  if (!network) throw new Error(`${DEMO_COORDINATOR} holds no role`);
  return network.networkId;
}

/**
 * The one-user rows, then the many-user ones: {@link MANY_USERS} fictional staff (added as a first sign-in adds
 * them), each given the viewer role in the coordinator's first network through the API by the administrator, each
 * signed in, one per connection; their roles are revoked again afterwards (the roles add staff to the network, which
 * the other suites' pages and the coordinator's /areas would otherwise show). The users themselves stay, roleless.
 */
async function measureAll(server: RunningServer, options: BenchOptions) {
  const { durationSeconds, warmupSeconds } = settings(options);
  const cookie = await signInLocally(server.url, DEMO_COORDINATOR);
  // Every endpoint gets the same headers, so the baseline parses as much as the subjects do.
  const headers = { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
  await checkAnswers(server.url, ONE_USER, [headers]);
  const generator = createLoadGenerator();
  const load = (endpoint: Endpoint, seconds: number, perConnection?: Record<string, string>[]) =>
    generator.measure({
      url: `${server.url}${endpoint.path}`,
      headers,
      ...(endpoint.manyUsers ? { headersPerConnection: perConnection } : {}),
      connections: CONNECTIONS,
      durationSeconds: seconds,
    });
  try {
    for (const endpoint of ONE_USER) await load(endpoint, warmupSeconds);
    const rows: MeasurementRow[] = [];
    for (const endpoint of ONE_USER) rows.push(toRow(endpoint, await load(endpoint, durationSeconds)));
    const networkId = await networkOf(server.url, headers);
    const userIds = await addDemoStaff(server.database.db, MANY_USERS);
    const admin = await administratorHeaders(server.url);
    await grantViewers(server.url, admin, networkId, userIds);
    try {
      const perUser = await signInEach(server.url, userIds);
      await checkAnswers(server.url, [ME_MANY], perUser);
      await load(ME_MANY, warmupSeconds, perUser);
      rows.push(toRow(ME_MANY, await load(ME_MANY, durationSeconds, perUser)));
    } finally {
      await revokeRoles(server.url, admin, networkId, userIds);
    }
    return { rows, users: userIds.length };
  } finally {
    await generator.close();
  }
}

function ratiosOf(rows: MeasurementRow[]): Ratio[] {
  const rowOf = (endpoint: Endpoint) => rows[ENDPOINTS.indexOf(endpoint)];
  return RATIOS.flatMap(({ subject, baseline, goal }) => {
    const top = rowOf(subject);
    const bottom = rowOf(baseline);
    if (!top || !bottom) return [];
    return [
      {
        label: `${top.label} ÷ ${bottom.label} (req/s)`,
        value: ratio(top.values.rps ?? Number.NaN, bottom.values.rps ?? Number.NaN),
        better: 'higher' as const,
        ...(goal ? { goal } : {}),
      },
    ];
  });
}

function remarkOn(rows: MeasurementRow[]): string | undefined {
  const failing = rows.filter((row) => (row.values.errors ?? 0) + (row.values.non2xx ?? 0) > 0);
  if (failing.length === 0) return undefined;
  return `errors or non-2xx answers under load: ${failing.map((row) => row.label).join(', ')}`;
}

/** Read throughput and latency of the API under 50 connections, against /me and the health check. */
export const apiRead: Suite = {
  name: 'api-read',
  summary: `GET /api/v1/areas vs GET /api/v1/me (cheapest signed-in read) vs GET /healthz, ${CONNECTIONS} connections, one user; /me also over ${MANY_USERS} users`,
  async run(options): Promise<SuiteOutcome> {
    const { durationSeconds, warmupSeconds } = settings(options);
    const { rows, users } = await measureAll(await benchServer(), options);
    const message = remarkOn(rows);
    return {
      status: 'ok',
      ...(message ? { message } : {}),
      columns: COLUMNS,
      rows,
      ratios: ratiosOf(rows),
      facts: {
        engine: BENCH_ENGINE,
        connections: CONNECTIONS,
        'many-user rows': `${users} users, one per connection, each a viewer of ${DEMO_COORDINATOR}’s first network (one role)`,
        'seconds per endpoint': durationSeconds,
        'warm-up seconds per endpoint': warmupSeconds,
      },
    };
  },
};
