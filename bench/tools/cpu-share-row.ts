/**
 * Runs only call-out-fanout's CPU-share row (the child pinned to one core beside HOGS busy loops, default 3)
 * RUNS times and prints, per run, the suite's figures plus the busiest sliding second at the stand-in and
 * where the over-limit refusals fell. PostgreSQL when BENCH_DATABASE_URL is set, else PGlite in the child.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres RUNS=3 node --import tsx bench/tools/cpu-share-row.ts
 */
import { writeFileSync } from 'node:fs';
import { startThreadedConnector } from '../../tests/call-outs/connector-thread.js';
import { pressedFanOut } from '../lib/pressure.js';
import { figures, THROTTLED_SHARE } from '../suites/call-out-fanout.js';

const runs = Number(process.env.RUNS ?? 3);
const hogs = Number(process.env.HOGS ?? 3);
const recipients = Number(process.env.RECIPIENTS ?? 1000);

function peak(times: number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] as number) - (times[start] as number) >= 1000) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

const connector = await startThreadedConnector({ seed: 20_261_129 });
try {
  for (let run = 1; run <= runs; run += 1) {
    await connector.clear();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await connector.addFailure({
      status: 429,
      retryAfterSeconds: 1,
      kinds: ['send'],
      share: THROTTLED_SHARE,
    });
    const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
    const pressed = await pressedFanOut({
      connectorUrl: connector.url,
      recipients,
      ...(process.env.BENCH_DATABASE_URL ? { adminUrl: process.env.BENCH_DATABASE_URL } : {}),
      hogs,
      timeoutMs: 300_000,
      done: async () => (await connector.delivered()) >= recipients,
    });
    const requests = await connector.requests();
    const f = figures(requests, pressed.conversations, pressed.startedAt);
    const times = requests.map((r) => r.at).sort((a, b) => a - b);
    const appLimit = requests.filter((r) => r.refusal === 'app-limit').length;
    const convLimit = requests.filter((r) => r.refusal === 'conversation-limit').length;
    console.log(
      JSON.stringify({
        run,
        load,
        hogs,
        requests: f.requests,
        overLimit: f.limited,
        appLimit,
        convLimit,
        lost: f.lost,
        duplicates: f.duplicates,
        cardsPerS: Number(f.cardsRate.toFixed(1)),
        reqPerS: Number(f.rate.toFixed(1)),
        peakPerSecond: peak(times),
        seconds: Number(f.seconds.toFixed(1)),
        silenceMs: Math.round(f.silenceMs),
      }),
    );
    if (process.env.DUMP)
      writeFileSync(
        `${process.env.DUMP}-${run}.json`,
        JSON.stringify(requests.map((r) => ({ c: r.conversationId, at: r.at, s: r.status, why: r.refusal }))),
      );
  }
} finally {
  await connector.close();
}
