import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootPages } from '../../bench/lib/poll.js';

/*
 * The call-out-polling suite's pages (bench/lib/poll-worker.ts) against a loopback server that answers the
 * change stamp and the call-out as the API does: every page polls on its own turn, sends its cookie and the
 * client header, and reads the call-out again only when the stamp differs from the one it shows.
 */

let server: Server;
let baseUrl: string;
let stamp = 'v1';
const seen: { path: string; cookie: string; client: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      cookie: req.headers.cookie ?? '',
      client: String(req.headers['x-bondgenoten-client'] ?? ''),
    });
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/change-stamp')) res.end(JSON.stringify({ stamp }));
    else if (req.url === '/api/v1/call-outs/c1') res.end(JSON.stringify({ stamp }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the polling pages', () => {
  it('poll the stamp with each page’s cookie and re-read the call-out only after the stamp changed', async () => {
    const pages = bootPages();
    pages.start({
      baseUrl,
      callOutId: 'c1',
      cookies: ['s=a', 's=b', 's=c'],
      headers: { 'x-bondgenoten-client': 'tab' },
      periodMs: 200,
      reread: true,
    });
    // Wait until every page has polled at least twice with the first stamp.
    const pollsOf = (cookie: string) =>
      seen.filter((r) => r.cookie === cookie && r.path.endsWith('/change-stamp')).length;
    for (let i = 0; i < 200 && ['s=a', 's=b', 's=c'].some((c) => pollsOf(c) < 2); i += 1) await sleep(50);
    expect(seen.some((r) => r.path === '/api/v1/call-outs/c1')).toBe(false);
    stamp = 'v2';
    const rereadsOf = (cookie: string) =>
      seen.filter((r) => r.cookie === cookie && r.path === '/api/v1/call-outs/c1').length;
    for (let i = 0; i < 200 && ['s=a', 's=b', 's=c'].some((c) => rereadsOf(c) < 1); i += 1) await sleep(50);
    const result = await pages.stop();
    // Each page re-read once: the stamp changed once.
    expect(['s=a', 's=b', 's=c'].map(rereadsOf)).toEqual([1, 1, 1]);
    expect(result.rereads).toHaveLength(3);
    expect(result.stamps.length).toBe(seen.filter((r) => r.path.endsWith('/change-stamp')).length);
    expect(result.stamps.every(([, ms, status]) => status === 200 && ms >= 0)).toBe(true);
    expect(new Set(seen.map((r) => r.client))).toEqual(new Set(['tab']));
  });
});
