// CPU time per request of the network page, its coverage, /areas, the call-out page's one request, /me and /healthz: server
// process (process.cpuUsage, every thread) and the PostgreSQL backends of the bench database (/proc/<pid>/stat), the
// client in a child process. On PGlite (no BENCH_DATABASE_URL) the server's CPU includes the database's.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import { cpuMeter, formatCpuRow } from '../lib/cpu-meter.js';
import { closeBenchCallOut, startBenchCallOut } from '../lib/first-pages.js';
import { generateLargeMunicipality } from '../lib/large-municipality.js';
import { administratorHeaders, grantViewers, signInEach, viewersOfNetwork } from '../lib/many-users.js';
import { benchServer, stopBenchServer } from '../lib/server.js';
import { signInLocallyAs } from '../lib/sign-in.js';

const amount = Number(process.env.AMOUNT ?? 2000);
const connections = Number(process.env.CONNECTIONS ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const only = process.env.ONLY?.split(',');
// USERS=50: also /me and the network page spread over 50 of the network's staff, one per connection (`me@50`,
// `network@50`); staff of other networks are first made viewers of it, so every row reads a page with 50 staff.
const users = Number(process.env.USERS ?? 0);

const server = await benchServer();
const db = server.database.db;
const generated = await generateLargeMunicipality(db);
const plan = generated.plan;
const sizes = new Map<string, number>();
for (const { networkId } of plan.memberships) sizes.set(networkId, (sizes.get(networkId) ?? 0) + 1);
const network = [...plan.networks].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0];
const coordinator = plan.roles.find((r) => r.networkId === network?.id && r.role === 'coordinator');
if (!network || !coordinator) throw new Error('Benchstad has no network with a coordinator');
const cookie = await signInLocallyAs(server.url, coordinator.userId);
const headers = { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
let perUser: Record<string, string>[] = [];
if (users > 0) {
  const viewers = viewersOfNetwork(plan, network.id, users);
  await grantViewers(server.url, await administratorHeaders(server.url), network.id, viewers.toGrant);
  perUser = await signInEach(server.url, viewers.userIds);
}
// The call-out page's one request (GET /call-outs/{id}/page) reads a call-out the coordinator starts in the network's
// district: its recipients are the staff the targeting picks there, as a real call-out's; closed when the run ends.
const callOut = await startBenchCallOut(server.url, cookie, network);
const meter = await cpuMeter(db, server.url, server.database.engine);
const fire = (path: string, n: number, many = false) =>
  meter.fire(path, headers, connections, n, many ? perUser : undefined);

const endpoints: [string, string, boolean?][] = [
  ['healthz', '/healthz'],
  ['me', '/api/v1/me'],
  ...(users > 0 ? [[`me@${users}`, '/api/v1/me', true] as [string, string, boolean]] : []),
  ['network', `/api/v1/networks/${network.id}`],
  ...(users > 0
    ? [[`network@${users}`, `/api/v1/networks/${network.id}`, true] as [string, string, boolean]]
    : []),
  ['coverage', `/api/v1/networks/${network.id}/coverage`],
  ['areas', '/api/v1/areas'],
  ['call-out-page', `/api/v1/call-outs/${callOut.id}/page`],
];
const body = await (await fetch(`${server.url}/api/v1/networks/${network.id}`, { headers })).text();
const page = (await (
  await fetch(`${server.url}/api/v1/call-outs/${callOut.id}/page`, { headers })
).json()) as { callOut: { recipients: unknown[]; callList: unknown[] }; timeline: unknown[] };
console.log(
  `network ${network.name}: ${sizes.get(network.id)} people, body ${body.length} bytes; amount ${amount} at ${connections} connections; ` +
    `call-out in ${callOut.placeName}: ${page.callOut.recipients.length} recipients, ${page.callOut.callList.length} on the call list, ` +
    `${page.timeline.length} timeline events`,
);
for (const [, path, many] of endpoints) await fire(path, 300, many);
await sealAuditJournal(db);
const profile = process.env.PROFILE;
let session: Session | undefined;
if (profile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
for (let round = 0; round < rounds; round++) {
  for (const [key, path, many] of endpoints) {
    if (only && !only.includes(key)) continue;
    console.log(
      formatCpuRow(
        key,
        await meter.measure(path, headers, connections, amount, many ? perUser : undefined),
        14,
      ),
    );
  }
}
if (session && profile) {
  const { profile: data } = await session.post('Profiler.stop');
  writeFileSync(profile, JSON.stringify(data));
}
await closeBenchCallOut(server.url, cookie, callOut);
await stopBenchServer();
