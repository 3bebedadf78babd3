import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { BENCH_ENGINE } from '../lib/database.js';
import { createLoadGenerator, type LoadSummary } from '../lib/load.js';
import { benchServer } from '../lib/server.js';
import { DEMO_COORDINATOR, signInLocally } from '../lib/sign-in.js';
import { ratio } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Ratio, Suite, SuiteOutcome } from '../lib/types.js';

const CONNECTIONS = 50;

interface Endpoint {
  role: MeasurementRow['role'];
  path: string;
}

// Two baselines. /healthz runs the same Express stack (logging, security headers) without session,
// permission or SQL. /me is the cheapest signed-in read: authentication (session lookup), the access
// profile and the permission check, with no page data. /me ÷ /healthz is the fixed price of being signed
// in; a page ÷ /me is what the page itself costs above that.
const HEALTHZ: Endpoint = { role: 'baseline', path: '/healthz' };
const ME: Endpoint = { role: 'baseline', path: '/api/v1/me' };
const AREAS: Endpoint = { role: 'subject', path: '/api/v1/areas' };
const ENDPOINTS: readonly Endpoint[] = [HEALTHZ, ME, AREAS];

/** Which row is divided by which, and the goal (reported, never asserted). */
const RATIOS: readonly { subject: Endpoint; baseline: Endpoint; goal?: Ratio['goal'] }[] = [
  { subject: ME, baseline: HEALTHZ, goal: { atLeast: 0.5 } },
  { subject: AREAS, baseline: ME, goal: { atLeast: 0.5 } },
  { subject: AREAS, baseline: HEALTHZ },
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
async function checkAnswers(baseUrl: string, headers: Record<string, string>): Promise<void> {
  for (const { path } of ENDPOINTS) {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} before the load`);
  }
}

function toRow(endpoint: Endpoint, summary: LoadSummary): MeasurementRow {
  return {
    role: endpoint.role,
    label: `GET ${endpoint.path}`,
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

async function measureAll(server: RunningServer, options: BenchOptions): Promise<MeasurementRow[]> {
  const { durationSeconds, warmupSeconds } = settings(options);
  const cookie = await signInLocally(server.url, DEMO_COORDINATOR);
  // Every endpoint gets the same headers, so the baseline parses as much as the subjects do.
  const headers = { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
  await checkAnswers(server.url, headers);
  const generator = createLoadGenerator();
  const load = (path: string, seconds: number) =>
    generator.measure({
      url: `${server.url}${path}`,
      headers,
      connections: CONNECTIONS,
      durationSeconds: seconds,
    });
  try {
    for (const { path } of ENDPOINTS) await load(path, warmupSeconds);
    const rows: MeasurementRow[] = [];
    for (const endpoint of ENDPOINTS) rows.push(toRow(endpoint, await load(endpoint.path, durationSeconds)));
    return rows;
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
  summary: `GET /api/v1/areas vs GET /api/v1/me (cheapest signed-in read) vs GET /healthz, ${CONNECTIONS} connections`,
  async run(options): Promise<SuiteOutcome> {
    const { durationSeconds, warmupSeconds } = settings(options);
    const rows = await measureAll(await benchServer(), options);
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
        'seconds per endpoint': durationSeconds,
        'warm-up seconds per endpoint': warmupSeconds,
      },
    };
  },
};
