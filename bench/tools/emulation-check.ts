// Checks that the emulated network of bench/lib/network-emulation.ts (tab-load's emulated rows, tab-waterfall's
// EMULATE=1) reaches what a page loads besides its own requests: it times, in the page, a fetch() of /healthz and
// the script fetch of a dedicated worker (the kind of the tab's ICU warm-up worker: a same-origin script, here the
// tab's entry chunk, which fails to run as a classic worker script, so the worker's error event marks the fetch's
// end), each with a fresh query string (no cache), on loopback and emulated, alternately. Emulated, each should take
// at least the emulated latency more. Then the same page is loaded again (warm) and the requests served from the
// cache are counted, to show that the HTTP cache still works under emulation.
//   node --import tsx bench/tools/emulation-check.ts        (ROUNDS=2)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAB_DIST_DIR } from '../../src/server/app.js';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { describeConditions, emulateNetwork, PRODUCTION_LIKE } from '../lib/network-emulation.js';
import { freshContext } from '../lib/page-timing.js';

const rounds = Number(process.env.ROUNDS ?? 2);
const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(
  readFileSync(join(TAB_DIST_DIR, 'index.html'), 'utf8'),
)?.[1];
if (!entry) throw new Error('dist/tab/index.html has no entry script: run `npm run build` first');

const session = await openFirstPageSession(['overview']);
try {
  console.log(`emulated: ${describeConditions(PRODUCTION_LIKE)}`);
  for (let round = 0; round < rounds; round += 1)
    for (const emulate of [false, true]) {
      const context = await freshContext(session.browser, session.baseUrl, session.cookie);
      const page = await context.newPage();
      const cdp = emulate ? await emulateNetwork(page, PRODUCTION_LIKE) : await context.newCDPSession(page);
      if (!emulate) await cdp.send('Network.enable');
      // Per request of the load being counted: whether it came from the memory or disk cache.
      let fromCache = new Map<string, boolean>();
      cdp.on('Network.requestServedFromCache', (event) => {
        fromCache.set(event.requestId, true);
      });
      cdp.on('Network.responseReceived', (event) => {
        fromCache.set(
          event.requestId,
          fromCache.get(event.requestId) === true || event.response.fromDiskCache === true,
        );
      });
      await page.goto(`${session.baseUrl}/`, { waitUntil: 'networkidle' });
      const timed = await page.evaluate(async (script) => {
        let started = performance.now();
        await new Promise<void>((resolve) => {
          const worker = new Worker(`${script}?check=${Math.random()}`);
          worker.onerror = (event) => {
            event.preventDefault();
            resolve();
          };
          setTimeout(resolve, 5_000);
        });
        const workerScript = performance.now() - started;
        started = performance.now();
        await (await fetch(`/healthz?check=${Math.random()}`)).text();
        return { workerScript, pageFetch: performance.now() - started };
      }, entry);
      fromCache = new Map();
      await page.goto(`${session.baseUrl}/`, { waitUntil: 'networkidle' });
      console.log(
        `${emulate ? 'emulated' : 'loopback'}: worker script fetch ${timed.workerScript.toFixed(0)} ms, page fetch ${timed.pageFetch.toFixed(0)} ms; warm reload: ${[...fromCache.values()].filter(Boolean).length} of ${fromCache.size} responses from the cache`,
      );
      await context.close();
    }
} finally {
  await session.close();
}
