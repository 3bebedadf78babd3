// CPU time and statements per request of the reads behind the call-out page and the network page (issue 21's first
// pages furthest from the blank tab), next to /me and /healthz in the same run: on the demo data (signed in as the
// demo coordinator, her first network, a call-out she started) and then on Benchstad (the coordinator of its
// largest network, a call-out in its district). Needs PostgreSQL (the backends' CPU is read from /proc):
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/tools/cpu-first-pages.ts
//   (AMOUNT=1000 requests per row, CONNECTIONS=10, ROUNDS=3, ONLY=me,call-out,... rows by key, DATA=demo,benchstad;
//   COLD=1 first opens the call-out page's reads once as the tab asks them, after 11 s without requests)
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import { connectionsOpened, cpuMeter, formatCpuRow } from '../lib/cpu-meter.js';
import { closeBenchCallOut, coordinatedNetwork, startBenchCallOut } from '../lib/first-pages.js';
import { generateLargeMunicipality } from '../lib/large-municipality.js';
import { benchServer, stopBenchServer } from '../lib/server.js';
import { type SessionCookie, signInLocally, signInLocallyAs } from '../lib/sign-in.js';

const amount = Number(process.env.AMOUNT ?? 1000);
const connections = Number(process.env.CONNECTIONS ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const only = process.env.ONLY?.split(',');
const data = (process.env.DATA ?? 'demo,benchstad').split(',');

const server = await benchServer();
const db = server.database.db;
const meter = await cpuMeter(db, server.url);

/** The rows of one signed-in user: the baselines, the call-out page's three reads, the network page's four. */
function firstPageRows(networkId: string, callOutId: string): [string, string][] {
  const network = `/api/v1/networks/${networkId}`;
  const callOut = `/api/v1/call-outs/${callOutId}`;
  return [
    ['healthz', '/healthz'],
    ['me', '/api/v1/me'],
    ['call-out', callOut],
    ['co/meeting', `${callOut}/meeting`],
    ['co/timeline', `${callOut}/timeline`],
    ['network', network],
    ['nw/eval-due', `${network}/evaluation-due`],
    ['nw/upcoming', `${network}/meetings?scope=upcoming`],
    ['nw/follow-ups', `${network}/signal-follow-ups`],
  ];
}

/**
 * The call-out page's reads once, as the tab asks them (the call-out, then its meeting and timeline together), after
 * 11 s without a request: the pool (pg's default idleTimeoutMillis, 10 s) has then closed its idle connections, as
 * between a bench's call-out start and its page. Prints the wall time, the server's CPU and the connections opened.
 */
async function coldCallOutPage(headers: Record<string, string>, rows: [string, string][]) {
  const path = (key: string) => `${server.url}${rows.find(([k]) => k === key)?.[1]}`;
  const get = (key: string) => fetch(path(key), { headers }).then((response) => response.text());
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  for (const step of [['call-out'], ['co/meeting', 'co/timeline']]) {
    const before = { opened: connectionsOpened(), cpu: process.cpuUsage(), at: performance.now() };
    await Promise.all(step.map(get));
    const cpu = process.cpuUsage(before.cpu);
    console.log(
      `cold ${step.join(' + ')}: ${(performance.now() - before.at).toFixed(0)} ms wall, ` +
        `${((cpu.user + cpu.system) / 1000).toFixed(1)} ms node CPU, ${connectionsOpened() - before.opened} connections opened`,
    );
  }
}

async function measureAs(label: string, cookie: SessionCookie) {
  const headers = { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
  const network = await coordinatedNetwork(server.url, cookie);
  const callOut = await startBenchCallOut(server.url, cookie, network);
  const rows = firstPageRows(network.id, callOut.id);
  console.log(
    `\n== ${label}: network ${network.name}, call-out in ${callOut.placeName}; ${amount} requests per row at ${connections} connections`,
  );
  if (process.env.COLD === '1') await coldCallOutPage(headers, rows);
  for (const [, path] of rows) await meter.fire(path, headers, connections, 200); // warm-up
  await sealAuditJournal(db);
  for (let round = 0; round < rounds; round++) {
    console.log(`-- round ${round + 1}`);
    for (const [key, path] of rows) {
      if (only && !only.includes(key)) continue;
      console.log(formatCpuRow(key, await meter.measure(path, headers, connections, amount), 14));
    }
  }
  await closeBenchCallOut(server.url, cookie, callOut);
}

if (data.includes('demo')) await measureAs('demo data, Sanne Verhoef', await signInLocally(server.url));
if (data.includes('benchstad')) {
  const { plan } = await generateLargeMunicipality(db);
  const sizes = new Map<string, number>();
  for (const { networkId } of plan.memberships) sizes.set(networkId, (sizes.get(networkId) ?? 0) + 1);
  const network = [...plan.networks].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0];
  const coordinator = plan.roles.find((r) => r.networkId === network?.id && r.role === 'coordinator');
  if (!coordinator) throw new Error('Benchstad has no network with a coordinator');
  await measureAs(
    'Benchstad, coordinator of its largest network',
    await signInLocallyAs(server.url, coordinator.userId),
  );
}
await stopBenchServer();
