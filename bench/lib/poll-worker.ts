// Runs in a worker thread (see poll.ts): the pages must not share the server's event loop.
import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { PollResult, PollSample, PollStart } from './poll-types.js';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** One GET on a keep-alive connection; resolves with the status and body (status 0 on a connection error). */
function get(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { ...headers, accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}

async function timed(
  samples: PollSample[],
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const startedAt = now();
  const answer = await get(agent, url, headers);
  samples.push([startedAt, now() - startedAt, answer.status]);
  return answer;
}

let stopping = false;

async function run(start: PollStart): Promise<PollResult> {
  const result: PollResult = { stamps: [], rereads: [], skipped: 0 };
  // One socket per open page at most, as each browser tab holds its own; idle ones are reused.
  const agent = new Agent({ keepAlive: true, maxSockets: start.cookies.length });
  const stampUrl = new URL(`/api/v1/call-outs/${start.callOutId}/change-stamp`, start.baseUrl);
  const callOutUrl = new URL(`/api/v1/call-outs/${start.callOutId}`, start.baseUrl);
  const began = now();
  const page = async (index: number, cookie: string) => {
    const headers = { ...start.headers, cookie };
    // Pages opened at random moments: their turns spread evenly over the period.
    let turn = began + (index / start.cookies.length) * start.periodMs;
    let shown: string | null = null;
    while (!stopping) {
      await sleep(turn - now());
      if (stopping) break;
      const answer = await timed(result.stamps, agent, stampUrl, headers);
      if (answer.status === 200) {
        const stamp = (JSON.parse(answer.body) as { stamp: string }).stamp;
        // The page shows what it read when it opened: the first stamp is the one it already has.
        if (start.reread && shown !== null && stamp !== shown)
          await timed(result.rereads, agent, callOutUrl, headers);
        shown = stamp;
      }
      turn += start.periodMs;
      while (turn < now()) {
        turn += start.periodMs;
        result.skipped += 1;
      }
    }
  };
  await Promise.all(start.cookies.map((cookie, index) => page(index, cookie)));
  agent.destroy();
  return result;
}

let running: Promise<PollResult> | undefined;

parentPort?.on('message', (message: { start: PollStart } | 'stop') => {
  if (message === 'stop') {
    stopping = true;
    running?.then(
      (result) => parentPort?.postMessage({ ok: true, result }),
      (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
    );
    return;
  }
  stopping = false;
  running = run(message.start);
});
