// Throughput of two endpoints measured in alternating 1-second windows (the bench's load worker, 50 connections),
// so a change in the machine's load hits both alike: api-read measures each endpoint for 10 s in turn, and on a
// busy shared machine the load can change between the two. See bench/README.md.
import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import { generateLargeMunicipality } from '../lib/large-municipality.js';
import { createLoadGenerator } from '../lib/load.js';
import { benchServer, stopBenchServer } from '../lib/server.js';
import { signInLocally, signInLocallyAs } from '../lib/sign-in.js';

const baseline = process.env.BASELINE ?? '/healthz';
const subject = process.env.SUBJECT ?? '/api/v1/me';
const windows = Number(process.env.WINDOWS ?? 12);
const connections = Number(process.env.CONNECTIONS ?? 50);

const server = await benchServer();
/**
 * `{network}` in an endpoint stands for Benchstad's largest network (generated then, as network-map does), and the
 * caller is that network's coordinator; otherwise the demo coordinator.
 */
async function caller() {
  if (!`${baseline} ${subject}`.includes('{network}')) return { cookie: await signInLocally(server.url) };
  const { plan } = await generateLargeMunicipality(server.database.db);
  const sizes = new Map<string, number>();
  for (const { networkId } of plan.memberships) sizes.set(networkId, (sizes.get(networkId) ?? 0) + 1);
  const network = [...plan.networks].sort((a, b) => (sizes.get(b.id) ?? 0) - (sizes.get(a.id) ?? 0))[0];
  const coordinator = plan.roles.find((r) => r.networkId === network?.id && r.role === 'coordinator');
  if (!network || !coordinator) throw new Error('Benchstad has no network with a coordinator');
  return { cookie: await signInLocallyAs(server.url, coordinator.userId), networkId: network.id };
}
const { cookie, networkId } = await caller();
const baselinePath = baseline.replace('{network}', networkId ?? '');
const subjectPath = subject.replace('{network}', networkId ?? '');
const headers = { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
const generator = createLoadGenerator();
const load = (path: string, durationSeconds: number) =>
  generator.measure({ url: `${server.url}${path}`, headers, connections, durationSeconds });
try {
  await load(baselinePath, 2);
  await load(subjectPath, 2);
  let baselineTotal = 0;
  let subjectTotal = 0;
  const pairs: string[] = [];
  for (let i = 0; i < windows; i++) {
    const bottom = await load(baselinePath, 1);
    const top = await load(subjectPath, 1);
    if (bottom.non2xx + top.non2xx + bottom.errors + top.errors > 0)
      throw new Error('errors or non-2xx answers under load');
    baselineTotal += bottom.requestsPerSecond;
    subjectTotal += top.requestsPerSecond;
    pairs.push((top.requestsPerSecond / bottom.requestsPerSecond).toFixed(2));
  }
  console.log(
    `${baseline} ${(baselineTotal / windows).toFixed(0)} req/s, ${subject} ${(subjectTotal / windows).toFixed(0)} req/s: ` +
      `${subject} ÷ ${baseline} = ${(subjectTotal / baselineTotal).toFixed(2)} (per window pair: ${pairs.join(' ')})`,
  );
} finally {
  await generator.close();
  await stopBenchServer();
}
