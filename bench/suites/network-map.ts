import type { Kysely } from 'kysely';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import type { Database } from '../../src/platform/db/schema.js';
import { TAB_DIST_DIR } from '../../src/server/app.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { buildBlankTab } from '../lib/blank-tab.js';
import { CHROMIUM_PATH, chromiumAvailable, launchBenchChromium } from '../lib/browser.js';
import { BENCH_ENGINE } from '../lib/database.js';
import {
  generateLargeMunicipality,
  LARGE_MUNICIPALITY,
  type LargeMunicipalityPlan,
} from '../lib/large-municipality.js';
import { createLoadGenerator, type LoadSummary } from '../lib/load.js';
import {
  administratorHeaders,
  grantViewers,
  MANY_USERS,
  revokeRoles,
  signInEach,
  tabHeaders,
  viewersOfNetwork,
} from '../lib/many-users.js';
import { missingNetworkPages, networkPageRatios, timeNetworkPages } from '../lib/network-pages.js';
import { benchServer } from '../lib/server.js';
import { waitUntilIdle } from '../lib/settle.js';
import { type SessionCookie, signInLocallyAs } from '../lib/sign-in.js';
import { ratio } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Ratio, Suite, SuiteOutcome } from '../lib/types.js';

const CONNECTIONS = 50;

interface Endpoint {
  key: string;
  role: MeasurementRow['role'];
  path: (networkId: string) => string;
  label: string;
  /** For /me: ÷ /healthz; for a subject: ÷ /me. Reported, never asserted. */
  goal?: Ratio['goal'];
}

// Two baselines: /healthz runs the same Express stack (logging, security headers) without session,
// permission or SQL; /me is the cheapest signed-in read (authentication and the access profile only).
// Every subject is reported ÷ both; the goals are on /me ÷ /healthz and the network page ÷ /me.
const ENDPOINTS: readonly Endpoint[] = [
  { key: 'healthz', role: 'baseline', path: () => '/healthz', label: 'GET /healthz' },
  {
    key: 'me',
    role: 'baseline',
    path: () => '/api/v1/me',
    label: 'GET /api/v1/me (cheapest signed-in read)',
    goal: { atLeast: 0.5 },
  },
  {
    key: 'network',
    role: 'subject',
    path: (id) => `/api/v1/networks/${id}`,
    label: 'GET /api/v1/networks/{id} (audited)',
    goal: { atLeast: 0.5 },
  },
  {
    key: 'graph',
    role: 'subject',
    path: (id) => `/api/v1/networks/${id}/graph`,
    label: 'GET /api/v1/networks/{id}/graph (audited)',
  },
  {
    key: 'coverage',
    role: 'subject',
    path: (id) => `/api/v1/networks/${id}/coverage`,
    label: 'GET /api/v1/networks/{id}/coverage',
  },
  { key: 'areas', role: 'subject', path: () => '/api/v1/areas', label: 'GET /api/v1/areas' },
];

/**
 * The many-user rows, measured after the rows above once {@link MANY_USERS} staff may read the network (its own staff
 * and staff of other networks made viewers of it): /me and the network page spread over them, one user per
 * connection, and the network page of the coordinator alone again, since the page now lists 50 staff (what the
 * page's size adds is then not taken for what the number of users adds).
 */
const MANY_ENDPOINTS: readonly (Endpoint & { many: boolean })[] = [
  {
    key: 'me-many',
    role: 'subject',
    path: () => '/api/v1/me',
    label: `GET /api/v1/me (${MANY_USERS} users)`,
    many: true,
  },
  {
    key: 'network-one-of-many',
    role: 'subject',
    path: (id) => `/api/v1/networks/${id}`,
    label: `GET /api/v1/networks/{id} (1 viewer, ${MANY_USERS} staff)`,
    many: false,
  },
  {
    key: 'network-many',
    role: 'subject',
    path: (id) => `/api/v1/networks/${id}`,
    label: `GET /api/v1/networks/{id} (${MANY_USERS} viewers)`,
    many: true,
  },
];

const LOAD_COLUMNS: Column[] = [
  { key: 'rps', title: 'req/s (2xx)', digits: 0 },
  { key: 'responses', title: 'responses' },
  { key: 'p50', title: 'p50 ms', digits: 1 },
  { key: 'p95', title: 'p95 ms', digits: 1 },
  { key: 'p99', title: 'p99 ms', digits: 1 },
  { key: 'max', title: 'max ms', digits: 1 },
  { key: 'errors', title: 'errors' },
  { key: 'timeouts', title: 'of which timeouts' },
  { key: 'non2xx', title: 'non-2xx' },
  { key: 'kib', title: 'body KiB', digits: 1 },
];

/** The browser rows' own columns; they share "max ms" with the load rows. */
const PAGE_COLUMNS: Column[] = [
  { key: 'median', title: 'median ms', digits: 0 },
  { key: 'min', title: 'min ms', digits: 0 },
  { key: 'samples', title: 'samples' },
];

function settings(options: BenchOptions) {
  return {
    durationSeconds: options.durationSeconds ?? (options.quick ? 2 : 10),
    warmupSeconds: options.quick ? 1 : 3,
    rounds: options.quick ? 3 : 5,
  };
}

/** The network the bench reads: the one with the most people (a district network). */
export function chooseNetwork(plan: LargeMunicipalityPlan) {
  const sizes = new Map<string, number>();
  for (const { networkId } of plan.memberships) sizes.set(networkId, (sizes.get(networkId) ?? 0) + 1);
  const network = [...plan.networks].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0];
  if (!network) throw new Error('Benchstad has no networks');
  const coordinator = plan.roles.find((role) => role.networkId === network.id && role.role === 'coordinator');
  if (!coordinator) throw new Error(`network ${network.name} has no coordinator`);
  const members = new Set(plan.memberships.filter((m) => m.networkId === network.id).map((m) => m.personId));
  const relations = plan.relations.filter(
    (r) => members.has(r.personId) || (r.relatedPersonId !== null && members.has(r.relatedPersonId)),
  ).length;
  return { network, coordinatorId: coordinator.userId, people: members.size, relations };
}

/** Fails early when an endpoint does not answer 200; returns each body's size in bytes. */
async function checkAnswers(
  baseUrl: string,
  endpoints: readonly Endpoint[],
  headers: readonly Record<string, string>[],
  networkId: string,
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const endpoint of endpoints) {
    const path = endpoint.path(networkId);
    for (const each of headers) {
      const response = await fetch(`${baseUrl}${path}`, { headers: each });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} before the load`);
      if (each === headers[0]) sizes.set(endpoint.key, body.byteLength);
    }
  }
  return sizes;
}

function toRow(endpoint: Endpoint, summary: LoadSummary, bytes: number): MeasurementRow {
  return {
    role: endpoint.role,
    label: endpoint.label,
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
      kib: bytes / 1024,
    },
  };
}

async function countAuditRows(db: Kysely<Database>): Promise<number> {
  await sealAuditJournal(db);
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('rows'))
    .executeTakeFirstOrThrow();
  return Number(row.rows);
}

/** One phase's rows: a warm-up of each endpoint, then each measured, the server settled before every run. */
async function measureLoad(
  server: RunningServer,
  options: BenchOptions,
  endpoints: readonly (Endpoint & { many?: boolean })[],
  headers: Record<string, string>,
  perUser: Record<string, string>[],
  networkId: string,
  settleMs: number[],
): Promise<MeasurementRow[]> {
  const { durationSeconds, warmupSeconds } = settings(options);
  const sizes = await checkAnswers(
    server.url,
    endpoints,
    endpoints.some((endpoint) => endpoint.many) ? [headers, ...perUser] : [headers],
    networkId,
  );
  const generator = createLoadGenerator();
  const load = (endpoint: Endpoint & { many?: boolean }, seconds: number) =>
    generator.measure({
      url: `${server.url}${endpoint.path(networkId)}`,
      headers,
      ...(endpoint.many ? { headersPerConnection: perUser } : {}),
      connections: CONNECTIONS,
      durationSeconds: seconds,
    });
  // Before every run the server works off what the previous one left in flight (see waitUntilIdle).
  const settle = async () => {
    settleMs.push(await waitUntilIdle(server.url, server.database.db));
  };
  try {
    for (const endpoint of endpoints) {
      await settle();
      await load(endpoint, warmupSeconds);
    }
    const rows: MeasurementRow[] = [];
    for (const endpoint of endpoints) {
      await settle();
      rows.push(
        toRow(endpoint, await load(endpoint, durationSeconds), sizes.get(endpoint.key) ?? Number.NaN),
      );
    }
    await settle();
    return rows;
  } finally {
    await generator.close();
  }
}

/**
 * The many-user rows ({@link MANY_ENDPOINTS}): the staff of other networks that {@link viewersOfNetwork} picks get the
 * viewer role through the API (as the administrator), every viewer is signed in, and afterwards those roles are
 * revoked again, so the browser part and later suites see the network as generated.
 */
async function measureManyUsers(
  server: RunningServer,
  options: BenchOptions,
  plan: LargeMunicipalityPlan,
  headers: Record<string, string>,
  networkId: string,
  settleMs: number[],
): Promise<{ rows: MeasurementRow[]; granted: number }> {
  const viewers = viewersOfNetwork(plan, networkId, MANY_USERS);
  const admin = await administratorHeaders(server.url);
  await grantViewers(server.url, admin, networkId, viewers.toGrant);
  try {
    const perUser = await signInEach(server.url, viewers.userIds);
    const rows = await measureLoad(server, options, MANY_ENDPOINTS, headers, perUser, networkId, settleMs);
    return { rows, granted: viewers.toGrant.length };
  } finally {
    await revokeRoles(server.url, admin, networkId, viewers.toGrant);
  }
}

/** `top`'s requests per second ÷ `bottom`'s, with the goal if it has one. */
function divide(top: MeasurementRow, bottom: MeasurementRow, goal?: Ratio['goal']): Ratio {
  return {
    label: `${top.label} ÷ ${bottom.label} (req/s)`,
    value: ratio(top.values.rps ?? Number.NaN, bottom.values.rps ?? Number.NaN),
    better: 'higher' as const,
    ...(goal ? { goal } : {}),
  };
}

function loadRatios(rows: MeasurementRow[]): Ratio[] {
  const [healthz, me, ...subjects] = rows;
  if (!healthz || !me) return [];
  return [
    divide(me, healthz, ENDPOINTS[1]?.goal),
    ...subjects.map((subject, index) => divide(subject, me, ENDPOINTS[index + 2]?.goal)),
    ...subjects.map((subject) => divide(subject, healthz)),
  ];
}

/** The many-user rows ÷ /healthz and the one-user /me, and the network page over many viewers ÷ the same page for one. */
function manyUserRatios(rows: MeasurementRow[], many: MeasurementRow[]): Ratio[] {
  const [healthz, me] = rows;
  const [meMany, networkOne, networkMany] = many;
  if (!healthz || !me || !meMany || !networkOne || !networkMany) return [];
  return [
    divide(meMany, healthz, { atLeast: 0.5 }),
    divide(networkMany, meMany, { atLeast: 0.5 }),
    divide(meMany, me),
    divide(networkMany, networkOne),
  ];
}

/** The browser timings, or why they were skipped. */
async function measurePages(
  server: RunningServer,
  cookie: SessionCookie,
  network: { id: string; name: string },
  rounds: number,
): Promise<{ rows: MeasurementRow[]; skipped?: string }> {
  const missing = await missingNetworkPages(TAB_DIST_DIR);
  if (missing) return { rows: [], skipped: missing };
  if (!chromiumAvailable()) return { rows: [], skipped: `Chromium not found at ${CHROMIUM_PATH}` };
  await buildBlankTab();
  const chromium = await launchBenchChromium();
  try {
    return { rows: await timeNetworkPages(chromium.browser, server.url, cookie, network, rounds) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { rows: [], skipped: `the network or graph page did not show (${reason})` };
  } finally {
    await chromium.close();
  }
}

function remarksOn(rows: MeasurementRow[], pagesSkipped: string | undefined): string {
  const remarks = [
    'GET /networks/{id} and /graph append one audit row per request (reads are audited) to the audit ' +
      'journal; the server’s sealer chains the journal every 200 ms while the load runs',
  ];
  const failing = rows.filter((row) => (row.values.errors ?? 0) + (row.values.non2xx ?? 0) > 0);
  if (failing.length > 0)
    remarks.push(`errors or non-2xx answers under load: ${failing.map((row) => row.label).join(', ')}`);
  remarks.push(
    pagesSkipped ? `browser timings skipped: ${pagesSkipped}` : 'browser timings: lower part of the table',
  );
  return remarks.join('; ');
}

/** Network-map reads on a large fictional municipality under 50 connections, against /me and the health check. */
export const networkMap: Suite = {
  name: 'network-map',
  summary: `Benchstad (${LARGE_MUNICIPALITY.cbsCode}, 2,000 people): network page, graph, coverage, areas vs /me and /healthz, ${CONNECTIONS} connections`,
  async run(options): Promise<SuiteOutcome> {
    const { durationSeconds, warmupSeconds, rounds } = settings(options);
    const server = await benchServer();
    const generated = await generateLargeMunicipality(server.database.db);
    const chosen = chooseNetwork(generated.plan);
    const cookie = await signInLocallyAs(server.url, chosen.coordinatorId);
    const headers = tabHeaders(cookie);
    const auditBefore = await countAuditRows(server.database.db);
    const settleMs: number[] = [];
    const loadRows = await measureLoad(server, options, ENDPOINTS, headers, [], chosen.network.id, settleMs);
    const auditAfter = await countAuditRows(server.database.db);
    const many = await measureManyUsers(
      server,
      options,
      generated.plan,
      headers,
      chosen.network.id,
      settleMs,
    );
    const pages = await measurePages(server, cookie, chosen.network, rounds);
    // One table for both parts: the load columns, then the page columns (cells a row lacks print n/a).
    const plan = generated.plan;
    return {
      status: 'ok',
      message: remarksOn([...loadRows, ...many.rows], pages.skipped),
      columns: pages.rows.length > 0 ? [...LOAD_COLUMNS, ...PAGE_COLUMNS] : LOAD_COLUMNS,
      rows: [...loadRows, ...many.rows, ...pages.rows],
      ratios: [
        ...loadRatios(loadRows),
        ...manyUserRatios(loadRows, many.rows),
        ...networkPageRatios(pages.rows),
      ],
      facts: {
        engine: BENCH_ENGINE,
        connections: CONNECTIONS,
        'seconds per endpoint': durationSeconds,
        'warm-up seconds per endpoint': warmupSeconds,
        'generation plan ms': Math.round(generated.planMs),
        'generation insert + analyze ms': Math.round(generated.insertMs),
        'generated now': generated.inserted ? 'yes' : 'no (already present)',
        municipality: `${LARGE_MUNICIPALITY.name} ${LARGE_MUNICIPALITY.cbsCode}: ${plan.areas.length} areas, ${plan.networks.length} networks, ${plan.people.length} people, ${plan.relations.length} relations, ${plan.users.length} staff`,
        network: `${chosen.network.name}: ${chosen.people} people, ${chosen.relations} relations touching them`,
        'audit rows appended during load': auditAfter - auditBefore,
        'many-user rows': `${MANY_USERS} staff of the network signed in, one per connection (${many.granted} of them made viewers for these rows through the API, revoked afterwards)`,
        'longest wait for the server to go idle between runs ms': Math.round(Math.max(0, ...settleMs)),
        ...(pages.rows.length > 0 ? { 'browser rounds': rounds } : {}),
      },
    };
  },
};
